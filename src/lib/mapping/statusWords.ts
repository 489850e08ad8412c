/**
 * Status values (folded, see fold.ts) that say an order was not a plain sale, in the four
 * languages and in the vocabularies of Shopify, WooCommerce, Stripe and PayPal. A status
 * that starts with one of these words counts (e.g. 'partially refunded' -> 'refunded').
 */
export const statusWords: Record<'refunded' | 'cancelled' | 'failed', string[]> = {
  refunded: ['refunded', 'refund', 'partially refunded', 'returned', 'reversed', 'chargeback', 'wc refunded', 'rembourse', 'remboursement', 'retourne', 'reembolsado', 'reembolso', 'devuelto', 'rambursat', 'rambursare', 'returnat'],
  cancelled: ['cancelled', 'canceled', 'voided', 'void', 'wc cancelled', 'annule', 'annulee', 'cancelado', 'anulado', 'anulat', 'anulata'],
  failed: ['failed', 'declined', 'wc failed', 'echoue', 'echec', 'refuse', 'fallido', 'rechazado', 'esuat', 'respins'],
};

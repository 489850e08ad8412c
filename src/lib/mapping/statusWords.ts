/**
 * Status values (folded: no accents, lower case, single spaces; see statusSql.ts) and the class
 * each one means, in English, French, Spanish and Romanian and in the vocabularies of Shopify,
 * WooCommerce, Stripe and PayPal. A status that starts with one of these words is classed
 * (e.g. 'partially refunded' -> 'refunded'). Only 'refunded', 'cancelled' and 'failed' change
 * the numbers; the other classes give one spelling for a facet or a table.
 */

/** A stem with its endings: gender and number agree with the order (« commande remboursée »). */
const forms = (stem: string, endings: string[]) => endings.map((e) => stem + e);
/** French past participles: é, ée, és, ées. */
const fr = (stem: string) => forms(stem, ['', 'e', 's', 'es']);
/** Spanish past participles: -o, -a, -os, -as. */
const es = (stem: string) => forms(stem, ['o', 'a', 'os', 'as']);
/** Romanian past participles: -(t), -tă, -te, -ți, folded. */
const ro = (stem: string) => forms(stem, ['', 'a', 'e', 'i']);

export type StatusClass = 'refunded' | 'cancelled' | 'failed' | 'pending' | 'shipped' | 'completed' | 'paid';

export const statusWords: Record<StatusClass, string[]> = {
  refunded: [
    'refunded', 'refund', 'partially refunded', 'returned', 'reversed', 'chargeback', 'wc refunded',
    ...fr('rembourse'), 'remboursement', ...fr('partiellement rembourse'), ...fr('retourne'),
    ...es('reembolsad'), 'reembolso', ...es('devuelt'),
    ...ro('rambursat'), 'rambursare', ...ro('returnat'),
  ],
  cancelled: [
    'cancelled', 'canceled', 'voided', 'void', 'wc cancelled',
    ...fr('annule'), 'annulation',
    ...es('cancelad'), ...es('anulad'), 'cancelacion',
    ...ro('anulat'), 'anulare',
  ],
  failed: [
    'failed', 'declined', 'wc failed',
    ...fr('echoue'), 'echec', ...fr('refuse'),
    ...es('fallid'), ...es('rechazad'),
    ...ro('esuat'), 'respins', 'respinsa', 'respinse', 'respinsi',
  ],
  pending: [
    'pending', 'on hold', 'wc pending', 'wc on hold', 'awaiting payment', 'unpaid',
    'en attente', 'en cours',
    'pendiente', 'pendientes', 'en espera',
    'in asteptare', 'in curs', ...ro('neplatit'),
  ],
  shipped: [
    'shipped', 'fulfilled', 'dispatched', 'delivered',
    ...fr('expedie'), ...fr('livre'), ...fr('envoye'),
    ...es('enviad'), ...es('entregad'),
    ...ro('expediat'), ...ro('livrat'),
  ],
  completed: [
    'completed', 'complete', 'succeeded', 'wc completed',
    ...fr('termine'), ...fr('complete'),
    ...es('completad'), ...es('finalizad'),
    ...ro('finalizat'), ...ro('completat'),
  ],
  paid: [
    'paid',
    ...fr('paye'),
    ...es('pagad'),
    ...ro('platit'),
  ],
};

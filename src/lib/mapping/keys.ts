/**
 * A key column named by what it identifies and a word for "key", in any order and any of the
 * four languages: "Réf commande", "Order Ref", "Cust No", "Nr. comandă", "Código cliente".
 * Listing every pair as a synonym would be hundreds of names; this is one table.
 */
const keyWords = new Set(['id', 'number', 'reference', 'code', 'key']);

/** canonical key column -> the words for what it identifies (headerWords form: folded, abbreviations written out). */
const identifies: Record<string, string[]> = {
  order_id: ['order', 'commande', 'pedido', 'comanda', 'comenzii', 'invoice', 'facture', 'factura', 'transaction', 'transaccion', 'tranzactie'],
  customer_id: ['customer', 'client', 'cliente', 'clientului'],
  ticket_id: ['ticket', 'tichet', 'case'],
  lead_id: ['lead', 'prospect'],
};

/** The score a key pair gets: below an exact synonym (1), above a synonym found inside a longer header (0.6). */
export const keyScore = 0.9;

/**
 * Whether `words` (a header through headerWords) names the key `column`: one word for the thing
 * and one for key, nothing more ("Code postal client" is an address, not the customer's key).
 */
export function namesKey(column: string, words: string): boolean {
  const things = identifies[column];
  const [a, b, more] = words.split(' ');
  if (!things || b === undefined || more !== undefined) return false;
  return (keyWords.has(a) && things.includes(b)) || (keyWords.has(b) && things.includes(a));
}

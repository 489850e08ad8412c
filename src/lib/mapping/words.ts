/**
 * A header as the synonym lists compare it: camelCase split ("OrderNo" -> "order no"),
 * folded (fold.ts), abbreviations written out and filler words ("de", "of") dropped, so that
 * "N° de commande", "No commande" and "Num. commande" all read "number commande". Synonyms go
 * through the same function, so each list names a column once, not once per abbreviation.
 * The header signature and known layouts keep foldHeader: remembered corrections stay valid.
 */
import { foldHeader } from './fold';

/**
 * Abbreviations and spellings seen in exports, in the four languages -> the word the synonyms use.
 * Left out on purpose: "nb" (French count, not a key), "imp" and "desc" (Spanish tax, discount).
 */
const abbreviations: Record<string, string> = {
  // number of: English no/nr/num, French n°/no/num/numéro, Spanish núm/nro/número, Romanian nr/număr
  no: 'number', nr: 'number', nro: 'number', num: 'number', numero: 'number', numar: 'number',
  ref: 'reference', referencia: 'reference', referinta: 'reference',
  cod: 'code', codigo: 'code',
  cust: 'customer', clt: 'client', cli: 'cliente',
  ord: 'order', cde: 'commande', cmd: 'commande', ped: 'pedido',
  inv: 'invoice', fact: 'facture',
  qty: 'quantity', qte: 'quantite', cant: 'cantidad', cantit: 'cantitate', buc: 'cantitate',
  amt: 'amount', mnt: 'montant', val: 'valoare',
  dt: 'date', prod: 'product',
};

/** Words that join others and name nothing: "date de commande", "number of replies". */
const fillers = new Set(['de', 'du', 'des', 'd', 'la', 'le', 'l', 'del', 'el', 'of', 'the']);

export function headerWords(header: string): string {
  const split = header.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2');
  return foldHeader(split)
    .split(' ')
    .filter((w) => w && !fillers.has(w))
    .map((w) => abbreviations[w] ?? w)
    .join(' ');
}

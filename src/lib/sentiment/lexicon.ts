/**
 * A small hand-written polarity lexicon for customer-feedback language in English, French,
 * Spanish and Romanian: word stems (accents folded, lower case) scored -3 .. 3. It covers
 * shop-review vocabulary (quality, delivery, service, refunds), not language in general.
 * A stem matches any word starting with it, so 'recommand' covers 'recommande', 'recommandé'.
 */
export type Lexicon = Record<string, number>;

export const lexicons: Record<'en' | 'fr' | 'es' | 'ro', Lexicon> = {
  en: {
    love: 3, loving: 3, amazing: 3, excellent: 3, best: 3, perfect: 3, awesome: 3, fantastic: 3,
    great: 2, good: 2, happy: 2, recommend: 2, beautiful: 2, delicious: 2, fast: 1, quick: 1, helpful: 2, thank: 1, nice: 2, lovely: 2, tasty: 2, fresh: 1,
    bad: -2, terrible: -3, awful: -3, horrible: -3, worst: -3, broken: -2, damaged: -2, disappoint: -2, stale: -2, late: -1, slow: -1,
    rude: -2, refund: -1, never: -1, poor: -2, wrong: -2, missing: -2, angry: -2, useless: -3, scam: -3, expensive: -1, problem: -1,
  },
  fr: {
    adore: 3, excellent: 3, parfait: 3, genial: 3, superbe: 3, meilleur: 3, top: 2,
    super: 2, delicieu: 2, bon: 1, bien: 1, contente: 2, content: 2, recommand: 2, sympa: 2, efficace: 2, merci: 1, rapide: 1, beau: 2, belle: 2, qualite: 1,
    nul: -3, mauvais: -2, horrible: -3, decevant: -2, decu: -2, casse: -2, abime: -2, retard: -1, lent: -1, mediocre: -2,
    pire: -3, arnaque: -3, probleme: -1, rembourse: -1, cher: -1, jamais: -1,
  },
  es: {
    encanta: 3, excelente: 3, mejor: 3, perfecto: 3, genial: 3, maravill: 3,
    bueno: 2, buena: 2, contento: 2, contenta: 2, recomiendo: 2, delicioso: 2, precioso: 2, rapid: 1, gracias: 1, calidad: 1,
    malo: -2, mala: -2, pesimo: -3, horrible: -3, terrible: -3, decepcion: -2, roto: -2, rota: -2, rancio: -2, retraso: -1, tarda: -1,
    lento: -1, peor: -3, estafa: -3, problema: -1, reembolso: -1, caro: -1, nunca: -1,
  },
  ro: {
    ador: 3, excelent: 3, minunat: 3, perfect: 3, super: 2, buna: 2, bun: 2, frumos: 2, recomand: 2, multumit: 2, amabil: 2,
    rapid: 1, multumesc: 1, calitate: 1,
    slab: -2, groaznic: -3, oribil: -3, dezamagit: -2, dezamagitor: -2, spart: -2, deteriorat: -2, vechi: -1, intarzi: -1, prost: -2,
    teapa: -3, problema: -1, rambursar: -1, scump: -1, niciodata: -1, nimeni: -1,
  },
};

/** Words that flip the polarity of the next few words. */
export const negations: Record<'en' | 'fr' | 'es' | 'ro', string[]> = {
  en: ['not', 'no', "don't", 'dont', "isn't", 'isnt', 'never', 'without', "wasn't", 'wasnt'],
  fr: ['pas', 'ne', 'jamais', 'sans', 'aucun', 'aucune'],
  es: ['no', 'nunca', 'sin', 'ningun', 'ninguna'],
  ro: ['nu', 'fara', 'niciun', 'nicio'],
};

/** Frequent function words, to guess the language of a text that does not say. */
export const stopWords: Record<'en' | 'fr' | 'es' | 'ro', string[]> = {
  en: ['the', 'and', 'is', 'my', 'it', 'to', 'of', 'from', 'with', 'this', 'have', 'was', 'for', 'just', 'again'],
  fr: ['le', 'la', 'les', 'et', 'est', 'je', 'de', 'du', 'des', 'un', 'une', 'tres', 'pour', 'avec', 'encore'],
  es: ['el', 'la', 'los', 'las', 'y', 'es', 'de', 'del', 'un', 'una', 'muy', 'que', 'con', 'para', 'otra'],
  ro: ['si', 'este', 'de', 'la', 'cu', 'un', 'o', 'am', 'foarte', 'nu', 'mai', 'pentru', 'iar', 'cea', 'ca'],
};

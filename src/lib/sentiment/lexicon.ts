/**
 * A hand-written polarity lexicon for customer-feedback language in English, French, Spanish
 * and Romanian, scored -3 .. 3 (AFINN's scale). Keys are lower case with accents folded
 * ("déçu" is "decu", "întârziere" is "intarziere"). A key ending in `*` is a stem and matches
 * any word that starts with it ("recommand*": recommande, recommandé); the others match whole
 * words only, so "cher" (dear) does not score "chercher" (to look for). It covers shop-review
 * vocabulary (quality, taste, delivery, service, refunds), not the language in general.
 */
export type Lang = 'en' | 'fr' | 'es' | 'ro';
export type Lexicon = Record<string, number>;

export const lexicons: Record<Lang, Lexicon> = {
  en: {
    'love*': 3, amazing: 3, excellent: 3, best: 3, 'perfect*': 3, awesome: 3, fantastic: 3, outstanding: 3,
    wonderful: 3, incredible: 3, superb: 3, brilliant: 3, 'delight*': 3, gorgeous: 3, flawless: 3,
    great: 2, good: 2, happy: 2, 'recommend*': 2, 'beautiful*': 2, delicious: 2, helpful: 2, nice: 2,
    lovely: 2, tasty: 2, glad: 2, pleased: 2, 'satisf*': 2, 'enjoy*': 2, impressed: 2, friendly: 2,
    reliable: 2, smooth: 2, favourite: 2, favorite: 2, pleasant: 2, polite: 2, 'efficient*': 2, worth: 1,
    fast: 1, 'quick*': 1, easy: 1, 'thank*': 1, fresh: 1, fine: 1, fixed: 1, resolved: 1, solved: 1,
    bad: -2, terrible: -3, awful: -3, horrible: -3, worst: -3, worse: -2, broken: -2, broke: -2, damaged: -2,
    'disappoint*': -2, stale: -2, late: -1, 'delay*': -1, 'slow*': -1, rude: -2, refund: -1, 'poor*': -2,
    wrong: -2, missing: -2, lost: -2, stolen: -2, angry: -2, upset: -2, sad: -2, useless: -3, 'scam*': -3,
    expensive: -1, overpriced: -2, 'problem*': -1, issue: -1, issues: -1, 'complain*': -2, 'fault*': -2,
    'defect*': -2, 'leak*': -2, dirty: -2, 'disgust*': -3, 'hate*': -3, 'annoy*': -2, 'frustrat*': -2,
    unacceptable: -3, 'disaster*': -3, torn: -2, unhappy: -2, 'regret*': -2, unreliable: -2, 'waste*': -2, ignored: -2, unhelpful: -2, nobody: -1, mediocre: -2, bland: -1,
    weak: -1, spoiled: -2, moldy: -3, mouldy: -3, bitter: -1, sour: -1, 'crap*': -3, mess: -2, messy: -2,
  },
  fr: {
    'ador*': 3, 'excellent*': 3, 'parfait*': 3, 'genial*': 3, 'superbe*': 3, 'meilleur*': 3, 'magnifique*': 3,
    'formidable*': 3, 'exceptionnel*': 3, 'merveill*': 3, 'impeccable*': 3, 'ravi*': 3,
    super: 2, top: 2, 'delicieu*': 2, bon: 2, bonne: 2, bons: 2, bonnes: 2, content: 2, contente: 2, contents: 2,
    contentes: 2, 'recommand*': 2, 'sympa*': 2, 'efficace*': 2, beau: 2, 'belle*': 2, 'satisfait*': 2,
    'agreable*': 2, 'gentil*': 2, 'aimable*': 2, nickel: 2, bravo: 2, 'soign*': 2, 'heureu*': 2, plaisir: 2,
    aime: 2, aimes: 2, aimons: 2, aimez: 2, bien: 1, merci: 1, 'rapide*': 1, qualite: 1,
    'facile*': 1, frais: 1, fraiche: 1, 'conforme*': 1,
    'nul*': -3, 'mauvais*': -2, 'horrible*': -3, 'decevant*': -2, 'decu*': -2, deception: -2, casse: -2,
    cassee: -2, casses: -2, cassees: -2, 'abime*': -2, 'retard*': -1, lent: -1, lente: -1, lents: -1,
    lenteur: -1, 'mediocre*': -2, pire: -3, 'arnaque*': -3, 'probleme*': -1, 'rembourse*': -1, cher: -1,
    chere: -1, chers: -1, cheres: -1, inadmissible: -3, inacceptable: -3, 'honte*': -3, 'catastroph*': -3,
    'degout*': -3, sale: -2, 'perdu*': -2, colere: -2, 'enerv*': -2, 'fache*': -2, 'pourri*': -3,
    'perime*': -2, 'defectueu*': -2, plainte: -2, 'insatisfait*': -2, injoignable: -2, 'impoli*': -2,
    'desagreable*': -2, triste: -2, fuite: -2, mal: -1, amer: -1, amere: -1, 'desastr*': -3, dechire: -2, dechiree: -2,
  },
  es: {
    'encanta*': 3, 'excelente*': 3, mejor: 3, mejores: 3, 'perfect*': 3, 'genial*': 3, 'maravill*': 3,
    'increible*': 3, 'fantastic*': 3, 'estupend*': 3, 'magnific*': 3, 'espectacular*': 3, 'impecable*': 3,
    bueno: 2, buena: 2, buenos: 2, buenas: 2, buen: 2, 'content*': 2, 'recomiend*': 2, 'recomendad*': 2,
    'delicios*': 2, 'precios*': 2, 'amable*': 2, 'satisfech*': 2, feliz: 2, felices: 2, 'agradable*': 2,
    'bonit*': 2, rico: 2, rica: 2, gusta: 2, gustan: 2, 'atent*': 2, eficaz: 2, 'eficiente*': 2,
    'rapid*': 1, gracias: 1, calidad: 1, 'facil*': 1, fresco: 1, fresca: 1, bien: 1,
    malo: -2, mala: -2, malos: -2, malas: -2, mal: -1, 'pesim*': -3, 'horrible*': -3, 'terrible*': -3,
    'decepcion*': -2, roto: -2, rota: -2, rotos: -2, rotas: -2, rancio: -2, rancia: -2, 'retras*': -1,
    tarda: -1, tardanza: -1, lento: -1, lenta: -1, 'peor*': -3, 'estafa*': -3, 'problema*': -1,
    reembolso: -1, caro: -1, caros: -1, carisimo: -1, 'danad*': -2, 'defectuos*': -2, sucio: -2, sucia: -2,
    asco: -3, 'asqueros*': -3, fatal: -3, basura: -3, verguenza: -3, 'perdid*': -2, 'queja*': -2,
    'molest*': -2, 'enfad*': -2, triste: -2, inaceptable: -3, 'caducad*': -2, nadie: -1, 'desastr*': -3, 'falta*': -2,
  },
  ro: {
    'ador*': 3, 'excelent*': 3, 'minunat*': 3, 'perfect*': 3, 'superb*': 3, 'fantastic*': 3,
    'extraordinar*': 3, 'senzational*': 3, 'impecabil*': 3,
    super: 2, top: 2, bun: 2, buna: 2, buni: 2, bune: 2, frumos: 2, frumoasa: 2, frumoase: 2, frumosi: 2,
    'recomand*': 2, 'multumit*': 2, 'amabil*': 2, 'placut*': 2, place: 2, 'delicios*': 2, 'gustos*': 2,
    'fericit*': 2, 'incantat*': 2, bravo: 2, 'eficient*': 2,
    'rapid*': 1, multumesc: 1, calitate: 1, 'prompt*': 1, usor: 1, 'proaspat*': 1,
    'slab*': -2, 'groaznic*': -3, 'oribil*': -3, 'dezamagi*': -2, 'spart*': -2, 'deteriorat*': -2, vechi: -1,
    'intarzi*': -1, 'prost*': -2, 'proast*': -2, teapa: -3, problema: -1, probleme: -1, 'rambursar*': -1,
    'scump*': -1, nimeni: -1, rau: -2, 'nasol*': -2, 'jalnic*': -3, 'penibil*': -2, lent: -1, lenta: -1,
    'murdar*': -2, 'stricat*': -2, 'defect*': -2, lipsa: -2, 'pierdut*': -2, 'nemultumit*': -2,
    'suparat*': -2, 'reclamati*': -2, 'inacceptabil*': -3, 'escroc*': -3, 'dezastr*': -3, 'rupt*': -2, varsat: -1, 'zgomot*': -1, 'expirat*': -2,
  },
};

/** Words that flip the polarity of the next three words. "n" is French n' and Romanian n-. */
export const negations: Record<Lang, string[]> = {
  en: ['not', 'no', 'never', 'without', 'nor', 'cannot', "don't", 'dont', "doesn't", 'doesnt', "didn't", 'didnt',
    "isn't", 'isnt', "wasn't", 'wasnt', "aren't", "weren't", "won't", "can't", 'cant', 'hardly'],
  fr: ['ne', 'n', 'pas', 'jamais', 'sans', 'aucun', 'aucune', 'rien', 'ni'],
  es: ['no', 'nunca', 'jamas', 'sin', 'ni', 'ningun', 'ninguna', 'ninguno', 'tampoco'],
  ro: ['nu', 'n', 'fara', 'niciun', 'nicio', 'nici', 'niciodata'],
};

/** Frequent function words, to guess the language of a text that does not say. */
export const stopWords: Record<Lang, string[]> = {
  en: ['the', 'and', 'is', 'my', 'it', 'to', 'of', 'from', 'with', 'this', 'have', 'was', 'for', 'just', 'again', 'but', 'you', 'not', 'i', 'your', 'me', 'on', 'at', 'are', 'will'],
  fr: ['le', 'la', 'les', 'et', 'est', 'je', 'de', 'du', 'des', 'un', 'une', 'tres', 'pour', 'avec', 'encore', 'pas', 'mais', 'vous', 'mon', 'ma', 'mes', 'ce', 'cette', 'dans', 'sur', 'au', 'il', 'ca'],
  es: ['el', 'la', 'los', 'las', 'y', 'es', 'de', 'del', 'un', 'una', 'muy', 'que', 'con', 'para', 'otra', 'por', 'pero', 'lo', 'al', 'su', 'como', 'hoy', 'porque', 'todo'],
  ro: ['si', 'este', 'de', 'la', 'cu', 'un', 'o', 'am', 'foarte', 'nu', 'mai', 'pentru', 'iar', 'cea', 'ca', 'sa', 'din', 'pe', 'care', 'sunt', 'fost', 'dupa', 'mea', 'meu', 's', 'daca'],
};

/**
 * Lexicon sentiment in [-1, 1] for short customer texts in en/fr/es/ro: sum of word scores,
 * a negation flips the next three words, normalised by x / sqrt(x^2 + 15) (as VADER does),
 * so a single "good" is about 0.46 and a pile of praise approaches 1. Limits: no sarcasm,
 * no emoji beyond a few, no idioms, and stems can over-match; see README.md.
 */
import { lexicons, negations, stopWords } from './lexicon';

export type Lang = keyof typeof lexicons;
const langs = Object.keys(lexicons) as Lang[];

const fold = (text: string) => text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’]/g, "'");

const emoji: Record<string, number> = { '😍': 3, '❤': 3, '👍': 2, '🙂': 1, '😀': 2, '😡': -3, '👎': -2, '😞': -2, '🙁': -1 };

function tokens(text: string): string[] {
  return fold(text).split(/[^a-z'0-9\u0100-\u024f]+/).filter(Boolean);
}

/**
 * The language whose function words the text uses most; for a text too short to have any,
 * the one whose lexicon knows most of its words; English when nothing matches.
 */
export function detectLanguage(text: string): Lang {
  const words = tokens(text);
  const vote = (known: (lang: Lang, word: string) => boolean) => {
    let best: Lang | undefined;
    let bestCount = 0;
    for (const lang of langs) {
      const count = words.filter((w) => known(lang, w)).length;
      if (count > bestCount) [best, bestCount] = [lang, count];
    }
    return best;
  };
  const stop = Object.fromEntries(langs.map((l) => [l, new Set(stopWords[l])])) as Record<Lang, Set<string>>;
  return vote((lang, w) => stop[lang].has(w)) ?? vote((lang, w) => wordScore(w, lexicons[lang]) !== 0) ?? 'en';
}

/** Longest stem in the lexicon that starts the word (at least 3 letters), if any. */
function wordScore(word: string, lexicon: Record<string, number>): number {
  if (word in lexicon) return lexicon[word];
  for (let end = word.length - 1; end >= 3; end--) {
    const stem = word.slice(0, end);
    if (stem in lexicon) return lexicon[stem];
  }
  return 0;
}

export function scoreText(text: string, lang?: string | null): number {
  const language: Lang = langs.includes(lang as Lang) ? (lang as Lang) : detectLanguage(text);
  const lexicon = lexicons[language];
  const negators = new Set(negations[language]);
  let total = 0;
  let flip = 0;
  for (const word of tokens(text)) {
    if (negators.has(word)) {
      flip = 3;
      continue;
    }
    const s = wordScore(word, lexicon);
    total += flip > 0 ? -s : s;
    if (flip > 0) flip--;
  }
  for (const [symbol, s] of Object.entries(emoji)) if (text.includes(symbol)) total += s;
  return total / Math.sqrt(total * total + 15);
}

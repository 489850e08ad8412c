/**
 * Lexicon sentiment in [-1, 1] for short customer texts in en/fr/es/ro: sum of word scores,
 * a negation flips the next three words, normalised by x / sqrt(x^2 + 15) (as VADER does),
 * so a single "good" is about 0.46 and a pile of praise approaches 1. Limits: no sarcasm,
 * no emoji beyond a few, no idioms, and stems can over-match; see README.md.
 */
import { lexicons, negations, stopWords, type Lang, type Lexicon } from './lexicon';

export type { Lang };
const langs = Object.keys(lexicons) as Lang[];

const fold = (text: string) => text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’]/g, "'");

const emoji: Record<string, number> = { '😍': 3, '❤': 3, '👍': 2, '🙂': 1, '😀': 2, '😡': -3, '👎': -2, '😞': -2, '🙁': -1 };

/** Words, with a French elision split off ("j'adore" is "adore", "n'est" is "n" "est"). */
function tokens(text: string): string[] {
  return fold(text)
    .split(/[^a-z'0-9\u0100-\u024f]+/)
    .flatMap((word) => {
      const elided = /^(qu|[cdjlmnst])'(.+)$/.exec(word);
      if (elided) return elided[1] === 'n' ? ['n', elided[2]] : [elided[2]];
      return [word.replace(/^'+|'+$/g, '')];
    })
    .filter(Boolean);
}

const stopSets = Object.fromEntries(langs.map((l) => [l, new Set(stopWords[l])])) as Record<Lang, Set<string>>;

/**
 * The language whose function words the text uses most; ties (and texts too short to have
 * any) go to the language whose lexicon knows most of its words; English when nothing matches.
 */
export function detectLanguage(text: string): Lang {
  const words = tokens(text);
  let best: Lang = 'en';
  let bestVote = 0;
  for (const lang of langs) {
    const stops = words.filter((w) => stopSets[lang].has(w)).length;
    const known = words.filter((w) => wordScore(w, lexicons[lang]) !== 0).length;
    const vote = stops * 1000 + known;
    if (vote > bestVote) [best, bestVote] = [lang, vote];
  }
  return best;
}

/** The word's own entry, else the longest stem entry (`stem*`, 3 letters or more) it starts with. */
function wordScore(word: string, lexicon: Lexicon): number {
  if (Object.hasOwn(lexicon, word)) return lexicon[word];
  for (let end = word.length; end >= 3; end--) {
    const stem = `${word.slice(0, end)}*`;
    if (Object.hasOwn(lexicon, stem)) return lexicon[stem];
  }
  return 0;
}

/** `lang` may be a tag such as 'fr-FR' or 'RO'; another or no language is detected from the text. */
export function scoreText(text: string, lang?: string | null): number {
  const tag = lang?.trim().slice(0, 2).toLowerCase() as Lang;
  const language: Lang = langs.includes(tag) ? tag : detectLanguage(text);
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

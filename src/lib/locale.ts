/**
 * Which language the page speaks. The reader's own choice, remembered in this browser, wins;
 * then a shared notebook's language (its author's, only a default); then the browser's
 * languages (navigator.languages); then English. Plain TypeScript: the page and the runner
 * (`--lang`, LANG/LC_ALL) choose with the same rules.
 */
import { currentLanguage, setLocale } from './i18n';

export const languages = ['en', 'fr', 'es', 'ro'] as const;
export type Language = (typeof languages)[number];

/** Each language named in itself, as a language menu lists it. */
export const languageNames: Record<Language, string> = { en: 'English', fr: 'Français', es: 'Español', ro: 'Română' };

/** The region a language's numbers and dates take when the browser names none of its own. */
const defaultRegion: Record<Language, string> = { en: 'en-US', fr: 'fr-FR', es: 'es-ES', ro: 'ro-RO' };

const rememberKey = 'clientele.language';

export function isLanguage(code: unknown): code is Language {
  return typeof code === 'string' && (languages as readonly string[]).includes(code);
}

/** `fr` for `fr-CA`, `fr_FR.UTF-8` or `FR`; undefined for a language the app does not speak. */
export function languageOf(tag: string | undefined | null): Language | undefined {
  const code = (tag ?? '').split(/[-_.@]/)[0].toLowerCase();
  return isLanguage(code) ? code : undefined;
}

/** The first of `tags` (a browser's languages, in order of preference) the app speaks. */
export function pickLanguage(tags: readonly string[]): Language | undefined {
  for (const tag of tags) {
    const lang = languageOf(tag);
    if (lang) return lang;
  }
  return undefined;
}

/**
 * The locale numbers and dates are written in for `lang`: the browser's own tag when it is of
 * that language (`fr-CA` keeps Canadian French formats), else the language's usual region.
 */
export function localeFor(lang: Language, browserTags: readonly string[] = []): string {
  const own = browserTags.find((tag) => languageOf(tag) === lang && /^[a-z]{2}-[A-Za-z]{2}$/.test(tag));
  return own ?? defaultRegion[lang];
}

/** Which language to speak: the reader's remembered choice, then a shared default, then the browser's. */
export function chooseLanguage(o: { remembered?: string | null; shared?: string | null; browser?: readonly string[] }): Language {
  return languageOf(o.remembered) ?? languageOf(o.shared) ?? pickLanguage(o.browser ?? []) ?? 'en';
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage refused (a sandboxed frame, privacy settings)
  }
}

/** The language the reader chose in this browser, if they chose one. */
export function rememberedLanguage(): Language | undefined {
  try {
    return languageOf(storage()?.getItem(rememberKey));
  } catch {
    return undefined;
  }
}

function browserTags(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/** Speak `lang` now: the catalogs, the number and date formats and the page's `<html lang>`. */
export function speak(lang: Language) {
  setLocale(localeFor(lang, browserTags()));
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/** On start: the remembered choice, else the browser's languages. */
export function startLanguage(): Language {
  const lang = chooseLanguage({ remembered: rememberedLanguage(), browser: browserTags() });
  speak(lang);
  return lang;
}

/** The reader chose `lang` in the language menu: speak it and remember it. */
export function chooseAndRemember(lang: Language) {
  try {
    storage()?.setItem(rememberKey, lang);
  } catch {
    // not remembered; the page still speaks it
  }
  speak(lang);
}

/** The language being spoken. */
export function spokenLanguage(): Language {
  return languageOf(currentLanguage()) ?? 'en';
}

/**
 * A shared notebook arrived with its author's language: speak it unless the reader chose one
 * in this browser. Only a default: it is not remembered.
 */
export function applySharedLanguage(language: string | undefined | null) {
  const lang = chooseLanguage({ remembered: rememberedLanguage(), shared: language, browser: browserTags() });
  if (lang !== spokenLanguage()) speak(lang);
}

/** The language a notebook being shared records (`NotebookDoc.language`). */
export function languageForDoc(): Language {
  return spokenLanguage();
}


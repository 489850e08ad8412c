/**
 * A query module's words in the reader's language. A module keeps one SQL and one English header;
 * its title, definition, column labels (`show:`), parameter descriptions and `input` units in
 * French, Spanish and Romanian sit beside the modules in queries/i18n/<lang>.json, keyed by module
 * id, then by column or parameter name (test/unit/i18nCatalogs.test.ts holds every current module
 * to having them all). A kept older version (`id@n`, opened from an old link) reads its id's
 * title and definition, and its id's labels for the columns and parameters it shares; a column
 * only it has keeps its English label.
 */
import fr from '../../queries/i18n/fr.json';
import es from '../../queries/i18n/es.json';
import ro from '../../queries/i18n/ro.json';
import { currentLanguage } from './i18n';
import type { QueryModule } from './queryModule';

export interface ModuleWords {
  title: string;
  definition: string;
  /** Column name -> label. */
  columns: Record<string, string>;
  /** Parameter name -> description. */
  params?: Record<string, string>;
  /** Parameter name -> the unit written after its control (days, customers). */
  units?: Record<string, string>;
}

export const moduleTranslations: Record<string, Record<string, ModuleWords>> = { fr, es, ro };

/** The words of module `id` in `lang` (the current language by default); undefined in English. */
export function moduleWords(id: string, lang = currentLanguage()): ModuleWords | undefined {
  return moduleTranslations[lang]?.[id];
}

const localized = new Map<string, WeakMap<QueryModule, QueryModule>>();

/**
 * `module` with its words in `lang`: the same object in English, else a copy whose SQL, columns'
 * names, types and formats are the module's own. Memoised, so a cell keeps one object per language.
 */
export function localizeModule(module: QueryModule, lang = currentLanguage()): QueryModule {
  const words = moduleWords(module.id, lang);
  if (!words) return module;
  let byModule = localized.get(lang);
  if (!byModule) localized.set(lang, (byModule = new WeakMap()));
  const known = byModule.get(module);
  if (known) return known;
  const copy: QueryModule = {
    ...module,
    title: words.title,
    definition: words.definition,
    columns: module.columns.map((c) => (words.columns[c.name] ? { ...c, label: words.columns[c.name] } : c)),
    params: module.params.map((p) => {
      const description = words.params?.[p.name] ?? p.description;
      const unit = words.units?.[p.name];
      const input = p.input?.kind === 'range' && p.input.unit && p.input.unit !== 'percent' && unit ? { ...p.input, unit } : p.input;
      return { ...p, description, ...(input ? { input } : {}) };
    }),
  };
  byModule.set(module, copy);
  return copy;
}

/** A module's title in the current language, from its id (the runner's report, a list of modules). */
export function moduleTitle(id: string, english: string): string {
  return moduleWords(id)?.title ?? english;
}

/** A result column's label in the current language. */
export function columnLabel(id: string, column: string, english: string): string {
  return moduleWords(id)?.columns[column] ?? english;
}

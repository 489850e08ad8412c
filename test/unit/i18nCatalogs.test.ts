// Pins the languages: French, Spanish and Romanian have exactly the English catalog's keys (plus
// the plural forms their language has), the same placeholders, their own typography; every
// current query module has its title, definition, labels, parameter descriptions and units in
// each; counts take each language's forms; the language is chosen remembered > shared > browser;
// and numbers, the module words and the runner's report follow the language chosen.
import { afterEach, describe, expect, test } from 'vitest';
import { readCatalog } from '../../src/cli/readModules';
import { dictionaries, english, setLocale, t, tn } from '../../src/lib/i18n';
import { chooseLanguage, languageOf, languages, localeFor, pickLanguage, speak } from '../../src/lib/locale';
import { localizeModule, moduleTranslations } from '../../src/lib/moduleText';
import { categoryWords, formatColumnValue, formatHeadline } from '../../src/lib/formatValue';
import { facetValueLabel } from '../../src/lib/facetLabels';
import { numberLocale, timeLocale } from '../../src/lib/vegaLocale';
import { textReport } from '../../src/cli/textReport';
import { envLanguage, parseKpiArgs } from '../../src/cli/kpiArgs';

const others = languages.filter((l) => l !== 'en');
const catalog = readCatalog();
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const localeOf = { en: 'en-US', fr: 'fr-FR', es: 'es-ES', ro: 'ro-RO' } as const;

afterEach(() => setLocale('en-US'));

/** The English key a translation's key stands for: `data.rows.few` -> `data.rows` when the language has a `few` form. */
function englishKey(lang: string, key: string): string | undefined {
  if (key in english) return key;
  const categories = new Intl.PluralRules(localeOf[lang as keyof typeof localeOf]).resolvedOptions().pluralCategories as string[];
  const m = /^(.*)\.(zero|two|few|many)$/.exec(key);
  return m && m[1] in english && categories.includes(m[2]) ? m[1] : undefined;
}

describe.each(others)('the %s catalog', (lang) => {
  const dict = dictionaries[lang];

  test('has every key of the English catalog', () => {
    expect(Object.keys(english).filter((k) => dict[k] === undefined)).toEqual([]);
  });

  test('has no key the English catalog lacks (plural forms of its language aside)', () => {
    expect(Object.keys(dict).filter((k) => !englishKey(lang, k))).toEqual([]);
  });

  test('fills the same placeholders as English', () => {
    const differ = Object.entries(dict).filter(([k, v]) => {
      const en = englishKey(lang, k);
      return en && placeholders(v).join() !== placeholders(english[en]).join();
    });
    expect(differ.map(([k]) => k)).toEqual([]);
  });

  test('is not English left in place', () => {
    // Words that are the same in both (NPS, SQL, Chat, a file format) are allowed; long sentences are not.
    const words = (v: string) => v.replace(/\{\w+\}/g, '').match(/[a-z]{3,}/gi) ?? [];
    const same = Object.entries(dict).filter(([k, v]) => v === english[k as keyof typeof english] && words(v).length > 1 && k !== 'cell.defaultSql');
    expect(same.map(([k]) => k)).toEqual([]);
  });
});

test('Romanian has the few form of every count with a singular, and counts agree: 1 rând, 3 rânduri, 20 de rânduri, 101 rânduri', () => {
  const missing = Object.keys(english).filter((k) => k.endsWith('.one') && dictionaries.ro[`${k.slice(0, -4)}.few`] === undefined);
  expect(missing).toEqual([]);
  speak('ro');
  expect([1, 3, 19, 20, 101, 1000].map((n) => tn('data.rows', n, { rows: n }))).toEqual(['1 rând', '3 rânduri', '19 rânduri', '20 de rânduri', '101 rânduri', '1.000 de rânduri']);
});

test('French counts 0 as singular, English does not', () => {
  speak('fr');
  expect(tn('data.rows', 0, { rows: 0 })).toBe('0 ligne');
  expect(tn('data.rows', 2, { rows: 2 })).toBe('2 lignes');
  speak('en');
  expect(tn('data.rows', 0, { rows: 0 })).toBe('0 rows');
  expect(tn('data.rows', 1, { rows: 1 })).toBe('1 row');
});

test('French puts no-break spaces before its double punctuation and inside « »; the others use their quotes; Romanian writes ș and ț with a comma', () => {
  const fr = Object.values(dictionaries.fr).join('\n');
  expect(fr).not.toMatch(/ [:;!?»]|« |'/);
  expect(fr).toContain('\u00a0:');
  expect(dictionaries.fr['mapping.title']).toBe('Quelle colonne est quoi dans «\u00a0{name}\u00a0»\u202f?');
  expect(dictionaries.es['mapping.title']).toBe('¿Qué columna es cuál en «{name}»?');
  expect(dictionaries.ro['mapping.title']).toBe('Care coloană ce este în „{name}”?');
  const ro = [...Object.values(dictionaries.ro), JSON.stringify(moduleTranslations.ro)].join('\n');
  expect(ro).not.toMatch(/[şţŞŢ]/);
  expect(ro).toMatch(/ș/);
});

describe.each(others)('the %s module words', (lang) => {
  const words = moduleTranslations[lang];

  test('every current module has its title, definition, column labels, parameter descriptions and units', () => {
    const gaps: string[] = [];
    for (const m of catalog.current) {
      const w = words[m.id];
      if (!w?.title || !w.definition) {
        gaps.push(`${m.id}: title or definition`);
        continue;
      }
      for (const c of m.columns) if (!w.columns?.[c.name]) gaps.push(`${m.id}: column ${c.name}`);
      for (const p of m.params) if (!w.params?.[p.name]) gaps.push(`${m.id}: param ${p.name}`);
      for (const p of m.params) if (p.input?.kind === 'range' && p.input.unit && p.input.unit !== 'percent' && !w.units?.[p.name]) gaps.push(`${m.id}: unit of ${p.name}`);
    }
    expect(gaps).toEqual([]);
  });

  test('names no module, column or parameter the modules do not have', () => {
    const extra: string[] = [];
    for (const [id, w] of Object.entries(words)) {
      const m = catalog.current.find((c) => c.id === id);
      if (!m) {
        extra.push(id);
        continue;
      }
      for (const c of Object.keys(w.columns ?? {})) if (!m.columns.some((mc) => mc.name === c)) extra.push(`${id}: column ${c}`);
      for (const p of Object.keys({ ...w.params, ...w.units })) if (!m.params.some((mp) => mp.name === p)) extra.push(`${id}: param ${p}`);
    }
    expect(extra).toEqual([]);
  });

  test('a localized module keeps its SQL, columns and formats', () => {
    for (const m of catalog.current) {
      const l = localizeModule(m, lang);
      expect(l.sql).toBe(m.sql);
      expect(l.columns.map((c) => [c.name, c.type, c.format])).toEqual(m.columns.map((c) => [c.name, c.type, c.format]));
      expect(l.headline).toEqual(m.headline);
      expect(l.title).not.toBe('');
    }
  });
});

test('churn is said as a marketer in each language says it', () => {
  const retention = catalog.current.find((m) => m.id === 'retention_rate')!;
  expect(localizeModule(retention, 'fr').columns.find((c) => c.name === 'churn_rate')!.label).toBe('Taux d’attrition');
  expect(localizeModule(retention, 'es').columns.find((c) => c.name === 'churn_rate')!.label).toBe('Tasa de abandono');
  expect(localizeModule(retention, 'ro').columns.find((c) => c.name === 'churn_rate')!.label).toBe('Rata de abandon');
  expect(localizeModule(retention, 'en')).toBe(retention);
});

test('the language: remembered choice, then a shared notebook’s, then the browser’s first we speak, then English', () => {
  expect(chooseLanguage({ remembered: 'ro', shared: 'fr', browser: ['es-ES'] })).toBe('ro');
  expect(chooseLanguage({ remembered: null, shared: 'fr', browser: ['es-ES'] })).toBe('fr');
  expect(chooseLanguage({ shared: 'de', browser: ['de-DE', 'es-MX', 'fr'] })).toBe('es');
  expect(chooseLanguage({ browser: ['de-DE'] })).toBe('en');
  expect(pickLanguage(['pt-BR', 'RO'])).toBe('ro');
  expect(languageOf('fr_FR.UTF-8')).toBe('fr');
  expect(localeFor('fr', ['fr-CA', 'en'])).toBe('fr-CA');
  expect(localeFor('es', ['fr-CA'])).toBe('es-ES');
});

test('numbers, money, percents and dates follow the language', () => {
  const shown = (lang: 'en' | 'fr' | 'es' | 'ro') => {
    speak(lang);
    return [formatColumnValue(1234.5, 'number'), formatHeadline(12345.5, 'currency', 'EUR'), formatHeadline(0.256, 'percent'), formatColumnValue('2025-03-01', 'month'), t('scope.last30')];
  };
  expect(shown('en')).toEqual(['1,234.50', '€12,346', '25.6%', 'Mar 2025', 'Last 30 days']);
  expect(shown('fr')).toEqual(['1\u202f234,50', '12\u202f346\u00a0€', '25,6\u00a0%', 'mars 2025', '30 derniers jours']);
  expect(shown('es')).toEqual(['1234,50', '12.346\u00a0€', '25,6\u00a0%', 'mar 2025', 'Últimos 30 días']);
  expect(shown('ro')).toEqual(['1.234,50', '12.346\u00a0EUR', '25,6\u00a0%', 'mar. 2025', 'Ultimele 30 de zile']);
});

test('category codes the modules produce read in the language; a shop’s own code is only made readable', () => {
  speak('fr');
  expect(formatColumnValue('one-time', 'category')).toBe('Une fois');
  expect(formatColumnValue('paid_search', 'category')).toBe('Référencement payant');
  expect(formatColumnValue('black_friday_ads', 'category')).toBe('Black friday ads');
  speak('en');
  expect(formatColumnValue('one-time', 'category')).toBe('One time');
  expect(formatColumnValue('trial only', 'category')).toBe('trial only');
});

test('Vega’s format locale comes from Intl for the language', () => {
  expect(numberLocale('fr-FR')).toMatchObject({ decimal: ',', thousands: '\u202f', currency: ['', '\u00a0€'] });
  expect(numberLocale('en-US')).toMatchObject({ decimal: '.', thousands: ',', currency: ['€', ''] });
  expect(numberLocale('ro-RO')).toMatchObject({ decimal: ',', thousands: '.' });
  expect(timeLocale('ro-RO').months[0]).toBe('ianuarie');
  expect(timeLocale('es-ES').days[1]).toBe('lunes');
  expect(timeLocale('fr-FR').date).toBe('%d/%m/%Y');
});

test('the runner speaks --lang, else LANG/LC_ALL, else English; its report is in that language', () => {
  expect(envLanguage({ LANG: 'fr_FR.UTF-8' })).toBe('fr');
  expect(envLanguage({ LC_ALL: 'C', LANG: 'ro_RO.UTF-8' })).toBe('en');
  expect(envLanguage({ LC_ALL: 'es_MX.UTF-8', LANG: 'fr_FR' })).toBe('es');
  expect(parseKpiArgs(['x.csv'], { LANG: 'ro_RO.UTF-8' }).lang).toBe('ro');
  expect(parseKpiArgs(['x.csv', '--lang', 'fr'], { LANG: 'ro_RO.UTF-8' }).lang).toBe('fr');
  expect(() => parseKpiArgs(['x.csv', '--lang', 'de'], {})).toThrow('--lang de: give one of en, fr, es, ro');
  const report = {
    period: { start: '2024-01-01', end: '2024-01-31' },
    modules: [{ id: 'retention_rate', version: 3, title: 'Retention rate (churn is what is left)', columns: [{ name: 'churn_rate', label: 'Churn rate', format: 'percent' as const }], rows: [{ churn_rate: 0.25 }], headline: { column: 'churn_rate', format: 'percent' as const, value: 0.25 } }],
    skipped: [{ id: 'profit_per_customer', title: 'Average profit per customer', needs: ['orders(cost)'] }],
  };
  speak('fr');
  const fr = textReport(report as never);
  expect(fr).toContain('Période du 2024-01-01 au 2024-01-31');
  expect(fr).toContain('Taux de rétention (le taux d’attrition est le reste) (retention_rate@3)\u00a0: 25\u00a0%');
  expect(fr).toContain('Taux d’attrition');
  expect(fr).toContain('Ajoutez un export de commandes avec une colonne coût (Shopify, WooCommerce, un ERP) pour voir Marge moyenne par client.');
  speak('en');
  expect(textReport(report as never)).toContain('Retention rate (churn is what is left) (retention_rate@3): 25%');
});

test('RFM segment names and the runner’s scope lines read in the language; English stays as the modules write it', () => {
  speak('fr');
  expect(facetValueLabel('rfm_segment', "Can't lose them")).toBe('À ne pas perdre');
  expect(facetValueLabel('revenue_contribution', 'top_20')).toBe('Top 20\u00a0% des clients');
  expect(categoryWords('At risk')).toBe('À risque');
  speak('es');
  expect(categoryWords('Champions')).toBe('Campeones');
  speak('ro');
  expect(categoryWords('Champions')).toBe('Campioni');
  speak('en');
  expect(['top_20', 'next_30', 'bottom_50'].map((v) => facetValueLabel('revenue_contribution', v))).toEqual(['Top 20% of customers', 'Next 30%', 'Bottom 50%']);
  speak('ro');
  const segment = { name: 'Fideli', match: 'all', conditions: [{ field: 'orders', op: 'gte', value: 2 }, { field: 'country', op: 'is', value: 'RO' }] };
  const report = {
    period: { start: '2024-01-01', end: '2024-01-31' },
    scope: { facets: { country: ['RO', 'FR'] }, compareSegment: segment },
    modules: [{ id: 'order_count', version: 1, title: 'Orders', columns: [], rows: [], headline: { column: 'orders', format: 'integer' as const, value: 3 }, compare: { segment: { headline: 3 }, rest: { headline: 0, error: 'boom' } }, unfiltered: ['marketing_spend'] }],
    skipped: [],
  };
  const ro = textReport(report as never);
  expect(ro).toContain('Fațete: country "RO" sau "FR" (clienții cu tot istoricul lor');
  expect(ro).toContain('Comparat: segmentul „Fideli” (orders gte 2 și country is "RO")');
  expect(ro).toContain('segmentul „Fideli”: 3; toți ceilalți: eșuat: boom');
  expect(ro).toContain('(citește marketing_spend în întregime: niciun client în ele)');
  expect(ro).not.toMatch(/everyone|whole|failed|Facets|Compared/);
  speak('en');
  expect(categoryWords('Can\'t lose them')).toBe('Can\'t lose them');
  const en = textReport(report as never);
  expect(en).toContain('Facets: country "RO" or "FR" (customers with all their records; marketing spend and mentions are read whole)');
  expect(en).toContain('Compared: segment "Fideli" (orders gte 2 and country is "RO") beside everyone else in scope');
  expect(en).toContain('    segment "Fideli": 3; everyone else: failed: boom');
  expect(en).toContain('    (reads marketing_spend whole: no customer in them)');
});

/** The command line of `npm run kpis`: files, an optional period, output form, module filter, parameter values. */
import { parseArgs } from 'node:util';
import { parseDiscountPercent, parseHorizon } from '../lib/clv/clvOptions';
import { coerceParam, paramProblem, type ParamType, type QueryModule } from '../lib/queryModule';
import type { ParamValues } from '../lib/runModule';
import type { FacetChoices, SegmentDef } from '../lib/customerSets';
import { parseFacetFlags, readSegmentFile } from './scopeArgs';
import { languageOf, languages, speak, type Language } from '../lib/locale';
import { t, type MessageKey } from '../lib/i18n';
import { Said } from '../lib/said';
import { localizeModule } from '../lib/moduleText';

export interface KpiArgs {
  files: string[];
  from?: string;
  to?: string;
  json: boolean;
  only?: string[];
  /** A folder of query modules to run instead of queries/. */
  queries?: string;
  /** Last day the lifetime-value models learn from (default: the last 40% of the period held out). */
  calibrationEnd?: string;
  /** Months ahead the lifetime value is predicted for (1..120, as on the page). */
  horizonMonths?: number;
  /** Monthly discount rate as a share; given as a percent (0..10, as on the page). */
  monthlyDiscount?: number;
  /** Mapping files exported from the page, for files the page would ask about. */
  mappings: string[];
  /** Date order where a column's dates never show a day above 12 (default: day first, as the page). */
  dateOrder?: 'dmy' | 'mdy';
  /** The currency of orders that name none, or the one to keep when they name several (ISO code). */
  currency?: string;
  /** A DuckDB database file, or md:<name> (MotherDuck), whose tables are read in place. */
  db?: string;
  /** A folder to write one file per cell into. */
  out?: string;
  outFormat: 'parquet' | 'csv';
  /** DuckDB's memory limit ('8GB'); default from the machine (src/cli/engine.ts). */
  memoryLimit?: string;
  /** Where DuckDB spills; default a private folder under the system's temporary folder. */
  tempDir?: string;
  /** `--customers FILE.csv`: the customer list of the period (queries/customers/customer_facts.sql) as CSV. */
  customers?: string;
  /** The CSV's delimiter: ',' (decimal dot) or ';' (decimal comma, for Excel in a European locale). */
  csvDelimiter: ',' | ';';
  /** `--param module.name=value`, as typed: checked against the modules by `moduleParams`. */
  params: { module: string; name: string; text: string }[];
  /** `--facet id=value`, repeatable (src/cli/scopeArgs.ts). */
  facets: FacetChoices;
  /** `--segment FILE[#NAME]`: only the segment's customers. */
  segment?: SegmentDef;
  /** `--compare-segment FILE[#NAME]`: each KPI for the segment beside everyone else. */
  compareSegment?: SegmentDef;
  /** The text report's language (`--lang fr`), else LANG/LC_ALL's, else English. */
  lang: Language;
}

/** The usage line, in the language spoken (`speak`). */
export const usage = () => t('runner.usage');

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** The environment's language (LC_ALL, then LC_MESSAGES, then LANG: `fr_FR.UTF-8`), when the app speaks it. */
export function envLanguage(env: Record<string, string | undefined> = process.env): Language {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    if (env[name]) return languageOf(env[name]) ?? 'en';
  }
  return 'en';
}

/**
 * The language asked for (`--lang xx` or `--lang=xx`), else the environment's: read before anything
 * else, so that every complaint about the rest of the command line is in that language. An
 * unknown --lang is reported by `parseKpiArgs`, in the environment's language.
 */
export function argsLanguage(argv: string[], env: Record<string, string | undefined> = process.env): Language {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const given = at < 0 ? undefined : argv[at].startsWith('--lang=') ? argv[at].slice(7) : argv[at + 1];
  return languageOf(given) ?? envLanguage(env);
}

function fail(message: string): never {
  throw new Said(message);
}

/** Reads the command line, speaking its language (`argsLanguage`) first; throws a sentence in it. */
export function parseKpiArgs(argv: string[], env: Record<string, string | undefined> = process.env): KpiArgs {
  speak(argsLanguage(argv, env));
  let parsed: ReturnType<typeof readArgs>;
  try {
    parsed = readArgs(argv);
  } catch (e) {
    // Node's own words (unknown option, missing value) are the detail.
    return fail(`${t('runner.badOption', { detail: (e as Error).message })}\n${usage()}`);
  }
  return checkArgs(parsed.values, parsed.positionals, env);
}

function readArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean', default: false },
      only: { type: 'string' },
      queries: { type: 'string' },
      'calibration-end': { type: 'string' },
      horizon: { type: 'string' },
      discount: { type: 'string' },
      mapping: { type: 'string', multiple: true },
      'date-order': { type: 'string' },
      currency: { type: 'string' },
      db: { type: 'string' },
      out: { type: 'string' },
      'out-format': { type: 'string', default: 'parquet' },
      'memory-limit': { type: 'string' },
      'temp-dir': { type: 'string' },
      param: { type: 'string', multiple: true },
      facet: { type: 'string', multiple: true },
      segment: { type: 'string' },
      'compare-segment': { type: 'string' },
      customers: { type: 'string' },
      'csv-delimiter': { type: 'string', default: ',' },
      lang: { type: 'string' },
    },
  });
}

function checkArgs(values: ReturnType<typeof readArgs>['values'], positionals: string[], env: Record<string, string | undefined>): KpiArgs {
  if (positionals.length === 0 && !values.db) fail(`${t('runner.noFiles')}\n${usage()}`);
  const outFormat = values['out-format'];
  if (outFormat !== 'parquet' && outFormat !== 'csv') return fail(t('runner.outFormat', { value: String(outFormat) }));
  for (const flag of ['from', 'to', 'calibration-end'] as const) {
    const day = values[flag];
    if (day !== undefined && (!isoDay.test(day) || Number.isNaN(Date.parse(day)))) fail(t('runner.notDate', { flag, value: day }));
  }
  const dateOrder = values['date-order'];
  if (dateOrder !== undefined && dateOrder !== 'dmy' && dateOrder !== 'mdy') return fail(t('runner.dateOrder', { value: dateOrder }));
  const currency = values.currency?.trim().toUpperCase();
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) fail(t('runner.currency', { value: String(values.currency) }));
  const horizon = values.horizon === undefined ? undefined : parseHorizon(values.horizon);
  if (horizon && !horizon.ok) fail(t('runner.flagProblem', { flag: '--horizon', value: String(values.horizon), problem: horizon.problem }));
  const discount = values.discount === undefined ? undefined : parseDiscountPercent(values.discount);
  if (discount && !discount.ok) fail(t('runner.flagProblem', { flag: '--discount', value: String(values.discount), problem: discount.problem }));
  const params = (values.param ?? []).map((given) => {
    const m = /^([a-z_][a-z0-9_]*)\.([a-z_][a-z0-9_]*)=(.*)$/.exec(given);
    if (!m) return fail(t('runner.param', { value: given }));
    return { module: m[1], name: m[2], text: m[3] };
  });
  const csvDelimiter = values['csv-delimiter'];
  if (csvDelimiter !== ',' && csvDelimiter !== ';') return fail(t('runner.csvDelimiter', { value: String(csvDelimiter) }));
  const lang = values.lang === undefined ? envLanguage(env) : languageOf(values.lang);
  if (!lang) return fail(t('runner.lang', { value: String(values.lang), languages: languages.join(', ') }));
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  return { files: positionals, from: values.from, to: values.to, json: values.json ?? false, only, queries: values.queries, calibrationEnd: values['calibration-end'], horizonMonths: horizon?.value, monthlyDiscount: discount?.value, mappings: values.mapping ?? [], dateOrder, currency,
    db: values.db, out: values.out, outFormat, memoryLimit: values['memory-limit'], tempDir: values['temp-dir'], params, customers: values.customers, csvDelimiter, lang,
    facets: parseFacetFlags(values.facet ?? []),
    ...(values.segment ? { segment: readSegmentFile(values.segment, '--segment') } : {}),
    ...(values['compare-segment'] ? { compareSegment: readSegmentFile(values['compare-segment'], '--compare-segment') } : {}) };
}

const typeWords: Record<ParamType, MessageKey> = { integer: 'runner.typeInteger', double: 'runner.typeDouble', date: 'runner.typeDate', boolean: 'runner.typeBoolean', varchar: 'runner.typeVarchar' };

/**
 * The values given with --param, by module id, each read as its parameter's type (a share may be
 * given as a percent, 20%) and held to the rule the page's controls apply (`paramProblem`). Throws
 * a message naming the module and parameter for a value a module would refuse.
 */
export function moduleParams(given: KpiArgs['params'], modules: QueryModule[]): Map<string, ParamValues> {
  const byModule = new Map<string, ParamValues>();
  for (const { module: id, name, text } of given) {
    const flag = `--param ${id}.${name}=${text}`;
    const module = modules.find((m) => m.id === id);
    if (!module) return fail(t('runner.paramNoModule', { flag, id }));
    // In the language spoken: a range's unit ("1 to 1000 customers") is the module's word for it.
    const param = localizeModule(module).params.find((p) => p.name === name);
    if (!param) return fail(module.params.length ? t('runner.paramUnknownHas', { flag, id, name, names: module.params.map((p) => p.name).join(', ') }) : t('runner.paramUnknown', { flag, id, name }));
    const percent = param.input?.kind === 'range' && param.input.unit === 'percent' && /%\s*$/.test(text);
    const read = text.trim() === 'null' ? null : coerceParam(param.type, percent ? text.replace(/%\s*$/, '') : text);
    if (read === undefined) fail(t('runner.paramType', { flag, id, name, type: t(typeWords[param.type]) }));
    const value = percent && typeof read === 'number' ? read / 100 : read;
    const problem = paramProblem(param, value);
    if (problem) fail(t('runner.paramProblem', { flag, id, problem }));
    byModule.set(id, { ...byModule.get(id), [name]: value });
  }
  return byModule;
}

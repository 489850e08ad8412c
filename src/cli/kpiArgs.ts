/** The command line of `npm run kpis`: files, an optional period, output form, module filter, parameter values. */
import { parseArgs } from 'node:util';
import { parseDiscountPercent, parseHorizon } from '../lib/clv/clvOptions';
import { coerceParam, paramProblem, type ParamType, type QueryModule } from '../lib/queryModule';
import type { ParamValues } from '../lib/runModule';
import type { FacetChoices, SegmentDef } from '../lib/customerSets';
import { parseFacetFlags, readSegmentFile } from './scopeArgs';

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
}

export const usage = 'usage: npm run kpis -- <files...> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json] [--only id,id] [--queries DIR] [--calibration-end YYYY-MM-DD] [--horizon MONTHS] [--discount PERCENT] [--mapping FILE.json]... [--date-order dmy|mdy] [--currency CODE] [--param MODULE.NAME=VALUE]... [--db FILE.duckdb|md:NAME] [--out DIR] [--out-format parquet|csv] [--memory-limit 8GB] [--temp-dir DIR] [--facet ID=VALUE]... [--segment FILE[#NAME]] [--compare-segment FILE[#NAME]] [--customers FILE.csv [--csv-delimiter ,|;]]\n(a folder or a glob of Parquet files is read in place as one table)';

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

export function parseKpiArgs(argv: string[]): KpiArgs {
  const { values, positionals } = parseArgs({
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
      customers: { type: 'string' },
      'csv-delimiter': { type: 'string', default: ',' },
      facet: { type: 'string', multiple: true },
      segment: { type: 'string' },
      'compare-segment': { type: 'string' },
    },
  });
  if (positionals.length === 0 && !values.db) throw new Error(`no files given\n${usage}`);
  const outFormat = values['out-format'];
  if (outFormat !== 'parquet' && outFormat !== 'csv') throw new Error(`--out-format ${outFormat}: give parquet or csv`);
  for (const flag of ['from', 'to', 'calibration-end'] as const) {
    const day = values[flag];
    if (day !== undefined && (!isoDay.test(day) || Number.isNaN(Date.parse(day)))) throw new Error(`--${flag} ${day} is not a date (YYYY-MM-DD)`);
  }
  const dateOrder = values['date-order'];
  if (dateOrder !== undefined && dateOrder !== 'dmy' && dateOrder !== 'mdy') throw new Error(`--date-order ${dateOrder}: give dmy (day first) or mdy (month first)`);
  const currency = values.currency?.trim().toUpperCase();
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) throw new Error(`--currency ${values.currency}: give a three-letter ISO code such as EUR or GBP`);
  const horizon = values.horizon === undefined ? undefined : parseHorizon(values.horizon);
  if (horizon && !horizon.ok) throw new Error(`--horizon ${values.horizon}: ${horizon.problem}`);
  const discount = values.discount === undefined ? undefined : parseDiscountPercent(values.discount);
  if (discount && !discount.ok) throw new Error(`--discount ${values.discount}: ${discount.problem}`);
  const params = (values.param ?? []).map((given) => {
    const m = /^([a-z_][a-z0-9_]*)\.([a-z_][a-z0-9_]*)=(.*)$/.exec(given);
    if (!m) throw new Error(`--param ${given}: give module.name=value, e.g. top_customer_share.top_share=0.1`);
    return { module: m[1], name: m[2], text: m[3] };
  });
  const csvDelimiter = values['csv-delimiter'];
  if (csvDelimiter !== ',' && csvDelimiter !== ';') throw new Error(`--csv-delimiter ${csvDelimiter}: give , (decimal dot) or ; (decimal comma, for Excel in a European locale)`);
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  return { files: positionals, from: values.from, to: values.to, json: values.json ?? false, only, queries: values.queries, calibrationEnd: values['calibration-end'], horizonMonths: horizon?.value, monthlyDiscount: discount?.value, mappings: values.mapping ?? [], dateOrder, currency,
    db: values.db, out: values.out, outFormat, memoryLimit: values['memory-limit'], tempDir: values['temp-dir'], params, customers: values.customers, csvDelimiter,
    facets: parseFacetFlags(values.facet ?? []),
    ...(values.segment ? { segment: readSegmentFile(values.segment, '--segment') } : {}),
    ...(values['compare-segment'] ? { compareSegment: readSegmentFile(values['compare-segment'], '--compare-segment') } : {}) };
}

const typeWords: Record<ParamType, string> = { integer: 'a whole number', double: 'a number', date: 'a date (YYYY-MM-DD)', boolean: 'true or false', varchar: 'text' };

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
    if (!module) throw new Error(`${flag}: no module named ${id}`);
    const param = module.params.find((p) => p.name === name);
    if (!param) throw new Error(`${flag}: ${id} has no parameter ${name}${module.params.length ? ` (it has ${module.params.map((p) => p.name).join(', ')})` : ''}`);
    const percent = param.input?.kind === 'range' && param.input.unit === 'percent' && /%\s*$/.test(text);
    const read = text.trim() === 'null' ? null : coerceParam(param.type, percent ? text.replace(/%\s*$/, '') : text);
    if (read === undefined) throw new Error(`${flag}: ${id}: ${name} is ${typeWords[param.type]}`);
    const value = percent && typeof read === 'number' ? read / 100 : read;
    const problem = paramProblem(param, value);
    if (problem) throw new Error(`${flag}: ${id}: ${problem}`);
    byModule.set(id, { ...byModule.get(id), [name]: value });
  }
  return byModule;
}

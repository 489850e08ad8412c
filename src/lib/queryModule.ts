/**
 * The query-module format (see queries/README.md): a header of `-- key: value` comment lines,
 * a free-text definition, then plain DuckDB SQL. Parsing is pure so the app, the
 * command-line runner and the tests share it.
 */
import type { CanonicalTableName } from './canonical';
import { t } from './i18n';

export type ParamType = 'integer' | 'double' | 'date' | 'varchar' | 'boolean';
export type ResultType = 'varchar' | 'integer' | 'double' | 'date' | 'timestamp' | 'boolean';
/**
 * `percent` is a share (0..1) and changes in percentage points; `score` is a number on a fixed scale
 * (NPS, CES) and changes in points; `interval` is a time in minutes shown in the unit that fits it
 * (minutes under an hour, hours under two days, else days).
 */
export type HeadlineFormat = 'integer' | 'number' | 'percent' | 'score' | 'currency' | 'hours' | 'days' | 'minutes' | 'interval';
/** Whether a rise of the headline is good news (`higher`), bad news (`lower`) or neither. */
export type Better = 'higher' | 'lower' | 'neutral';
export type ChartKind = 'line' | 'bar' | 'hbar' | 'area' | 'heatmap' | 'point';
/**
 * How a result column reads in tables, axes and tooltips (`show:` lines). The headline formats,
 * plus `month` (Jan 2025), `week` (week of Jan 6, 2025), `date` (Jan 6, 2025), `category` (a code
 * such as `paid_search`, shown as "Paid search"), `quantity` (a count that may have a fraction: 12,
 * 1.5) and `text` (shown as it is).
 */
export type ColumnFormat = HeadlineFormat | 'month' | 'week' | 'date' | 'category' | 'quantity' | 'text';

/** What the page offers for a parameter (`input:` lines): a bounded number or a choice. */
export type ParamInput =
  | { kind: 'range'; min: number; max: number; /** `percent`: the value is a share (0..1) entered as a percent; else a word after the number (days, customers). */ unit?: string }
  | { kind: 'choice'; options: string[] };

export interface ModuleColumn {
  name: string;
  type: ResultType;
  /** The column's name as an analyst reads it ("Acquisition cost"); `show:`, else the name humanised. */
  label: string;
  /** `show:`, else from the type (integer, number, date, text). */
  format: ColumnFormat;
  /** Whether a `show:` line gave label and format (a current module must give one for every column). */
  shown: boolean;
}

export interface ModuleParam {
  name: string;
  type: ParamType;
  /** null: the module decides (e.g. a date it computes from the data). */
  default: string | number | boolean | null;
  description: string;
  /** Its range or choices (`input:`); a current module gives one for every number and text parameter. */
  input?: ParamInput;
}

export interface ModuleView {
  kind: ChartKind | 'metric' | 'table';
  /** Column names: x, y, then colour (or the heatmap's value). */
  fields: string[];
}

export interface QueryModule {
  id: string;
  version: number;
  family: string;
  title: string;
  needs: { table: CanonicalTableName; columns: string[] }[];
  view: ModuleView;
  headline?: { column: string; format: HeadlineFormat };
  /** Which way the headline should move; absent in retired files written before the key existed. */
  better?: Better;
  columns: ModuleColumn[];
  params: ModuleParam[];
  definition: string;
  sql: string;
  /**
   * Modules this one reads as tables (`uses: customer_rfm@1`): the one definition of a fact several
   * modules share. Before the module runs, each is made a temporary view named by its id
   * (`moduleViews`, src/lib/runModule.ts); the catalog resolves them, in order, into `views`.
   */
  uses: string[];
  /** The modules `uses` names, and theirs, dependencies first (set by the catalog). */
  views?: { id: string; sql: string }[];
}

export class ModuleFormatError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

const headerLine = /^--\s*([a-z_]+):\s*(.*)$/;
const knownKeys = new Set(['id', 'version', 'title', 'needs', 'view', 'headline', 'better', 'columns', 'param', 'show', 'input', 'uses']);
const paramTypes: ParamType[] = ['integer', 'double', 'date', 'varchar', 'boolean'];
const resultTypes: ResultType[] = ['varchar', 'integer', 'double', 'date', 'timestamp', 'boolean'];
const formats: HeadlineFormat[] = ['integer', 'number', 'percent', 'score', 'currency', 'hours', 'days', 'minutes', 'interval'];
const betters: Better[] = ['higher', 'lower', 'neutral'];
const columnFormats: ColumnFormat[] = [...formats, 'month', 'week', 'date', 'category', 'quantity', 'text'];
const defaultFormat = (type: ResultType): ColumnFormat =>
  type === 'integer' ? 'integer' : type === 'double' ? 'number' : type === 'date' || type === 'timestamp' ? 'date' : 'text';
const viewKinds = ['metric', 'table', 'line', 'bar', 'hbar', 'area', 'heatmap', 'point'];

/** Parses one module file. `file` is its path below queries/, e.g. `retention/churn_rate.sql`. */
export function parseQueryModule(file: string, text: string): QueryModule {
  const fail = (message: string): never => {
    throw new ModuleFormatError(file, message);
  };
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const fields = new Map<string, string[]>();
  const definition: string[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line.startsWith('--')) break;
    const m = headerLine.exec(line);
    if (m && knownKeys.has(m[1]) && definition.length === 0) {
      fields.set(m[1], [...(fields.get(m[1]) ?? []), m[2].trim()]);
    } else {
      definition.push(line.replace(/^--\s?/, ''));
    }
  }
  const sql = lines.slice(i).join('\n').trim();
  const one = (key: string): string => {
    const values = fields.get(key);
    if (!values || values.length === 0 || values[0] === '') return fail(t('module.noLine', { key }));
    if (values.length > 1) return fail(t('module.twoLines', { key }));
    return values[0];
  };

  const parts = file.replace(/\\/g, '/').split('/');
  const baseName = parts[parts.length - 1].replace(/(@\d+)?\.sql$/, '');
  const family = parts.length > 1 ? parts[parts.length - 2] : '';
  const id = one('id');
  if (id !== baseName) fail(t('module.idMismatch', { id, file: baseName }));
  const version = Number(one('version'));
  if (!Number.isInteger(version) || version < 1) fail(t('module.version'));
  if (!sql) fail(t('module.noSql'));

  const needs = one('needs')
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^([a-z_]+)\s*\(([^)]*)\)$/.exec(part);
      if (!m) return fail(t('module.needs', { part }));
      return { table: m[1] as CanonicalTableName, columns: splitList(m[2]) };
    });

  const viewText = one('view');
  const vm = /^([a-z]+)\s*(?:\(([^)]*)\))?$/.exec(viewText);
  if (!vm || !viewKinds.includes(vm[1])) fail(t('module.view', { view: viewText, kinds: viewKinds.join(', ') }));
  const view: ModuleView = { kind: vm![1] as ModuleView['kind'], fields: vm![2] ? splitList(vm![2]) : [] };

  const columns = splitList(one('columns')).map((c) => {
    const [name, type] = c.split(/\s+/);
    if (!resultTypes.includes(type as ResultType)) fail(t('module.columnType', { column: c, types: resultTypes.join(', ') }));
    return { name, type: type as ResultType, label: humaniseName(name), format: defaultFormat(type as ResultType), shown: false };
  });
  const names = new Set(columns.map((c) => c.name));
  for (const text of fields.get('show') ?? []) {
    const m = /^([a-z_][a-z0-9_]*)\s+([a-z]+)\s*\|\s*(.+)$/.exec(text);
    if (!m) fail(t('module.show', { text }));
    const column = columns.find((c) => c.name === m![1]);
    if (!column) fail(t('module.showColumn', { column: m![1] }));
    if (column!.shown) fail(t('module.showTwice', { column: m![1] }));
    if (!columnFormats.includes(m![2] as ColumnFormat)) fail(t('module.showFormat', { format: m![2], formats: columnFormats.join(', ') }));
    Object.assign(column!, { format: m![2] as ColumnFormat, label: m![3].trim(), shown: true });
  }
  for (const f of view.fields) if (!names.has(f)) fail(t('module.viewColumn', { column: f }));

  let headline: QueryModule['headline'];
  if (fields.has('headline')) {
    const [column, format = 'number'] = one('headline').split(/\s+/);
    if (!names.has(column)) fail(t('module.headlineColumn', { column }));
    if (!formats.includes(format as HeadlineFormat)) fail(t('module.headlineFormat', { format, formats: formats.join(', ') }));
    headline = { column, format: format as HeadlineFormat };
  }

  let better: Better | undefined;
  if (fields.has('better')) {
    const value = one('better');
    if (!betters.includes(value as Better)) fail(t('module.better', { value, values: betters.join(', ') }));
    if (!headline) fail(t('module.betterNoHeadline'));
    better = value as Better;
  }

  const params = (fields.get('param') ?? []).map((p) => parseParam(p, fail));
  for (const text of fields.get('input') ?? []) {
    const m = /^([a-z_][a-z0-9_]*)\s+(.+)$/.exec(text);
    const param = m ? params.find((p) => p.name === m[1]) : undefined;
    if (!m || !param) return fail(t('module.inputParam', { text }));
    if (param.input) fail(t('module.inputTwice', { name: param.name }));
    param.input = parseInput(param, m[2], fail);
  }
  return {
    id,
    version,
    family,
    title: one('title'),
    needs,
    view,
    headline,
    better,
    columns,
    params,
    definition: definition.join(' ').replace(/\s+/g, ' ').trim(),
    sql,
    uses: (fields.get('uses') ?? []).flatMap(splitList).map((ref) => (/^[a-z_][a-z0-9_]*@\d+$/.test(ref) ? ref : fail(t('module.uses', { ref })))),
  };
}

function parseParam(text: string, fail: (m: string) => never): ModuleParam {
  const m = /^([a-z_][a-z0-9_]*)\s+([a-z]+)\s*=\s*([^|]*?)\s*(?:\|\s*(.*))?$/.exec(text);
  if (!m) return fail(t('module.param', { text }));
  const type = m[2] as ParamType;
  if (!paramTypes.includes(type)) fail(t('module.paramType', { name: m[1], type: m[2], types: paramTypes.join(', ') }));
  const raw = m[3].replace(/^'(.*)'$/, '$1');
  if (raw === 'null') return { name: m[1], type, default: null, description: (m[4] ?? '').trim() };
  const value = coerceParam(type, raw);
  if (value === undefined) fail(t('module.paramDefault', { name: m[1], value: raw, type }));
  return { name: m[1], type, default: value!, description: (m[4] ?? '').trim() };
}

/** `min..max [unit]` for a number, `one of a, b, c` for a text. */
function parseInput(param: ModuleParam, text: string, fail: (m: string) => never): ParamInput {
  const choice = /^one of\s+(.+)$/.exec(text);
  if (choice) {
    if (param.type !== 'varchar') fail(t('module.choiceType', { name: param.name, type: param.type }));
    const options = splitList(choice[1]);
    if (param.default !== null && !options.includes(String(param.default))) fail(t('module.choiceDefault', { name: param.name, value: String(param.default) }));
    return { kind: 'choice', options };
  }
  const range = /^(-?[\d.]+)\.\.(-?[\d.]+)(?:\s+([a-z]+))?$/.exec(text);
  if (!range) return fail(t('module.input', { name: param.name, text }));
  if (param.type !== 'integer' && param.type !== 'double') fail(t('module.rangeType', { name: param.name, type: param.type }));
  const [min, max] = [Number(range[1]), Number(range[2])];
  if (!(min <= max)) fail(t('module.rangeOrder', { name: param.name, min: range[1], max: range[2] }));
  const input: ParamInput = { kind: 'range', min, max, ...(range[3] ? { unit: range[3] } : {}) };
  if (typeof param.default === 'number' && paramProblem(param, param.default, input)) fail(t('module.rangeDefault', { name: param.name, value: String(param.default), min: String(min), max: String(max) }));
  return input;
}

/** Why a value cannot be given to a parameter, as data: the page says it in the user's words. */
export type ParamIssue = { kind: 'required' } | { kind: 'choice'; options: string[] } | { kind: 'number' } | { kind: 'range'; min: number; max: number; unit?: string };

/**
 * The one rule the page's controls and the runner's --param both apply: why a value cannot be
 * given to a parameter, or undefined when it can. `value` is already of the parameter's type.
 */
export function paramIssue(param: ModuleParam, value: string | number | boolean | null, input = param.input): ParamIssue | undefined {
  // An emptied text is no value: "automatic" where the module decides (a default of null).
  const empty = value === null || (typeof value === 'string' && value.trim() === '');
  if (empty && param.default === null) return undefined;
  if (value === null) return { kind: 'required' };
  if (!input) return undefined;
  if (input.kind === 'choice') return input.options.includes(String(value)) ? undefined : { kind: 'choice', options: input.options };
  if (typeof value !== 'number') return { kind: 'number' };
  if (value >= input.min && value <= input.max) return undefined;
  return { kind: 'range', min: input.min, max: input.max, ...(input.unit ? { unit: input.unit } : {}) };
}

/** `paramIssue` as a sentence naming the parameter, for the runner and module errors. */
export function paramProblem(param: ModuleParam, value: string | number | boolean | null, input = param.input): string | undefined {
  const issue = paramIssue(param, value, input);
  if (!issue) return undefined;
  const name = param.name;
  if (issue.kind === 'required') return t('param.needsValue', { name });
  if (issue.kind === 'choice') return t('param.oneOf', { name, options: issue.options.join(', ') });
  if (issue.kind === 'number') return t('param.isNumber', { name });
  const shown = (n: number) => (issue.unit === 'percent' ? `${+(n * 100).toFixed(4)}%` : String(n));
  const range = { name, min: shown(issue.min), max: shown(issue.max) };
  return issue.unit && issue.unit !== 'percent' ? t('param.fromToUnit', { ...range, unit: issue.unit }) : t('param.fromTo', range);
}

/** Turns text into a parameter value of the given type, or undefined when it is not one. */
export function coerceParam(type: ParamType, raw: string): string | number | boolean | undefined {
  switch (type) {
    case 'integer':
      return /^-?\d+$/.test(raw.trim()) ? Number(raw) : undefined;
    case 'double':
      return raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : undefined;
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : undefined;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(raw)) ? raw : undefined;
    case 'varchar':
      return raw;
  }
}

function humaniseName(name: string): string {
  const text = name.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `id@version`, the reference a notebook and a shared link store. */
export const moduleRef = (m: Pick<QueryModule, 'id' | 'version'>): string => `${m.id}@${m.version}`;

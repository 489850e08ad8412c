/**
 * The one gate for a notebook read from outside (a file, a link, a published page): the text is
 * parsed and every field checked against the contract (src/lib/notebookDoc.ts). Anything unknown,
 * mistyped or oversize is refused with a sentence naming where it is in the document
 * (`cells[3].sql`), and nothing of it is used. A document that passes is rebuilt field by field:
 * the caller never holds the untrusted object itself.
 */
import { compareModes, type CompareMode } from './comparison';
import { presets, type Preset } from './datePresets';
import { t } from './i18n';
import type { CellDoc, ChartDoc, NotebookDoc, ScopeDoc, SourceRef } from './notebookDoc';
import { notebookDocVersion, notebookFormat } from './notebookDoc';
import type { ParamValues } from './runModule';
import type { ConditionOp, FacetChoices, SegmentCondition, SegmentDef } from './customerSets';

export type NotebookCheck = { ok: true; doc: NotebookDoc } | { ok: false; path: string; message: string };

/** Bounds: generous for a person's notebook, small enough that a hostile one cannot hold the page. */
export const docLimits = {
  /** The whole text (a file or a decompressed link). */
  textChars: 4_000_000,
  cells: 500,
  nameChars: 200,
  sqlChars: 200_000,
  markdownChars: 200_000,
  paramChars: 1_000,
  params: 100,
  specChars: 200_000,
  specDepth: 40,
  sources: 200,
  urlChars: 2_000,
  facets: 50,
  facetValues: 1_000,
  segments: 100,
  conditions: 100,
} as const;

const chartTypes = ['metric', 'table', 'line', 'bar', 'hbar', 'area', 'heatmap', 'point'] as const;
const conditionOps: ConditionOp[] = ['is', 'is_not', 'in', 'gte', 'lte', 'between', 'before', 'after', 'contains'];
/** Keys that would reach an object's prototype if an object were ever merged by assignment. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** A refusal of the document (a bug's stray Error is never mistaken for one). */
class DocProblem extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}

type Obj = Record<string, unknown>;

const fail = (path: string, detail: string): never => {
  throw new DocProblem(path, detail);
};

function object(value: unknown, path: string, allowed: readonly string[]): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, t('doc.notObject'));
  const obj = value as Obj;
  for (const key of Object.keys(obj)) if (!allowed.includes(key)) fail(join(path, key), t('doc.unknownField'));
  return obj;
}

function array(value: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(value)) fail(path, t('doc.notList'));
  const list = value as unknown[];
  if (list.length > max) fail(path, t('doc.tooMany', { max }));
  return list;
}

function string(value: unknown, path: string, max: number, pattern?: RegExp): string {
  if (typeof value !== 'string') fail(path, t('doc.notText'));
  const text = value as string;
  if (text.length > max) fail(path, t('doc.tooLong', { max }));
  if (pattern && !pattern.test(text)) fail(path, t('doc.badValue'));
  return text;
}

function oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) fail(path, t('doc.oneOf', { allowed: allowed.join(', ') }));
  return value as T;
}

const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
function day(value: unknown, path: string): string {
  const text = string(value, path, 10, isoDay);
  const [y, m, d] = text.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) fail(path, t('doc.badDate'));
  return text;
}

const moduleRefPattern = /^[a-z][a-z0-9_]{0,63}@[1-9][0-9]{0,5}$/;
const paramName = /^[a-z_][a-z0-9_]{0,63}$/;
const currencyCode = /^[A-Z]{3}$/;
const languageTag = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

function params(value: unknown, path: string): ParamValues {
  const obj = object(value, path, Object.keys(value ?? {}).filter((k) => paramName.test(k)));
  if (Object.keys(obj).length > docLimits.params) fail(path, t('doc.tooMany', { max: docLimits.params }));
  const out: ParamValues = {};
  for (const [key, v] of Object.entries(obj)) {
    const at = join(path, key);
    if (v === null || typeof v === 'boolean') out[key] = v;
    else if (typeof v === 'number') out[key] = Number.isFinite(v) ? v : fail(at, t('doc.badNumber'));
    else out[key] = string(v, at, docLimits.paramChars);
  }
  return out;
}

/** A Vega-Lite spec as plain JSON: objects, arrays, text, finite numbers; bounded in size and depth. */
function spec(value: unknown, path: string): Record<string, unknown> {
  object(value, path, Object.keys(value ?? {}));
  let chars = 0;
  const copy = (v: unknown, at: string, depth: number): unknown => {
    if (depth > docLimits.specDepth) fail(at, t('doc.tooDeep', { max: docLimits.specDepth }));
    if (v === null || typeof v === 'boolean') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : fail(at, t('doc.badNumber'));
    if (typeof v === 'string') {
      chars += v.length;
      if (chars > docLimits.specChars) fail(path, t('doc.tooLong', { max: docLimits.specChars }));
      return v;
    }
    if (Array.isArray(v)) return v.map((item, i) => copy(item, join(at, i), depth + 1));
    if (typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(v as Obj)) {
        if (forbiddenKeys.has(key)) fail(join(at, key), t('doc.unknownField'));
        chars += key.length;
        out[key] = copy(item, join(at, key), depth + 1);
      }
      return out;
    }
    return fail(at, t('doc.badValue'));
  };
  return copy(value, path, 0) as Record<string, unknown>;
}

function chart(value: unknown, path: string): ChartDoc {
  const obj = object(value, path, ['type', 'spec']);
  if ('spec' in obj) {
    if ('type' in obj) fail(join(path, 'type'), t('doc.unknownField'));
    return { spec: spec(obj.spec, join(path, 'spec')) };
  }
  return { type: oneOf(obj.type, join(path, 'type'), chartTypes) };
}

/** `held` is only ever true (a cell waiting for approval); any other value is refused. */
function held(value: unknown, path: string): { held?: true } {
  if (value === undefined) return {};
  if (value !== true) fail(path, t('doc.oneOf', { allowed: 'true' }));
  return { held: true };
}

function cell(value: unknown, path: string): CellDoc {
  const kind = oneOf(object(value, path, Object.keys(value ?? {})).kind, join(path, 'kind'), ['module', 'sql', 'markdown']);
  if (kind === 'module') {
    const obj = object(value, path, ['kind', 'ref', 'params', 'sql', 'chart', 'held']);
    return {
      kind,
      ref: string(obj.ref, join(path, 'ref'), 80, moduleRefPattern),
      ...(obj.params !== undefined ? { params: params(obj.params, join(path, 'params')) } : {}),
      ...(obj.sql !== undefined ? { sql: string(obj.sql, join(path, 'sql'), docLimits.sqlChars) } : {}),
      ...(obj.chart !== undefined ? { chart: chart(obj.chart, join(path, 'chart')) } : {}),
      ...held(obj.held, join(path, 'held')),
    };
  }
  if (kind === 'sql') {
    const obj = object(value, path, ['kind', 'title', 'sql', 'chart', 'held']);
    return {
      kind,
      ...(obj.title !== undefined ? { title: string(obj.title, join(path, 'title'), docLimits.nameChars) } : {}),
      sql: string(obj.sql, join(path, 'sql'), docLimits.sqlChars),
      ...(obj.chart !== undefined ? { chart: chart(obj.chart, join(path, 'chart')) } : {}),
      ...held(obj.held, join(path, 'held')),
    };
  }
  const obj = object(value, path, ['kind', 'text']);
  return { kind, text: string(obj.text, join(path, 'text'), docLimits.markdownChars) };
}

function facets(value: unknown, path: string): FacetChoices {
  const obj = object(value, path, Object.keys(value ?? {}).filter((k) => paramName.test(k)));
  if (Object.keys(obj).length > docLimits.facets) fail(path, t('doc.tooMany', { max: docLimits.facets }));
  const out: FacetChoices = {};
  for (const [key, values] of Object.entries(obj)) {
    out[key] = array(values, join(path, key), docLimits.facetValues).map((v, i) => string(v, join(join(path, key), i), docLimits.paramChars));
  }
  return out;
}

function scope(value: unknown, path: string): ScopeDoc {
  const obj = object(value, path, ['preset', 'start', 'end', 'compare', 'facets', 'segment', 'compareSegment', 'keptCurrency']);
  const preset: Preset = oneOf(obj.preset, join(path, 'preset'), presets);
  const out: ScopeDoc = { preset, compare: oneOf(obj.compare, join(path, 'compare'), compareModes) as CompareMode };
  if (obj.start !== undefined) out.start = day(obj.start, join(path, 'start'));
  if (obj.end !== undefined) out.end = day(obj.end, join(path, 'end'));
  if (preset === 'custom' && (!out.start || !out.end)) fail(join(path, out.start ? 'end' : 'start'), t('doc.missing'));
  if (out.start && out.end && out.start > out.end) fail(join(path, 'end'), t('doc.endBeforeStart'));
  if (obj.facets !== undefined) out.facets = facets(obj.facets, join(path, 'facets'));
  if (obj.segment !== undefined) out.segment = string(obj.segment, join(path, 'segment'), docLimits.nameChars);
  if (obj.compareSegment !== undefined) out.compareSegment = string(obj.compareSegment, join(path, 'compareSegment'), docLimits.nameChars);
  if (obj.keptCurrency !== undefined) out.keptCurrency = string(obj.keptCurrency, join(path, 'keptCurrency'), 3, currencyCode);
  return out;
}

function source(value: unknown, path: string): SourceRef {
  const kind = oneOf(object(value, path, Object.keys(value ?? {})).kind, join(path, 'kind'), ['sample', 'file', 'url']);
  if (kind === 'sample') {
    object(value, path, ['kind']);
    return { kind };
  }
  const obj = object(value, path, ['kind', kind === 'file' ? 'name' : 'url', 'table']);
  const table = obj.table !== undefined ? { table: string(obj.table, join(path, 'table'), docLimits.nameChars) } : {};
  if (kind === 'file') return { kind, name: string(obj.name, join(path, 'name'), docLimits.nameChars * 2), ...table };
  const url = string(obj.url, join(path, 'url'), docLimits.urlChars, /^https?:\/\/\S+$/i);
  try {
    new URL(url);
  } catch {
    fail(join(path, 'url'), t('doc.badValue'));
  }
  return { kind, url, ...table };
}

function condition(value: unknown, path: string): SegmentCondition {
  const obj = object(value, path, ['field', 'op', 'value']);
  const scalar = (v: unknown, at: string): string | number =>
    typeof v === 'number' ? (Number.isFinite(v) ? v : fail(at, t('doc.badNumber'))) : string(v, at, docLimits.paramChars);
  const raw = obj.value;
  const at = join(path, 'value');
  return {
    field: string(obj.field, join(path, 'field'), 64, paramName),
    op: oneOf(obj.op, join(path, 'op'), conditionOps),
    value: Array.isArray(raw) ? array(raw, at, docLimits.facetValues).map((v, i) => scalar(v, join(at, i))) : scalar(raw, at),
  };
}

function segment(value: unknown, path: string): SegmentDef {
  const obj = object(value, path, ['name', 'match', 'conditions']);
  return {
    name: string(obj.name, join(path, 'name'), docLimits.nameChars),
    match: oneOf(obj.match, join(path, 'match'), ['all', 'any']),
    conditions: array(obj.conditions, join(path, 'conditions'), docLimits.conditions).map((c, i) => condition(c, join(join(path, 'conditions'), i))),
  };
}

/** Checks a value already parsed from JSON. */
export function checkNotebookDoc(value: unknown): NotebookCheck {
  try {
    const obj = object(value, '', ['format', 'version', 'name', 'cells', 'scope', 'currency', 'sources', 'segments', 'language']);
    if (obj.format !== notebookFormat) fail('format', t('doc.notNotebook'));
    if (obj.version !== notebookDocVersion) fail('version', t('doc.version', { version: String(obj.version), known: notebookDocVersion }));
    const doc: NotebookDoc = {
      format: notebookFormat,
      version: notebookDocVersion,
      name: string(obj.name, 'name', docLimits.nameChars),
      cells: array(obj.cells, 'cells', docLimits.cells).map((c, i) => cell(c, join('cells', i))),
      scope: scope(obj.scope, 'scope'),
      sources: array(obj.sources, 'sources', docLimits.sources).map((s, i) => source(s, join('sources', i))),
    };
    if (obj.currency !== undefined) doc.currency = string(obj.currency, 'currency', 3, currencyCode);
    if (obj.segments !== undefined) {
      doc.segments = array(obj.segments, 'segments', docLimits.segments).map((s, i) => segment(s, join('segments', i)));
      const names = doc.segments.map((s) => s.name);
      names.forEach((name, i) => names.indexOf(name) !== i && fail(join(join('segments', i), 'name'), t('doc.duplicate')));
    }
    for (const key of ['segment', 'compareSegment'] as const) {
      const name = doc.scope[key];
      if (name !== undefined && !doc.segments?.some((s) => s.name === name)) fail(join('scope', key), t('doc.noSuchSegment'));
    }
    if (obj.language !== undefined) doc.language = string(obj.language, 'language', 16, languageTag);
    return { ok: true, doc };
  } catch (error) {
    if (error instanceof DocProblem) return { ok: false, path: error.path, message: problemSentence(error.path, error.detail) };
    throw error;
  }
}

/** Parses and checks a notebook's text (a `.clientele.json` file, a decompressed link). */
export function parseNotebookDoc(text: string): NotebookCheck {
  if (typeof text !== 'string') return { ok: false, path: '', message: problemSentence('', t('doc.notText')) };
  if (text.length > docLimits.textChars) return { ok: false, path: '', message: problemSentence('', t('doc.tooLong', { max: docLimits.textChars })) };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, path: '', message: t('doc.notJson', { detail: (error as Error).message }) };
  }
  return checkNotebookDoc(value);
}

function problemSentence(path: string, detail: string): string {
  return path ? t('doc.problemAt', { path, detail }) : t('doc.problem', { detail });
}

/** A Vega-Lite spec typed in a cell, held to the document's rules (plain JSON, bounded, no prototype keys). */
export function checkChartSpec(text: string): { ok: true; spec: Record<string, unknown> } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: t('cell.specInvalid', { message: (error as Error).message }) };
  }
  try {
    return { ok: true, spec: spec(value, 'spec') };
  } catch (error) {
    if (error instanceof DocProblem) return { ok: false, message: t('cell.specRefused', { message: `${error.path}: ${error.detail}` }) };
    throw error;
  }
}

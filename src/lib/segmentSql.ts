/**
 * A segment (src/lib/customerSets.ts) compiled to a WHERE over the customer facts (one row per
 * customer, `queries/customers/customer_facts.sql`). Field names are checked against the facts
 * module's declared columns and quoted; every value is bound to a `?`, never pasted into the SQL
 * (a customer named O'Brien must not break or change a query); each operator is allowed only
 * for the field's type. A bad condition is refused with a sentence naming the segment, the
 * condition and what to write instead: the page's builder and the runner show the same one.
 */
import type { ConditionOp, SegmentCondition, SegmentDef } from './customerSets';
import { quoteIdent, type SqlValue } from './db';
import { formatList, t } from './i18n';
import type { ModuleColumn, ResultType } from './queryModule';

/** The kind of value a condition compares: a facts column's type, or 'product' (bought product X). */
export type FieldKind = 'text' | 'number' | 'date' | 'boolean' | 'product';

/** The operators each kind of field takes. */
export const opsByKind: Record<FieldKind, ConditionOp[]> = {
  text: ['is', 'is_not', 'in', 'contains'],
  number: ['is', 'is_not', 'gte', 'lte', 'between', 'in'],
  date: ['is', 'before', 'after', 'between'],
  boolean: ['is'],
  product: ['is', 'is_not', 'in', 'contains'],
};

const kindOfType: Record<ResultType, FieldKind> = { varchar: 'text', integer: 'number', double: 'number', date: 'date', timestamp: 'date', boolean: 'boolean' };

/** The fields a segment may name: the facts module's columns, and 'product'. */
export function segmentFields(factsColumns: Pick<ModuleColumn, 'name' | 'type'>[]): Map<string, FieldKind> {
  const fields = new Map<string, FieldKind>(factsColumns.map((c) => [c.name, kindOfType[c.type]]));
  fields.set('product', 'product');
  return fields;
}

export type CompiledSegment = { ok: true; where: string; params: SqlValue[] } | { ok: false; problem: string };

/**
 * `productBuyers` is the SQL of a relation with (customer_id, value): the products each customer
 * bought (the product facet's rows); a 'product' condition reads it.
 */
export function compileSegment(segment: SegmentDef, fields: Map<string, FieldKind>, productBuyers: string): CompiledSegment {
  if (!segment.conditions?.length) return { ok: false, problem: t('segment.noConditions', { segment: segment.name }) };
  const parts: string[] = [];
  const params: SqlValue[] = [];
  for (const [i, condition] of segment.conditions.entries()) {
    const one = compileCondition(condition, fields, productBuyers, (key, vars = {}) => t(key, { segment: segment.name, n: String(i + 1), field: condition.field, op: condition.op, ...vars }));
    if (!one.ok) return one;
    parts.push(`(${one.where})`);
    params.push(...one.params);
  }
  return { ok: true, where: parts.join(segment.match === 'any' ? ' or ' : ' and '), params };
}

type Say = (key: Parameters<typeof t>[0], vars?: Record<string, string>) => string;

function compileCondition({ field, op, value }: SegmentCondition, fields: Map<string, FieldKind>, productBuyers: string, say: Say): CompiledSegment {
  const kind = fields.get(field);
  if (!kind) return { ok: false, problem: say('segment.unknownField', { fields: formatList([...fields.keys()]) }) };
  if (!opsByKind[kind].includes(op)) return { ok: false, problem: say('segment.badOp', { kind: kindWords[kind], ops: formatList(opsByKind[kind]) }) };
  const list = Array.isArray(value) ? value : [value];
  if (op === 'between' && list.length !== 2) return { ok: false, problem: say('segment.needsTwo') };
  if (op === 'in' && list.length === 0) return { ok: false, problem: say('segment.needsSome') };
  if (op !== 'between' && op !== 'in' && list.length !== 1) return { ok: false, problem: say('segment.needsOne') };
  const read: SqlValue[] = [];
  for (const v of list) {
    const r = readValue(kind, v);
    if (r === undefined) return { ok: false, problem: say(kind === 'number' ? 'segment.notNumber' : kind === 'date' ? 'segment.notDate' : 'segment.notBoolean', { value: String(v) }) };
    read.push(r);
  }
  if (kind === 'product') return productCondition(op, read, productBuyers);
  const column = kind === 'date' ? `cast(${quoteIdent(field)} as date)` : quoteIdent(field);
  const p = placeholder[kind];
  const sql: Partial<Record<ConditionOp, string>> = {
    is: `${column} = ${p}`,
    is_not: `${column} is distinct from ${p}`,
    in: `${column} in (${read.map(() => p).join(', ')})`,
    contains: `contains(lower(${column}), lower(${p}))`,
    gte: `${column} >= ${p}`,
    lte: `${column} <= ${p}`,
    between: `${column} between ${p} and ${p}`,
    before: `${column} < ${p}`,
    after: `${column} > ${p}`,
  };
  return { ok: true, where: sql[op]!, params: read };
}

function productCondition(op: ConditionOp, values: SqlValue[], productBuyers: string): CompiledSegment {
  const buyers = (test: string) => `customer_id in (select customer_id from ${productBuyers} where ${test})`;
  const sql: Partial<Record<ConditionOp, string>> = {
    is: buyers('value = ?'),
    is_not: `not ${buyers('value = ?')}`,
    in: buyers(`value in (${values.map(() => '?').join(', ')})`),
    contains: buyers('contains(lower(value), lower(?))'),
  };
  return { ok: true, where: sql[op]!, params: values };
}

const placeholder: Record<Exclude<FieldKind, 'product'>, string> = {
  text: 'cast(? as varchar)',
  number: 'cast(? as double)',
  date: 'cast(? as date)',
  boolean: 'cast(? as boolean)',
};

const kindWords: Record<FieldKind, string> = { text: 'text', number: 'a number', date: 'a date', boolean: 'true or false', product: 'a product' };

/** The value as the field's kind takes it; undefined when it is not one (a word for a number). */
function readValue(kind: FieldKind, v: unknown): SqlValue | undefined {
  if (kind === 'number') {
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    return Number.isFinite(n) ? n : undefined;
  }
  if (kind === 'date') {
    const s = String(v).trim();
    return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) ? s : undefined;
  }
  if (kind === 'boolean') {
    if (v === true || v === 'true') return true;
    if (v === false || v === 'false') return false;
    return undefined;
  }
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

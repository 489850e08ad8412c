/**
 * The segment builder's form as plain data: which operators a field offers (by its kind), and
 * the typed values of a condition as the contract carries them (src/lib/customerSets.ts). A
 * condition the user has not finished is left out of the count and refused on save.
 */
import type { ConditionOp, SegmentCondition, SegmentDef } from './customerSets';

export type FieldKind = 'number' | 'date' | 'text' | 'segment' | 'product';

export interface DraftCondition {
  field: string;
  op: ConditionOp;
  /** As typed: one value, two for 'between', comma-free list of choices for 'in'. */
  values: string[];
}

export const opsFor: Record<FieldKind, ConditionOp[]> = {
  number: ['gte', 'lte', 'between'],
  date: ['before', 'after', 'between'],
  text: ['is', 'is_not', 'contains', 'in'],
  segment: ['in'],
  product: ['is'],
};

/** Whether the condition has every value its operator needs. */
/** The values typed; a number field's input hands over numbers, read as their text. */
const filledOf = (c: DraftCondition) => c.values.map((v) => String(v ?? '').trim()).filter((v) => v !== '');

export function complete(c: DraftCondition, kind: FieldKind): boolean {
  const filled = filledOf(c);
  if (c.op === 'in') return filled.length > 0;
  if (c.op === 'between') return filled.length === 2 && (kind !== 'number' || filled.every((v) => Number.isFinite(Number(v))));
  if (filled.length < 1) return false;
  return kind !== 'number' || Number.isFinite(Number(filled[0]));
}

export function toCondition(c: DraftCondition, kind: FieldKind): SegmentCondition {
  const cast = (v: string) => (kind === 'number' ? Number(v) : v);
  const filled = filledOf(c);
  if (c.op === 'in') return { field: c.field, op: c.op, value: filled.map(cast) };
  if (c.op === 'between') return { field: c.field, op: c.op, value: [cast(filled[0]), cast(filled[1])] };
  return { field: c.field, op: c.op, value: cast(filled[0]) };
}

/** The segment the form describes, or undefined while a condition is unfinished or none is given. */
export function toSegment(name: string, match: 'all' | 'any', drafts: DraftCondition[], kindOf: (field: string) => FieldKind): SegmentDef | undefined {
  if (!drafts.length || drafts.some((d) => !complete(d, kindOf(d.field)))) return undefined;
  return { name: name.trim(), match, conditions: drafts.map((d) => toCondition(d, kindOf(d.field))) };
}

/** A kept segment back into the form. */
export function toDrafts(segment: SegmentDef): DraftCondition[] {
  return segment.conditions.map((c) => ({ field: c.field, op: c.op, values: (Array.isArray(c.value) ? c.value : [c.value]).map(String) }));
}

/**
 * How the page offers a module's parameter (its `input:` line, queries/README.md): which control,
 * the words on it, the value as typed and back. Whether a value is accepted is `paramIssue` in
 * ./queryModule, the rule the runner applies too.
 */
import { coerceParam, paramIssue, type ModuleParam, type ParamIssue } from './queryModule';

export type ParamValue = string | number | boolean | null;

/** The control a parameter gets. */
export type ParamControl = 'checkbox' | 'select' | 'date' | 'number' | 'text';

export function paramControl(p: ModuleParam): ParamControl {
  if (p.type === 'boolean') return 'checkbox';
  if (p.input?.kind === 'choice') return 'select';
  if (p.type === 'date') return 'date';
  return p.type === 'integer' || p.type === 'double' ? 'number' : 'text';
}

/** The value is a share (0..1) typed as a percent: 20 for 0.2. */
export const isPercent = (p: ModuleParam): boolean => p.input?.kind === 'range' && p.input.unit === 'percent';

/** The text a field shows for a value: a percent for a share, nothing for "automatic" (null). */
export function shownParam(p: ModuleParam, value: ParamValue): string {
  if (value === null || value === undefined) return '';
  if (isPercent(p) && typeof value === 'number') return String(+(value * 100).toPrecision(12));
  return String(value);
}

/** Why typed text is refused: `paramIssue`'s reasons, or text that is not of the parameter's type. */
export type TypedIssue = ParamIssue | { kind: 'integer' } | { kind: 'date' };

/** Reads what the user typed: the value to run with, or why it is refused. Empty text is null ("automatic"). */
export function readParam(p: ModuleParam, text: string): { ok: true; value: ParamValue } | { ok: false; issue: TypedIssue } {
  const raw = text.trim();
  let value: ParamValue;
  if (raw === '') value = null;
  else if (p.type === 'integer' || p.type === 'double') {
    const n = coerceParam(isPercent(p) ? 'double' : p.type, raw);
    if (n === undefined) return { ok: false, issue: { kind: p.type === 'integer' && Number.isFinite(Number(raw)) ? 'integer' : 'number' } };
    // n / 100 is the nearest double to the share, as the literal 0.2 is: no 0.20000000000000004.
    value = isPercent(p) ? (n as number) / 100 : (n as number);
  } else {
    const v = coerceParam(p.type, raw);
    if (v === undefined) return { ok: false, issue: { kind: p.type === 'date' ? 'date' : 'number' } };
    value = v;
  }
  const issue = paramIssue(p, value);
  return issue ? { ok: false, issue } : { ok: true, value };
}

/** min, max and step of a number field, in what the user types (percent for a share). */
export function numberBounds(p: ModuleParam): { min?: number; max?: number; step: number | 'any' } {
  const scale = isPercent(p) ? 100 : 1;
  const range = p.input?.kind === 'range' ? p.input : undefined;
  const step = p.type === 'integer' || isPercent(p) ? 1 : 'any';
  if (!range) return { step };
  return { min: +(range.min * scale).toPrecision(12), max: +(range.max * scale).toPrecision(12), step };
}

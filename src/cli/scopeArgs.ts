/**
 * The runner's facets and segments, read as the page holds them (src/lib/customerSets.ts):
 * `--facet country=FR` (repeatable; the same facet twice is either value: `--facet country=FR
 * --facet country=DE`). Everything after the first `=` is the value, as typed: a value holding
 * commas or quotes needs only the shell's quoting (`--facet 'product=Mug, large'`). Values are
 * never split, so no value can be misread as two.
 *
 * `--segment FILE` / `--compare-segment FILE`: a segment as JSON (`{ "name", "match", "conditions" }`),
 * or a file of several (an array, or a notebook with `segments`) with `FILE#NAME` choosing one.
 */
import { readFileSync } from 'node:fs';
import type { FacetChoices, SegmentDef } from '../lib/customerSets';
import { t } from '../lib/i18n';
import { Said } from '../lib/said';

export function parseFacetFlags(given: string[]): FacetChoices {
  const facets: FacetChoices = {};
  for (const flag of given) {
    const at = flag.indexOf('=');
    const id = at > 0 ? flag.slice(0, at).trim() : '';
    if (!/^[a-z_][a-z0-9_]*$/.test(id)) throw new Said(t('runner.facet', { value: flag }));
    const value = flag.slice(at + 1);
    if (value === '') throw new Said(t('runner.facetEmpty', { value: flag }));
    facets[id] = [...(facets[id] ?? []), value];
  }
  return facets;
}

const ops = ['is', 'is_not', 'in', 'gte', 'lte', 'between', 'before', 'after', 'contains'];

/** Checks a segment's shape (its fields and values are checked against the customer facts when applied). */
export function readSegment(value: unknown, where: string): SegmentDef {
  const s = value as Partial<SegmentDef> | null;
  if (!s || typeof s !== 'object' || Array.isArray(s)) throw new Said(t('runner.segmentShape', { where }));
  if (typeof s.name !== 'string' || !s.name.trim()) throw new Said(t('runner.segmentNoName', { where }));
  if (s.match !== 'all' && s.match !== 'any') throw new Said(t('runner.segmentMatch', { where, name: s.name }));
  if (!Array.isArray(s.conditions)) throw new Said(t('runner.segmentConditions', { where, name: s.name }));
  s.conditions.forEach((c, i) => {
    if (!c || typeof c.field !== 'string') throw new Said(t('runner.conditionNoField', { where, name: s.name!, n: String(i + 1) }));
    if (!ops.includes(c.op)) throw new Said(t('runner.conditionOp', { where, name: s.name!, n: String(i + 1), ops: ops.join(', ') }));
    if (c.value === undefined) throw new Said(t('runner.conditionNoValue', { where, name: s.name!, n: String(i + 1) }));
  });
  return s as SegmentDef;
}

/** `FILE` or `FILE#NAME`: the segment in the file, or the one of that name among several. */
export function readSegmentFile(spec: string, flag: string, read: (path: string) => string = (p) => readFileSync(p, 'utf8')): SegmentDef {
  const hash = spec.lastIndexOf('#');
  const [path, name] = hash > 0 ? [spec.slice(0, hash), spec.slice(hash + 1)] : [spec, undefined];
  let json: unknown;
  try {
    json = JSON.parse(read(path));
  } catch (e) {
    throw new Said(t('runner.segmentFile', { flag, spec, detail: (e as Error).message }));
  }
  const several = Array.isArray(json) ? json : (json as { segments?: unknown[] })?.segments;
  if (!several) {
    const one = readSegment(json, `${flag} ${path}`);
    if (name && one.name !== name) throw new Said(t('runner.segmentOther', { flag, spec, name: one.name }));
    return one;
  }
  const segments = several.map((s, i) => readSegment(s, t('runner.segmentAt', { flag, path, n: String(i + 1) })));
  if (!name) {
    if (segments.length === 1) return segments[0];
    throw new Said(t('runner.segmentChoose', { flag, spec, count: segments.length, path, names: segments.map((s) => s.name).join(', ') }));
  }
  const found = segments.find((s) => s.name === name);
  if (!found) throw new Said(t('runner.segmentNone', { flag, spec, name, names: segments.map((s) => s.name).join(', ') }));
  return found;
}

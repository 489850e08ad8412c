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

export function parseFacetFlags(given: string[]): FacetChoices {
  const facets: FacetChoices = {};
  for (const flag of given) {
    const at = flag.indexOf('=');
    const id = at > 0 ? flag.slice(0, at).trim() : '';
    if (!/^[a-z_][a-z0-9_]*$/.test(id)) throw new Error(`--facet ${flag}: give facet=value, e.g. --facet country=FR (repeat it for another value)`);
    const value = flag.slice(at + 1);
    if (value === '') throw new Error(`--facet ${flag}: the value is empty`);
    facets[id] = [...(facets[id] ?? []), value];
  }
  return facets;
}

const ops = ['is', 'is_not', 'in', 'gte', 'lte', 'between', 'before', 'after', 'contains'];

/** Checks a segment's shape (its fields and values are checked against the customer facts when applied). */
export function readSegment(value: unknown, where: string): SegmentDef {
  const s = value as Partial<SegmentDef> | null;
  if (!s || typeof s !== 'object' || Array.isArray(s)) throw new Error(`${where}: a segment is an object with "name", "match" and "conditions"`);
  if (typeof s.name !== 'string' || !s.name.trim()) throw new Error(`${where}: the segment has no "name"`);
  if (s.match !== 'all' && s.match !== 'any') throw new Error(`${where}: segment "${s.name}": "match" is "all" (every condition) or "any" (one of them)`);
  if (!Array.isArray(s.conditions)) throw new Error(`${where}: segment "${s.name}": "conditions" is a list of { "field", "op", "value" }`);
  s.conditions.forEach((c, i) => {
    if (!c || typeof c.field !== 'string') throw new Error(`${where}: segment "${s.name}", condition ${i + 1}: no "field"`);
    if (!ops.includes(c.op)) throw new Error(`${where}: segment "${s.name}", condition ${i + 1}: "op" is one of ${ops.join(', ')}`);
    if (c.value === undefined) throw new Error(`${where}: segment "${s.name}", condition ${i + 1}: no "value"`);
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
    throw new Error(`${flag} ${spec}: ${(e as Error).message}`);
  }
  const several = Array.isArray(json) ? json : (json as { segments?: unknown[] })?.segments;
  if (!several) {
    const one = readSegment(json, `${flag} ${path}`);
    if (name && one.name !== name) throw new Error(`${flag} ${spec}: the file's segment is "${one.name}"`);
    return one;
  }
  const segments = several.map((s, i) => readSegment(s, `${flag} ${path} (segment ${i + 1})`));
  if (!name) {
    if (segments.length === 1) return segments[0];
    throw new Error(`${flag} ${spec}: the file holds ${segments.length} segments; choose one with ${path}#NAME (${segments.map((s) => s.name).join(', ')})`);
  }
  const found = segments.find((s) => s.name === name);
  if (!found) throw new Error(`${flag} ${spec}: no segment "${name}" (${segments.map((s) => s.name).join(', ')})`);
  return found;
}

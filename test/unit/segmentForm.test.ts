// Pins the segment builder's form: typed values as the contract carries them (numbers as numbers,
// two for 'between', a list for 'in'), an unfinished condition counted as unfinished, and a kept
// segment that reads back into the same form.
import { describe, expect, it } from 'vitest';
import { complete, toDrafts, toSegment, type FieldKind } from '../../src/lib/segmentForm';

const kinds: Record<string, FieldKind> = { orders: 'number', city: 'text', last_order: 'date', rfm_segment: 'segment', product: 'product' };
const kindOf = (f: string) => kinds[f];

describe('segment form', () => {
  it('casts numbers, keeps two values for between and a list for in', () => {
    const segment = toSegment(' Loyal Parisians ', 'all', [
      { field: 'orders', op: 'gte', values: ['3'] },
      { field: 'city', op: 'is', values: [" Côte d'Ivoire "] },
      { field: 'last_order', op: 'between', values: ['2025-01-01', '2025-06-30'] },
      { field: 'rfm_segment', op: 'in', values: ['Champions', '', 'Loyal'] },
    ], kindOf);
    expect(segment).toEqual({
      name: 'Loyal Parisians',
      match: 'all',
      conditions: [
        { field: 'orders', op: 'gte', value: 3 },
        { field: 'city', op: 'is', value: "Côte d'Ivoire" },
        { field: 'last_order', op: 'between', value: ['2025-01-01', '2025-06-30'] },
        { field: 'rfm_segment', op: 'in', value: ['Champions', 'Loyal'] },
      ],
    });
  });

  it('reads the numbers a number field hands over', () => {
    const typed = { field: 'orders', op: 'gte' as const, values: [3 as unknown as string] };
    expect(complete(typed, 'number')).toBe(true);
    expect(toSegment('n', 'all', [typed], kindOf)?.conditions).toEqual([{ field: 'orders', op: 'gte', value: 3 }]);
  });

  it('leaves a segment with an unfinished condition undefined', () => {
    expect(complete({ field: 'orders', op: 'gte', values: ['three'] }, 'number')).toBe(false);
    expect(complete({ field: 'orders', op: 'between', values: ['1', ''] }, 'number')).toBe(false);
    expect(complete({ field: 'rfm_segment', op: 'in', values: [] }, 'segment')).toBe(false);
    expect(toSegment('x', 'any', [{ field: 'orders', op: 'gte', values: [''] }], kindOf)).toBeUndefined();
    expect(toSegment('x', 'any', [], kindOf)).toBeUndefined();
  });

  it('reads a kept segment back into the form', () => {
    const drafts = [
      { field: 'orders', op: 'between' as const, values: ['2', '5'] },
      { field: 'product', op: 'is' as const, values: ['Tea, green'] },
    ];
    expect(toDrafts(toSegment('s', 'any', drafts, kindOf)!)).toEqual(drafts);
  });
});

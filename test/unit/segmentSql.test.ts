// A segment compiled to a WHERE over the customer facts (src/lib/segmentSql.ts): AND / OR,
// between, before / after, in, product bought; every value bound (O'Brien's quote never reaches
// the SQL text); unknown fields, operators that do not suit a field's type, and a between with
// one value are refused with a sentence saying what to write. The runner's --facet and segment
// files (src/cli/scopeArgs.ts) keep values with commas and quotes whole.
import { describe, expect, test } from 'vitest';
import { compileSegment, segmentFields } from '../../src/lib/segmentSql';
import type { SegmentDef } from '../../src/lib/customerSets';
import { parseFacetFlags, readSegmentFile } from '../../src/cli/scopeArgs';
import { parseKpiArgs } from '../../src/cli/kpiArgs';

const fields = segmentFields([
  { name: 'customer_id', type: 'varchar' },
  { name: 'city', type: 'varchar' },
  { name: 'orders', type: 'integer' },
  { name: 'revenue', type: 'double' },
  { name: 'last_order', type: 'date' },
  { name: 'repeat', type: 'boolean' },
]);
const buyers = 'product_buyers';
const compile = (match: 'all' | 'any', ...conditions: SegmentDef['conditions']) => compileSegment({ name: 'Test', match, conditions }, fields, buyers);

describe('compiling a segment', () => {
  test('AND and OR, each value bound', () => {
    expect(compile('all', { field: 'orders', op: 'gte', value: 3 }, { field: 'city', op: 'is', value: "O'Brien's town" })).toEqual({
      ok: true,
      where: '("orders" >= cast(? as double)) and ("city" = cast(? as varchar))',
      params: [3, "O'Brien's town"],
    });
    expect(compile('any', { field: 'orders', op: 'lte', value: '1' }, { field: 'repeat', op: 'is', value: 'true' })).toEqual({
      ok: true,
      where: '("orders" <= cast(? as double)) or ("repeat" = cast(? as boolean))',
      params: [1, true],
    });
  });

  test('between, before, after, in, contains, is not', () => {
    expect(compile('all', { field: 'revenue', op: 'between', value: [10, 50] })).toMatchObject({ where: '("revenue" between cast(? as double) and cast(? as double))', params: [10, 50] });
    expect(compile('all', { field: 'last_order', op: 'before', value: '2024-06-01' }, { field: 'last_order', op: 'after', value: '2023-01-01' })).toMatchObject({
      where: '(cast("last_order" as date) < cast(? as date)) and (cast("last_order" as date) > cast(? as date))',
      params: ['2024-06-01', '2023-01-01'],
    });
    expect(compile('all', { field: 'city', op: 'in', value: ['Paris', 'Cote d\'Ivoire', 'Washington, "D.C."'] })).toMatchObject({
      where: '("city" in (cast(? as varchar), cast(? as varchar), cast(? as varchar)))',
      params: ['Paris', "Cote d'Ivoire", 'Washington, "D.C."'],
    });
    expect(compile('all', { field: 'city', op: 'contains', value: 'par' })).toMatchObject({ where: '(contains(lower("city"), lower(cast(? as varchar))))' });
    expect(compile('all', { field: 'city', op: 'is_not', value: 'Paris' })).toMatchObject({ where: '("city" is distinct from cast(? as varchar))' });
  });

  test('product bought, and not bought', () => {
    expect(compile('all', { field: 'product', op: 'is', value: 'Mug, large' })).toMatchObject({
      where: '(customer_id in (select customer_id from product_buyers where value = ?))',
      params: ['Mug, large'],
    });
    expect(compile('all', { field: 'product', op: 'is_not', value: 'Tea' })).toMatchObject({ where: '(not customer_id in (select customer_id from product_buyers where value = ?))' });
  });

  test('bad conditions are refused with a message', () => {
    const problem = (...c: SegmentDef['conditions']) => {
      const r = compile('all', ...c);
      return r.ok ? 'compiled' : r.problem;
    };
    expect(problem({ field: 'colour', op: 'is', value: 'red' })).toMatch(/^Segment "Test", condition 1: there is no customer field "colour". Fields: customer_id, city, orders, revenue, last_order, repeat(,)? and product\.$/);
    expect(problem({ field: 'orders', op: 'gte', value: 2 }, { field: 'city', op: 'gte', value: 'Paris' })).toMatch(/condition 2: "gte" does not apply to city \(text\); use one of is, is_not, in(,)? and contains/);
    expect(problem({ field: 'revenue', op: 'between', value: [10] })).toMatch(/between takes two values/);
    expect(problem({ field: 'revenue', op: 'between', value: 10 })).toMatch(/between takes two values/);
    expect(problem({ field: 'orders', op: 'gte', value: 'three' })).toMatch(/orders is a number, and "three" is not one/);
    expect(problem({ field: 'last_order', op: 'before', value: '01/06/2024' })).toMatch(/last_order is a date, and "01\/06\/2024" is not one \(YYYY-MM-DD\)/);
    expect(problem({ field: 'city', op: 'in', value: [] })).toMatch(/in takes a list of at least one value/);
    expect(problem({ field: 'city', op: 'is', value: ['a', 'b'] })).toMatch(/city is takes one value/);
    expect(problem({ field: 'repeat', op: 'is', value: 'yes' })).toMatch(/repeat is true or false, not "yes"/);
    expect(compileSegment({ name: 'Empty', match: 'all', conditions: [] }, fields, buyers)).toEqual({ ok: false, problem: expect.stringMatching(/Segment "Empty" has no condition/) });
  });
});

describe('the runner\'s facets and segments', () => {
  test('--facet keeps commas and quotes; the same facet twice is either value', () => {
    expect(parseFacetFlags(['country=FR', 'country=DE', 'product=Mug, large', 'city=Washington, "D.C."', 'product=a=b'])).toEqual({
      country: ['FR', 'DE'],
      product: ['Mug, large', 'a=b'],
      city: ['Washington, "D.C."'],
    });
    expect(() => parseFacetFlags(['FR'])).toThrow(/--facet FR: give facet=value/);
    expect(() => parseFacetFlags(['country='])).toThrow(/the value is empty/);
    const args = parseKpiArgs(['orders.csv', '--facet', 'product=Mug, large', '--facet', 'country=FR']);
    expect(args.facets).toEqual({ product: ['Mug, large'], country: ['FR'] });
  });

  test('a segment file holds one segment, or several chosen by name', () => {
    const one = JSON.stringify({ name: 'Repeat', match: 'all', conditions: [{ field: 'orders', op: 'gte', value: 2 }] });
    const several = JSON.stringify({ segments: [JSON.parse(one), { name: "O'Brien's", match: 'any', conditions: [{ field: 'city', op: 'is', value: "Cote d'Ivoire" }] }] });
    const files: Record<string, string> = { 'one.json': one, 'nb.json': several, 'bad.json': '{"name":"X","match":"some","conditions":[]}' };
    const read = (p: string) => files[p];
    expect(readSegmentFile('one.json', '--segment', read).name).toBe('Repeat');
    expect(readSegmentFile("nb.json#O'Brien's", '--segment', read).conditions[0].value).toBe("Cote d'Ivoire");
    expect(() => readSegmentFile('nb.json', '--segment', read)).toThrow(/holds 2 segments; choose one with nb.json#NAME \(Repeat, O'Brien's\)/);
    expect(() => readSegmentFile('bad.json', '--segment', read)).toThrow(/"match" is "all" \(every condition\) or "any"/);
  });
});

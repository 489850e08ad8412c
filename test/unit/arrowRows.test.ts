// Pins the row normalisation at the engine boundary: no BigInt, dates as ISO strings, on real DuckDB-WASM.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openWasmDb, type WasmDb } from '../support/wasmDb';

let db: WasmDb;
beforeAll(async () => {
  db = await openWasmDb();
});
afterAll(() => db.close());

test('integers, decimals, dates and timestamps come back as plain values', async () => {
  const rows = await db.rows(`
    select 42::bigint as big, 12.345::decimal(10,3) as dec, -7.5::decimal(18,2) as neg,
           sum(x)::hugeint as huge, date '1999-12-31' as d, timestamp '2024-03-01 08:05:09.250' as ts,
           null::date as nd, 'O''Brien' as name, true as flag
    from (values (1), (2)) t(x)`);
  expect(rows).toEqual([
    { big: 42, dec: 12.345, neg: -7.5, huge: 3, d: '1999-12-31', ts: '2024-03-01 08:05:09.250', nd: null, name: "O'Brien", flag: true },
  ]);
});

test('parameters are bound, not pasted', async () => {
  const rows = await db.rows('select ? as who, ?::date as day', ["Cote d'Ivoire", '2024-02-29']);
  expect(rows).toEqual([{ who: "Cote d'Ivoire", day: '2024-02-29' }]);
});

test('columns computed in TypeScript become a typed table', async () => {
  await db.insertColumns('t_cols', { id: ['a', "O'B", null], value: new Float64Array([1.5, 2, 3]), n: [1, null, 3] });
  const rows = await db.rows('select id, value, n, typeof(id) as tid, typeof(value) as tv from t_cols order by value');
  expect(rows).toEqual([
    { id: 'a', value: 1.5, n: 1, tid: 'VARCHAR', tv: 'DOUBLE' },
    { id: "O'B", value: 2, n: null, tid: 'VARCHAR', tv: 'DOUBLE' },
    { id: null, value: 3, n: 3, tid: 'VARCHAR', tv: 'DOUBLE' },
  ]);
});

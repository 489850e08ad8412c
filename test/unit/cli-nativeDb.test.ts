// Pins native DuckDB's row normalisation to the WASM path's: the same query with every type a
// module can return comes back as the same plain values on both engines (values written by hand).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openNativeDb, type NativeDb } from '../../src/cli/nativeDb';
import { openWasmDb, type WasmDb } from '../support/wasmDb';

let wasm: WasmDb;
let native: NativeDb;
beforeAll(async () => {
  [wasm, native] = await Promise.all([openWasmDb(), openNativeDb()]);
});
afterAll(() => {
  wasm.close();
  native.close();
});

const everyType = `
  select 42::bigint as big, -3::integer as int, 7::smallint as small, 1::tinyint as tiny,
         18::ubigint as ubig, sum(x)::hugeint as huge,
         12.345::decimal(10,3) as dec, -7.5::decimal(18,2) as neg, 0.1234567891::decimal(38,10) as wide,
         2.5::double as dbl, 0.25::float as flt, 'infinity'::double as inf, 'nan'::double as nan,
         date '1999-12-31' as d, date '1969-07-20' as old_d,
         timestamp '2024-03-01 08:05:09.250' as ts_ms, timestamp '2024-03-01 08:05:09' as ts,
         timestamp '2024-03-01 08:05:09.250789' as ts_us, timestamp '1969-12-31 23:59:58.5' as old_ts,
         'O''Brien' as name, '' as empty, true as yes, false as no,
         null::date as nd, null::timestamp as nts, null::double as ndbl, null::varchar as nstr, null::boolean as nb,
         null::decimal(10,2) as ndec, null::bigint as nbig
  from (values (1), (2)) t(x)`;

const expected = {
  big: 42, int: -3, small: 7, tiny: 1, ubig: 18, huge: 3,
  dec: 12.345, neg: -7.5, wide: 0.1234567891,
  dbl: 2.5, flt: 0.25, inf: Infinity, nan: NaN,
  d: '1999-12-31', old_d: '1969-07-20',
  ts_ms: '2024-03-01 08:05:09.250', ts: '2024-03-01 08:05:09',
  ts_us: '2024-03-01 08:05:09.250', old_ts: '1969-12-31 23:59:58.500',
  name: "O'Brien", empty: '', yes: true, no: false,
  nd: null, nts: null, ndbl: null, nstr: null, nb: null, ndec: null, nbig: null,
};

test('every type comes back as the same plain value on both engines', async () => {
  expect(await wasm.rows(everyType)).toEqual([expected]);
  expect(await native.rows(everyType)).toEqual([expected]);
});

test('no BigInt leaks from native integer aggregates', async () => {
  const [row] = await native.rows('select count(*) as n, sum(x) as s from range(5) t(x)');
  expect(row).toEqual({ n: 5, s: 10 });
  expect(typeof row.n).toBe('number');
});

test('parameters are bound, not pasted', async () => {
  const sql = 'select ? as who, ?::date as day, ? as n, ? as flag, ? as nothing';
  const params = ["Cote d'Ivoire", '2024-02-29', 1.5, true, null];
  const want = [{ who: "Cote d'Ivoire", day: '2024-02-29', n: 1.5, flag: true, nothing: null }];
  expect(await native.rows(sql, params)).toEqual(want);
  expect(await wasm.rows(sql, params)).toEqual(want);
  await native.exec('set variable period_start = cast(? as date)', ['2024-01-31']);
  expect(await native.rows("select getvariable('period_start') as p")).toEqual([{ p: '2024-01-31' }]);
});

test('insertColumns builds the same typed table on both engines', async () => {
  const columns = { id: ['a', "O'B", null], value: new Float64Array([1.5, 2, 3]), n: [1, null, 3], empty: [null, null, null] };
  const sql = 'select id, value, n, empty, typeof(id) as tid, typeof(value) as tv, typeof(n) as tn from t_cols order by value';
  const want = [
    { id: 'a', value: 1.5, n: 1, empty: null, tid: 'VARCHAR', tv: 'DOUBLE', tn: 'DOUBLE' },
    { id: "O'B", value: 2, n: null, empty: null, tid: 'VARCHAR', tv: 'DOUBLE', tn: 'DOUBLE' },
    { id: null, value: 3, n: 3, empty: null, tid: 'VARCHAR', tv: 'DOUBLE', tn: 'DOUBLE' },
  ];
  await native.insertColumns('t_cols', columns);
  await wasm.insertColumns('t_cols', columns);
  expect(await native.rows(sql)).toEqual(want);
  expect(await wasm.rows(sql)).toEqual(want);
  await native.insertColumns('t_cols', { only: [7] });
  expect(await native.rows('select * from t_cols')).toEqual([{ only: 7 }]);
});

test('time zones follow UTC, as on DuckDB-WASM, whatever the machine running the command', async () => {
  const sql = "select timestamptz '2024-01-01 01:30:00+02' as tz, timestamptz '2024-01-01 01:30:00+02'::timestamp as cast_ts, timestamptz '2024-01-01 01:30:00+02'::date as cast_d";
  expect(await native.rows(sql)).toEqual([{ tz: '2023-12-31 23:30:00', cast_ts: '2023-12-31 23:30:00', cast_d: '2023-12-31' }]);
});

test('extensions are never installed from the network', async () => {
  expect(await native.rows("select current_setting('autoinstall_known_extensions') as v")).toEqual([{ v: false }]);
});

/**
 * Lifetime-value fit time in Node on DuckDB-WASM: customers simulated from BG/NBD and
 * Gamma-Gamma become orders (given x repeat purchases with the last at t_x, the earlier ones
 * fall uniformly in (0, t_x), as in a Poisson process), then fitClv runs end to end; the
 * model steps are also timed alone on the summary it read. The first fitClv includes the
 * JavaScript engine's warm-up and DuckDB's first run of the query; the rerun does not.
 * Run: npx tsx test/bench/clvFitTime.ts [customers...]
 */
import { readCatalog } from '../../src/cli/readModules';
import { createTableSql } from '../../src/lib/canonical';
import { fitBgNbd, type Rfm } from '../../src/lib/clv/bgnbd';
import { fitClv } from '../../src/lib/clv/fitClv';
import { fitGammaGamma } from '../../src/lib/clv/gammaGamma';
import { predictCustomer } from '../../src/lib/clv/predict';
import { runModule } from '../../src/lib/runModule';
import { applyScope, ensureBaseSchema } from '../../src/lib/scope';
import { Random } from '../../src/sample/prng';
import { simulateCustomers } from '../support/simulateClv';
import { openWasmDb, type WasmDb } from '../support/wasmDb';

const calibrationEnd = '2025-12-31';
const dayMs = 86_400_000;
const isoDay = (offset: number) => new Date(Date.parse(`${calibrationEnd}T00:00:00Z`) + offset * dayMs).toISOString().slice(0, 10);

async function loadSimulatedOrders(db: WasmDb, customers: number) {
  const { rfm, spend } = simulateCustomers(customers, 42, { r: 0.6, alpha: 9, a: 0.85, b: 5 }, { p: 6, q: 4, gamma: 50 });
  const random = new Random(43);
  const ids: string[] = [];
  const offsets: number[] = [];
  const values: number[] = [];
  rfm.forEach(({ x, tx, T }, i) => {
    const first = -Math.round(T * 7);
    const times = [0, ...Array.from({ length: Math.max(0, x - 1) }, () => random.next() * tx), ...(x > 0 ? [tx] : [])];
    for (const t of times) {
      ids.push(`c${i}`);
      offsets.push(first + Math.round(t * 7));
      values.push(t === 0 ? 40 : spend[i].m);
    }
  });
  await ensureBaseSchema(db);
  await db.exec('drop table if exists base.orders cascade');
  await db.exec(createTableSql('orders', 'base.orders'));
  await db.insertColumns('simulated', { customer_id: ids, offset_days: Float64Array.from(offsets), revenue: Float64Array.from(values) });
  await db.exec(
    `insert into base.orders (order_id, customer_id, order_date, revenue)
     select row_number() over ()::varchar, customer_id, cast(? as date) + cast(offset_days as integer), revenue from simulated`,
    [calibrationEnd],
  );
  await applyScope(db, { start: isoDay(-800), end: isoDay(182) }, ['orders']);
  return ids.length;
}

const time = <T>(run: () => T): [T, number] => {
  const t0 = performance.now();
  const value = run();
  return [value, performance.now() - t0];
};

const sizes = process.argv.slice(2).map(Number);
const db = await openWasmDb();
const summary = readCatalog().current.find((m) => m.id === 'clv_summary')!;
for (const customers of sizes.length ? sizes : [20_000, 200_000]) {
  const orders = await loadSimulatedOrders(db, customers);
  const fit = await fitClv(db, summary, { calibrationEnd });
  const rerun = await fitClv(db, summary, { calibrationEnd });
  const t0 = performance.now();
  const rows = await runModule(db, summary, { calibration_end: calibrationEnd, time_unit_days: 7 });
  const summaryMs = performance.now() - t0;
  const rfm: Rfm[] = rows.map((r) => ({ x: Number(r.frequency), tx: Number(r.recency), T: Number(r.age) }));
  const spend = rows.map((r, i) => ({ x: rfm[i].x, m: Number(r.monetary_value) }));
  const [bgnbd, bgnbdMs] = time(() => fitBgNbd(rfm));
  const [gammaGamma, gammaGammaMs] = time(() => fitGammaGamma(spend.filter((s) => s.x > 0)));
  const [, predictMs] = time(() => rfm.forEach((c, i) => predictCustomer(bgnbd.params, gammaGamma.params, c, spend[i].m, { months: 12, monthlyDiscount: 0.01, timeUnitDays: 7 })));
  console.log(
    JSON.stringify({
      customers,
      orders,
      fitClvMs: Math.round(fit.fitMs),
      fitClvRerunMs: Math.round(rerun.fitMs),
      summarySqlMs: Math.round(summaryMs),
      bgnbdMs: Math.round(bgnbdMs),
      bgnbdIterations: bgnbd.iterations,
      methods: [bgnbd.method, gammaGamma.method],
      gammaGammaMs: Math.round(gammaGammaMs),
      gammaGammaIterations: gammaGamma.iterations,
      predictions12MonthsMs: Math.round(predictMs),
      params: { ...fit.prediction.bgnbd.params, ...fit.prediction.gammaGamma.params },
    }),
  );
}
db.close();

// The sample store's KPIs are plausible against what the generator was told (static/sample/
// params.json): acquisition cost per paid channel, the refund share, and the purchase and
// spend parameters recovered by the lifetime-value models fitted on the store's orders.
import { readFileSync } from 'node:fs';
import { readParquet } from 'parquet-wasm/node';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readCatalog } from '../../src/cli/readModules';
import { canonicalTableNames } from '../../src/lib/canonical';
import { fitClv, type ClvFit } from '../../src/lib/clv/fitClv';
import { runModule } from '../../src/lib/runModule';
import { applyScope, ensureBaseSchema } from '../../src/lib/scope';
import { sampleDir } from '../../src/sample/generate';
import { openWasmDb, type WasmDb } from '../support/wasmDb';

const params = JSON.parse(readFileSync(`${sampleDir}/params.json`, 'utf8'));
const catalog = readCatalog();
const module = (id: string) => catalog.current.find((m) => m.id === id)!;

let db: WasmDb;
beforeAll(async () => {
  db = await openWasmDb();
  await ensureBaseSchema(db);
  for (const table of canonicalTableNames) {
    const ipc = readParquet(readFileSync(`${sampleDir}/${table}.parquet`)).intoIPCStream();
    db.conn.insertArrowFromIPCStream(ipc, { name: table, schema: 'base', create: true });
  }
  await applyScope(db, { start: params.start, end: params.end }, [...canonicalTableNames]);
}, 60_000);
afterAll(() => db.close());

test('acquisition cost per paid channel is the one the generator spent per customer (within 10%)', async () => {
  const rows = await runModule(db, module('customer_acquisition_cost'));
  for (const [channel, cac] of Object.entries(params.cac as Record<string, number>)) {
    const found = rows.find((r) => r.channel === channel)!.cac as number;
    expect(Math.abs(found - cac) / cac, `${channel}: ${found} vs ${cac}`).toBeLessThan(0.1);
  }
});

test('refunded money is a few percent of revenue, as refunds hit 4% of orders on one line', async () => {
  const [total] = await runModule(db, module('refund_rate'));
  expect(total.refund_rate as number).toBeGreaterThan(0.01);
  expect(total.refund_rate as number).toBeLessThan(0.04);
});

test('the lifetime-value models recover the generator’s purchase (BG/NBD) and spend (Gamma-Gamma) parameters', async () => {
  const fit: ClvFit = await fitClv(db, module('clv_summary'));
  const { r, alpha, a, b } = params.bgnbd;
  // Mean purchase rate r / alpha and mean drop-out a / (a + b) are what the data pin down; 25%
  // allows for the store's trials, refunds and seasonality that the model does not know about.
  const rate = fit.prediction.bgnbd.params.r / fit.prediction.bgnbd.params.alpha;
  const dropout = fit.prediction.bgnbd.params.a / (fit.prediction.bgnbd.params.a + fit.prediction.bgnbd.params.b);
  expect(Math.abs(rate - r / alpha) / (r / alpha), `rate ${rate}`).toBeLessThan(0.25);
  expect(Math.abs(dropout - a / (a + b)) / (a / (a + b)), `dropout ${dropout}`).toBeLessThan(0.25);

  // Gamma-Gamma: the fit on the store's repeat purchase values. Fitted p 5.77 (SE 0.41), q 3.95
  // (SE 0.12), gamma 50.8 (SE 5.0) against 6, 4, 50. p and gamma trade off against each other
  // (their SEs are 7% and 10%), so each gets 20%, the mean spend p * gamma / (q - 1) they pin
  // together (100 here) 5%, q 10%: a fit with p and q swapped, or 10% off in mean spend, fails.
  const spend = fit.prediction.gammaGamma.params;
  const truth = params.gammaGamma as { p: number; q: number; gamma: number };
  const mean = (g: { p: number; q: number; gamma: number }) => (g.p * g.gamma) / (g.q - 1);
  expect(Math.abs(mean(spend) - mean(truth)) / mean(truth), `mean spend ${mean(spend)}`).toBeLessThan(0.05);
  expect(Math.abs(spend.q - truth.q) / truth.q, `q ${spend.q}`).toBeLessThan(0.1);
  expect(Math.abs(spend.p - truth.p) / truth.p, `p ${spend.p}`).toBeLessThan(0.2);
  expect(Math.abs(spend.gamma - truth.gamma) / truth.gamma, `gamma ${spend.gamma}`).toBeLessThan(0.2);
}, 120_000);

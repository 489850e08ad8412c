// Pins "one ingestion, two engines": every file of the ingestion corpus (test/fixtures/ingest),
// read by the page's engine (DuckDB-WASM, the file as bytes) and by the runner's (native DuckDB,
// the file by its path), gives the same outcome: the same error, the same question, or the same
// table with the same rows, rows set aside (with reasons), guests, refunds and notices. Orders
// files then give the same results for every KPI module on both engines.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { nativeIngestHost, type NativeIngestHost } from '../../src/cli/nativeIngestHost';
import { openNativeDb, type NativeDb } from '../../src/cli/nativeDb';
import { explorerFamilies } from '../../src/lib/moduleCatalog';
import { readCatalog } from '../../src/cli/readModules';
import { orderDateRange, runKpis } from '../../src/cli/runKpis';
import { canonicalTables, type CanonicalTableName } from '../../src/lib/canonical';
import type { Db } from '../../src/lib/db';
import { ingest } from '../../src/worker/ingest/ingest';
import { listSetAside } from '../../src/worker/ingest/sources';
import type { IngestHost, IngestOutcome } from '../../src/worker/ingest/types';
import { fixture } from '../support/ingestFixtures';
import { openIngestHost } from '../support/ingestHost';
import { differences } from '../support/kpiDifferences';

const dir = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));
const files = readdirSync(dir).filter((f) => !/\.(md|ts)$/.test(f)).sort();
// The runner's KPIs: the explorer's modules are not among them (src/cli/kpis.ts).
const modules = readCatalog().current.filter((m) => !explorerFamilies.includes(m.family));

let wasm: IngestHost & { wasm: { close(): void } };
let nativeDb: NativeDb;
let native: NativeIngestHost;

beforeAll(async () => {
  wasm = await openIngestHost();
  nativeDb = await openNativeDb();
  native = await nativeIngestHost(nativeDb);
});

afterAll(async () => {
  await native?.close();
  nativeDb?.close();
  wasm?.wasm.close();
});

/** Everything the user is told about one file, and the rows it put where. */
async function seen(host: IngestHost, outcome: IngestOutcome, schema: string) {
  if (!outcome.ok) return { error: outcome.error };
  const value = outcome.value;
  if (value.status === 'needs-mapping') return { asked: { headers: value.headers, proposal: value.proposal, preview: value.preview, dialect: value.dialect, warnings: value.warnings } };
  const { sourceId, preview: _, ...report } = value;
  const rows = await host.rows(`select * exclude (source_file) from ${schema}.${value.table} where source_file = ? order by all`, [sourceId]);
  return { report, rows, setAside: await listSetAside(host, sourceId) };
}

test('the corpus is there', () => {
  expect(files.length).toBeGreaterThan(40);
});

describe.each(files)('%s', (name) => {
  test('gives the same outcome, rows and notices on DuckDB-WASM and native DuckDB', async () => {
    const schema = `x_${files.indexOf(name)}`;
    const onWasm = await ingest(wasm, { name, data: fixture(name) }, {}, schema);
    const onNative = await ingest(native, { name, data: await native.open(`${dir}${name}`) }, {}, schema);
    const w = await seen(wasm, onWasm, schema);
    const n = await seen(native, onNative, schema);
    expect(n).toEqual(w);
  });
});

/** Loads one orders file into base on an engine, returns the canonical columns for runKpis. */
async function loadOrders(host: IngestHost, db: Db, data: Uint8Array | Blob, name: string) {
  await db.exec('drop schema if exists base cascade');
  await db.exec('create schema base');
  await db.exec('delete from ingest_sources').catch(() => undefined);
  const out = await ingest(host, { name, data });
  if (!out.ok || out.value.status !== 'loaded') throw new Error(`${name} did not load`);
  return new Map<CanonicalTableName, Set<string>>([['orders', new Set(canonicalTables.orders.columns.map((c) => c.name))]]);
}

const orderFiles = ['online-retail.csv', 'stripe-payments.csv', 'commandes-latin1.csv', 'shopify-orders.csv', 'woocommerce-orders.csv', 'orders-blanks-guests.csv'];

describe.each(orderFiles)('KPIs on %s', (name) => {
  test('every module that applies gives the same rows on both engines, and none fails', async () => {
    const columns = await loadOrders(wasm, wasm, fixture(name), name);
    await loadOrders(native, nativeDb, await native.open(`${dir}${name}`), name);
    const range = (await orderDateRange(nativeDb))!;
    expect(await orderDateRange(wasm)).toEqual(range);
    const w = await runKpis(wasm, modules, columns, range);
    const n = await runKpis(nativeDb, modules, new Map([...columns].map(([t, c]) => [t, new Set(c)])), range);
    expect(w.modules.length).toBeGreaterThan(10);
    expect(differences(w, n)).toEqual([]);
  });
});

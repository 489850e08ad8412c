// Pins that the runner completes on input larger than DuckDB's memory limit by spilling to its
// temporary folder: the same order lines, read in place, build the prepared tables and run the
// repeat-purchase modules under a 160 MB limit, and give the results of an unlimited run; with
// spilling turned off the same run stops (so the first did spill), with a message naming the
// step and the limit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { applyEngineSettings, engineSettings, preparedLinesPerPart, stepper, type EngineSettings } from '../../src/cli/engine';
import { loadFiles } from '../../src/cli/loadFiles';
import { openNativeDb } from '../../src/cli/nativeDb';
import { readCatalog } from '../../src/cli/readModules';
import { runKpis, type KpiReport } from '../../src/cli/runKpis';
import { differences } from '../support/kpiDifferences';

const lines = 3_000_000;
const limit = '160MB';
const modules = readCatalog().current.filter((m) => ['net_revenue', 'order_count', 'repeat_purchase_rate', 'average_order_value'].includes(m.id));
let tmp: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'clientele-spill-test-'));
  const db = await openNativeDb();
  // About 300 MB of order lines once read: 300k customers, a year of dates, three lines an order.
  await db.exec(`copy (
      select 'o' || (i // 3) as order_id, 'c' || ((i // 3) % 300000) as customer_id,
             timestamp '2024-01-01' + to_seconds((i * 7919) % 31536000) as order_date,
             10 + (i % 97) as revenue, 'EUR' as currency, ['web', 'shop', 'ads'][1 + i % 3] as channel
      from range(${lines}) t(i)) to '${join(tmp, 'orders')}' (format parquet, file_size_bytes '8MB')`);
  db.close();
}, 60_000);

afterAll(() => tmp && rmSync(tmp, { recursive: true, force: true }));

async function run(settings: EngineSettings, messages: string[] = []): Promise<KpiReport> {
  const db = await openNativeDb();
  try {
    await applyEngineSettings(db, settings);
    const step = stepper(settings, (l) => messages.push(l), 60_000);
    const loaded = await loadFiles(db, [join(tmp, 'orders')], { step });
    // As the runner builds them: the whole grouping and sort in one statement, far above the limit.
    return await runKpis(db, modules, loaded.columns, { start: '2024-01-01', end: '2024-12-31' }, { linesPerPart: preparedLinesPerPart, step });
  } finally {
    db.close();
  }
}

test('above the memory limit the run spills and gives the unlimited run\'s results', async () => {
  expect(modules.length).toBeGreaterThanOrEqual(3);
  const spill = join(tmp, 'spill');
  const limited = await run(engineSettings(limit, spill));
  const unlimited = await run(engineSettings('4GB', join(tmp, 'spill-free')));
  expect(limited.modules.filter((m) => m.error).map((m) => m.error)).toEqual([]);
  expect(limited.modules.every((m) => m.rows.length > 0)).toBe(true);
  expect(differences(unlimited, limited)).toEqual([]);
}, 240_000);

test('with nowhere to spill, the message names the step and the limit', async () => {
  const settings = { ...engineSettings(limit, join(tmp, 'unused')), tempDirectory: '' };
  const messages: string[] = [];
  await expect(run(settings, messages)).rejects.toThrow(/^prepared tables did not fit in memory: DuckDB may use 160 MB .*Raise --memory-limit/);
}, 240_000);

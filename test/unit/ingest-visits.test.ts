// Pins that visit exports load into the visits table without asking: Matomo's visits log and a
// GA4 BigQuery events export (event_date as YYYYMMDD), with the known customer and the channel;
// and that the visit frequency cell then counts a customer's visit days.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readCatalog } from '../../src/cli/readModules';
import { runModule } from '../../src/lib/runModule';
import { applyScope } from '../../src/lib/scope';
import type { IngestHost } from '../../src/worker/ingest/types';
import { loaded, rowsFrom } from '../support/ingestFixtures';
import { openIngestHost } from '../support/ingestHost';

let host: IngestHost & { wasm: { close(): void } };
beforeAll(async () => {
  host = await openIngestHost();
});
afterAll(() => host.wasm.close());

test("Matomo's visits log loads as visits: visitorId, serverDate, userId, referrerType", async () => {
  const v = await loaded(host, 'matomo-visits.csv');
  expect([v.table, v.rowsLoaded]).toEqual(['visits', 3]);
  expect(await rowsFrom(host, v, "visitor_id, strftime(visited_at, '%Y-%m-%d') as day, customer_id, channel")).toEqual([
    { visitor_id: '0f1e2d3c4b5a6978', day: '2024-03-01', customer_id: null, channel: 'direct' },
    { visitor_id: 'a1b2c3d4e5f60718', day: '2024-03-01', customer_id: 'c1', channel: 'search' },
    { visitor_id: 'a1b2c3d4e5f60718', day: '2024-03-09', customer_id: 'c1', channel: 'campaign' },
  ]);
});

test('a GA4 events export loads as visits, its YYYYMMDD dates read, and visit frequency counts days', async () => {
  const v = await loaded(host, 'ga4-events.csv');
  expect([v.table, v.rowsLoaded]).toEqual(['visits', 3]);
  expect(await rowsFrom(host, v, "visitor_id, strftime(visited_at, '%Y-%m-%d') as day, customer_id")).toEqual([
    { visitor_id: '123.456', day: '2024-03-01', customer_id: 'c1' },
    { visitor_id: '123.456', day: '2024-03-01', customer_id: 'c1' },
    { visitor_id: '789.012', day: '2024-03-02', customer_id: null },
  ]);
  await applyScope(host, { start: '2024-03-01', end: '2024-03-31' }, ['visits']);
  const module = readCatalog().current.find((m) => m.id === 'visit_frequency')!;
  // With Matomo's rows in the same table: c1 came on 1 March (two GA4 events and a Matomo visit: one
  // visit day) and on 9 March; the anonymous visitors do not count.
  expect((await runModule(host, module))[0]).toEqual({ month: null, customers: 1, visits: 2, visits_per_customer: 2 });
});

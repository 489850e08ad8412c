// Golden answers for the service modules on the shared fixture (storeFixture.ts), worked by hand:
// an unresolved ticket, a resolution before the opening, a ticket over a month edge, no channel.
import { expect, test } from 'vitest';
import { readCatalog } from '../../src/cli/readModules';
import { headlineRow } from '../../src/lib/runModule';
import { goldenSuite } from './golden';

const run = goldenSuite();

test('first_contact_resolution: resolved tickets only; no flag means one contact decides', async () => {
  // chat: T1, T6 both first contact. email: T2 took 3 contacts (T3 is still open; T7 was
  // resolved but has neither flag nor contacts: left out). T4 has no flag and one contact:
  // first contact; no channel -> 'unknown'. T5 opened in January.
  expect(await run('first_contact_resolution')).toEqual([
    { channel: null, resolved: 4, first_contact: 3, fcr: 0.75 },
    { channel: 'chat', resolved: 2, first_contact: 2, fcr: 1 },
    { channel: 'email', resolved: 1, first_contact: 0, fcr: 0 },
    { channel: 'unknown', resolved: 1, first_contact: 1, fcr: 1 },
  ]);
});

test('resolution_time: the mean hours to resolve as headline, the median beside it', async () => {
  // Feb: T1 2 h, T2 24 h, T7 6 h -> mean 32/3, median 6. Mar: T4 4 h (resolved in April);
  // T6 resolved before it opened (left out); T3 open. Period: 2, 4, 6, 24 -> mean 9, median 5.
  const rows = await run('resolution_time');
  expect(rows).toEqual([
    { month: null, resolved: 4, average_hours: 9, median_hours: 5, open_tickets: 1 },
    { month: '2024-02-01', resolved: 3, average_hours: 32 / 3, median_hours: 6, open_tickets: 0 },
    { month: '2024-03-01', resolved: 1, average_hours: 4, median_hours: 4, open_tickets: 1 },
  ]);
  const module = readCatalog().current.find((m) => m.id === 'resolution_time')!;
  expect(headlineRow(module, rows)?.[module.headline!.column]).toBe(9);
});

test('fcr_by_month: the same rule by the month a ticket was opened', async () => {
  // Feb: T1 first contact, T2 not -> 1/2 (T7, nothing known, left out). Mar: T4 (one contact,
  // no flag) and T6 both first contact.
  expect(await run('fcr_by_month')).toEqual([
    { month: null, resolved: 4, first_contact: 3, fcr: 0.75 },
    { month: '2024-02-01', resolved: 2, first_contact: 1, fcr: 0.5 },
    { month: '2024-03-01', resolved: 2, first_contact: 2, fcr: 1 },
  ]);
});

test('resolution_time_by_channel: hours to resolve by channel', async () => {
  // chat: T1 2 h (T6 resolved before it opened: left out). email: T2 24 h, T7 6 h -> median
  // and mean 15; T3 open. unknown: T4 4 h. All: 2, 4, 6, 24 -> median 5, mean 9.
  expect(await run('resolution_time_by_channel')).toEqual([
    { channel: null, resolved: 4, median_hours: 5, average_hours: 9, open_tickets: 1 },
    { channel: 'chat', resolved: 1, median_hours: 2, average_hours: 2, open_tickets: 0 },
    { channel: 'email', resolved: 2, median_hours: 15, average_hours: 15, open_tickets: 1 },
    { channel: 'unknown', resolved: 1, median_hours: 4, average_hours: 4, open_tickets: 0 },
  ]);
});

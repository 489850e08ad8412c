// Golden answers for the social modules on a fixture of their own, worked by hand: the tone
// thresholds (0.1 and -0.1 are neutral), unscored rows, the period's and the recent window's
// edges, a tie on score broken by recency, and a quote in a text.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readCatalog } from '../../src/cli/readModules';
import { runModule, type ParamValues } from '../../src/lib/runModule';
import { loadTables } from '../support/loadTables';
import { openWasmDb, type WasmDb } from '../support/wasmDb';

const mentions = [
  { posted_at: '2024-01-31 23:59:59', text: 'before the period', sentiment: -0.99 },
  { posted_at: '2024-02-01 00:00:00', text: 'love it', sentiment: 0.5 },
  { posted_at: '2024-02-02 09:00:00', text: 'broken', sentiment: -0.5 },
  { posted_at: '2024-02-03 09:00:00', text: 'ordered', sentiment: 0.05 },
  { posted_at: '2024-02-29 23:59:00', text: 'fine', sentiment: 0.1 },
  { posted_at: '2024-03-01 23:59:59', text: 'worst box', sentiment: -0.9 },
  { posted_at: '2024-03-02 00:00:00', text: 'late again', sentiment: -0.6 },
  { posted_at: '2024-03-10 12:00:00', text: 'not scored', sentiment: null },
  { posted_at: '2024-03-15 12:00:00', text: 'meh', sentiment: -0.1 },
  { posted_at: '2024-03-20 12:00:00', text: 'great', sentiment: 0.8 },
  { posted_at: '2024-03-25 12:00:00', text: 'Terrible, never again', sentiment: -0.95 },
  { posted_at: '2024-03-31 23:59:00', text: "O'Brien's order is not good", sentiment: -0.6 },
  { posted_at: '2024-04-01 00:00:00', text: 'after the period', sentiment: -1 },
];

const catalog = readCatalog();
let db: WasmDb;
beforeAll(async () => {
  db = await openWasmDb();
  await loadTables(db, { social_mentions: mentions }, { start: '2024-02-01', end: '2024-03-31' });
});
afterAll(() => db.close());

const run = (id: string, params: ParamValues = {}) => runModule(db, catalog.current.find((m) => m.id === id)!, params);

test('sentiment_share: tones by month and net sentiment', async () => {
  // Feb: love it (+), broken (-), ordered and fine (0.05, 0.1: neutral) -> 1/4, 2/4, 1/4.
  // Mar: worst box, late again, Terrible, O'Brien (-); meh (-0.1: neutral); great (+); the
  // unscored one is left out -> 4/6, 1/6, 1/6. Period: 10 scored, 2 (+), 5 (-) -> -0.3.
  expect(await run('sentiment_share')).toEqual([
    { month: null, tone: null, mentions: 10, share: null, net_sentiment: -0.3 },
    { month: '2024-02-01', tone: 'negative', mentions: 1, share: 0.25, net_sentiment: null },
    { month: '2024-02-01', tone: 'neutral', mentions: 2, share: 0.5, net_sentiment: null },
    { month: '2024-02-01', tone: 'positive', mentions: 1, share: 0.25, net_sentiment: null },
    { month: '2024-03-01', tone: 'negative', mentions: 4, share: 4 / 6, net_sentiment: null },
    { month: '2024-03-01', tone: 'neutral', mentions: 1, share: 1 / 6, net_sentiment: null },
    { month: '2024-03-01', tone: 'positive', mentions: 1, share: 1 / 6, net_sentiment: null },
  ]);
});

const terrible = { posted_at: '2024-03-25 12:00:00', sentiment: -0.95, text: 'Terrible, never again' };
const obrien = { posted_at: '2024-03-31 23:59:00', sentiment: -0.6, text: "O'Brien's order is not good" };
const late = { posted_at: '2024-03-02 00:00:00', sentiment: -0.6, text: 'late again' };

test('negative_mentions: the last 30 days, most negative first, a tie broken by recency', async () => {
  // The window is 2 Mar .. 31 Mar: "worst box" (1 Mar, 23:59:59) is just outside; "meh" at
  // -0.1 is not negative. The two at -0.6 list the later one first.
  expect(await run('negative_mentions')).toEqual([terrible, obrien, late]);
  expect(await run('negative_mentions', { top: 2 })).toEqual([terrible, obrien]);
});

test('negative_mentions: a window longer than the period stops at the period', async () => {
  // 90 days reach back before 1 Feb, but the period starts there: -0.99 on 31 Jan stays out.
  expect(await run('negative_mentions', { days: 90 })).toEqual([
    terrible,
    { posted_at: '2024-03-01 23:59:59', sentiment: -0.9, text: 'worst box' },
    obrien,
    late,
    { posted_at: '2024-02-02 09:00:00', sentiment: -0.5, text: 'broken' },
  ]);
  expect(await run('negative_mentions', { days: 1 })).toEqual([obrien]);
});

// Pins the currency rules (src/lib/currency.ts): money with no currency named shows no symbol; the
// data's single currency wins over the user's choice; several are never added up, and the kept one
// filters the scoped orders (and the prepared tables built from them) on real DuckDB-WASM, leaving
// out lines with no currency; the facts query tells one, none and several apart over every line.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fromBreakdown, pageCurrency, readCurrencies, runnerCurrency } from '../../src/lib/currency';
import { formatHeadline } from '../../src/lib/formatValue';
import { setLocale } from '../../src/lib/i18n';
import { applyScope } from '../../src/lib/scope';
import { dataFactsSql } from '../../src/sample/notebookSnapshot';
import { loadTables, type FixtureRow } from '../support/loadTables';
import { openWasmDb, type WasmDb } from '../support/wasmDb';

describe('formatHeadline money', () => {
  beforeAll(() => setLocale('en-GB'));

  test('without a currency: the plain number, same digits, no symbol', () => {
    expect(formatHeadline(42.5, 'currency')).toBe('42.50');
    expect(formatHeadline(1250.4, 'currency')).toBe('1,250');
    expect(formatHeadline(42.5, 'currency', undefined)).not.toMatch(/[$€£¤]/);
  });

  test('with one: its symbol; a value that is no ISO code is not trusted with one', () => {
    expect(formatHeadline(42.5, 'currency', 'GBP')).toBe('£42.50');
    expect(formatHeadline(1250.4, 'currency', 'EUR')).toBe('€1,250');
    expect(formatHeadline(42.5, 'currency', '€')).toBe('42.50');
  });
});

describe('which currency', () => {
  const several = fromBreakdown([
    { code: 'GBP', orders: 3, lines: 4 },
    { code: 'EUR', orders: 2, lines: 2 },
    { code: null, orders: 1, lines: 1 },
  ]);

  test('the breakdown reads as none, single or several; lines with no currency do not make a currency', () => {
    expect(fromBreakdown([{ code: null, orders: 4, lines: 4 }])).toEqual({ kind: 'none' });
    expect(fromBreakdown([{ code: 'GBP', orders: 4, lines: 4 }, { code: null, orders: 1, lines: 1 }])).toEqual({ kind: 'single', code: 'GBP' });
    expect(several).toEqual({ kind: 'several', currencies: [{ code: 'GBP', orders: 3 }, { code: 'EUR', orders: 2 }], linesWithout: 1 });
  });

  test('page: the data’s own currency wins; the choice names data without one; several keep one', () => {
    expect(pageCurrency({ kind: 'single', code: 'EUR' }, 'GBP')).toEqual({ code: 'EUR', source: 'data' });
    expect(pageCurrency({ kind: 'none' }, 'GBP')).toEqual({ code: 'GBP', source: 'choice' });
    expect(pageCurrency({ kind: 'none' })).toEqual({ source: 'none' });
    expect(pageCurrency(several)).toEqual({ code: 'GBP', source: 'kept', keep: 'GBP' });
    expect(pageCurrency(several, 'EUR')).toEqual({ code: 'EUR', source: 'kept', keep: 'EUR' });
    expect(pageCurrency(several, 'USD')).toEqual({ code: 'GBP', source: 'kept', keep: 'GBP' });
  });

  test('runner: several refused without --currency, with a sentence naming them', () => {
    expect(() => runnerCurrency(several)).toThrow('the orders are in several currencies, GBP (3 orders), EUR (2 orders), and money in different currencies is never added up');
    expect(runnerCurrency(several, 'EUR')).toEqual({ code: 'EUR', keep: 'EUR' });
    expect(() => runnerCurrency(several, 'USD')).toThrow('no orders are in USD');
    expect(() => runnerCurrency({ kind: 'single', code: 'EUR' }, 'GBP')).toThrow('the orders are all in EUR');
    expect(runnerCurrency({ kind: 'single', code: 'EUR' })).toEqual({ code: 'EUR' });
    expect(runnerCurrency({ kind: 'none' }, 'GBP')).toEqual({ code: 'GBP' });
  });
});

describe('the scope keeps one currency (DuckDB-WASM)', () => {
  let db: WasmDb;
  const period = { start: '2025-01-01', end: '2025-03-31' };
  const line = (order_id: string, customer_id: string, day: string, revenue: number, currency: string | null): FixtureRow => ({
    order_id, customer_id, order_date: `${day} 10:00:00`, revenue, currency,
  });
  // GBP: G1 100, G2 50 + 10 (two lines), G3 30 written 'gbp '; EUR: E1 200, E2 80; one line with none.
  const orders = [
    line('G1', 'c1', '2025-01-05', 100, 'GBP'),
    line('G2', 'c2', '2025-01-10', 50, 'GBP'),
    line('G2', 'c2', '2025-01-10', 10, 'GBP'),
    line('G3', 'c1', '2025-02-01', 30, 'gbp '),
    line('E1', 'c3', '2025-01-15', 200, 'EUR'),
    line('E2', 'c1', '2025-02-20', 80, 'EUR'),
    line('N1', 'c5', '2025-02-21', 999, null),
  ];
  const totals = async () => (await db.rows('select count(distinct order_id)::int as orders, sum(revenue)::double as revenue from orders'))[0];

  beforeAll(async () => {
    db = await openWasmDb();
    await loadTables(db, { orders }, period);
  }, 30_000);
  afterAll(() => db.close());

  test('the breakdown counts orders per currency over every line, and the lines without one', async () => {
    expect(await readCurrencies(db)).toEqual({ kind: 'several', currencies: [{ code: 'GBP', orders: 3 }, { code: 'EUR', orders: 2 }], linesWithout: 1 });
    const [facts] = await db.rows(dataFactsSql);
    expect(facts).toMatchObject({ first: '2025-01-05', last: '2025-02-21', currency: null, several_currencies: true });
  });

  test('without a kept currency every line is there; with one, only its lines, in the views and the prepared orders', async () => {
    expect(await totals()).toEqual({ orders: 6, revenue: 1469 });
    await applyScope(db, { ...period, currency: 'GBP' }, ['orders']);
    expect(await totals()).toEqual({ orders: 3, revenue: 190 });
    // c1 bought in both currencies: only G1 and G3 remain as their orders.
    expect(await db.rows("select order_id, order_number from customer_orders where customer_id = 'c1' order by order_number")).toEqual([
      { order_id: 'G1', order_number: 1 },
      { order_id: 'G3', order_number: 2 },
    ]);
    await applyScope(db, { ...period, currency: 'EUR' }, ['orders']);
    expect(await totals()).toEqual({ orders: 2, revenue: 280 });
    await applyScope(db, period, ['orders']);
    expect(await totals()).toEqual({ orders: 6, revenue: 1469 });
  });

  test('one currency (lines without one taken as it) and none are told apart by the facts query', async () => {
    await loadTables(db, { orders: [line('U1', 'c1', '2025-01-05', 10, ' gbp'), line('U2', 'c2', '2025-01-06', 20, null)] }, period);
    expect(await db.rows(dataFactsSql)).toEqual([{ first: '2025-01-05', last: '2025-01-06', currency: 'GBP', several_currencies: false }]);
    expect(await readCurrencies(db)).toEqual({ kind: 'single', code: 'GBP' });
    // Two ways of writing one currency: several values to the facts query, one currency once read.
    await loadTables(db, { orders: [line('U1', 'c1', '2025-01-05', 10, 'GBP'), line('U2', 'c2', '2025-01-06', 20, 'gbp ')] }, period);
    expect(await db.rows(dataFactsSql)).toEqual([{ first: '2025-01-05', last: '2025-01-06', currency: null, several_currencies: true }]);
    expect(await readCurrencies(db)).toEqual({ kind: 'single', code: 'GBP' });
    await loadTables(db, { orders: [line('U1', 'c1', '2025-01-05', 10, null)] }, period);
    expect(await db.rows(dataFactsSql)).toEqual([{ first: '2025-01-05', last: '2025-01-05', currency: null, several_currencies: false }]);
    expect(await readCurrencies(db)).toEqual({ kind: 'none' });
  });
});

// Pins the runner's currency rules end to end (`npx tsx src/cli/kpis.ts`): orders in two currencies are
// refused without --currency with a sentence naming them; --currency keeps one, every KPI reads only its
// orders and the report says what was left out; a UK export with no currency column shows plain numbers
// unless --currency names it.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const two = 'test/fixtures/currency/two-currencies.csv';
const uk = 'test/fixtures/currency/uk-orders.csv';

function kpis(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'src/cli/kpis.ts', ...args, '--only', 'average_order_value'], { cwd: root }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

test('two currencies without --currency: refused, naming them with their orders', async () => {
  const { code, stdout, stderr } = await kpis(two, '--json');
  expect(code).toBe(2);
  expect(stdout).toBe('');
  expect(stderr).toContain('the orders are in several currencies, GBP (3 orders), EUR (2 orders), and money in different currencies is never added up: run again with --currency GBP');
  const wrong = await kpis(two, '--currency', 'USD');
  expect(wrong.code).toBe(2);
  expect(wrong.stderr).toContain('no orders are in USD: the orders are in GBP (3 orders), EUR (2 orders)');
}, 90_000);

test('--currency keeps one: only its orders are counted, and the report says what was left out', async () => {
  const { code, stdout } = await kpis(two, '--currency', 'gbp', '--json');
  expect(code).toBe(0);
  const report = JSON.parse(stdout);
  expect(report.currency).toEqual({ code: 'GBP', leftOut: { currencies: [{ code: 'EUR', orders: 2 }], linesWithout: 1 } });
  // GBP: G1 100, G2 50 + 10, G3 30 (written "gbp") = 190 over 3 orders; EUR's 280 and the 999 with no currency stay out.
  const [aov] = report.modules;
  expect(aov.rows[0]).toMatchObject({ month: null, orders: 3, revenue: 190 });
  expect(aov.headline.value).toBeCloseTo(190 / 3, 9);

  const text = await kpis(two, '--currency', 'EUR');
  expect(text.stdout).toContain('Money in EUR: only the EUR orders are counted; left out: GBP (3 orders), and 1 order line with no currency');
  expect(text.stdout).toContain('Average order value (average_order_value@3): €140.00');
}, 90_000);

test('no currency column: plain numbers, no symbol, unless --currency names it', async () => {
  const plain = await kpis(uk);
  expect(plain.code).toBe(0);
  expect(plain.stdout).toContain('Money: no currency named');
  expect(plain.stdout).toContain('Average order value (average_order_value@3): 350.00');
  const named = await kpis(uk, '--currency', 'GBP');
  expect(named.stdout).toContain('Average order value (average_order_value@3): £350.00');
}, 90_000);

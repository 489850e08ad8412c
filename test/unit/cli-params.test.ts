// Pins `npm run kpis -- --param module.name=value`: a value within the module's `input:` range
// changes its answer (the top 50% of the fixture's three customers is two of them, not one); a
// value the page would refuse stops the run before any file is read, with exit code 2 and
// paramProblem's sentence naming the module and the parameter; the same rule guards runModule.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { moduleParams, parseKpiArgs } from '../../src/cli/kpiArgs';
import { readCatalog } from '../../src/cli/readModules';
import { bindParams } from '../../src/lib/runModule';
import type { Db } from '../../src/lib/db';

const root = fileURLToPath(new URL('../..', import.meta.url));
const orders = 'test/fixtures/cli/orders.csv';
const catalog = readCatalog().current;

function kpis(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/kpis.ts', ...args], { cwd: root }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

const given = (...flags: string[]) => moduleParams(parseKpiArgs(['x.csv', ...flags.flatMap((f) => ['--param', f])]).params, catalog);

test('values are read as their parameter type; a share may be given as a percent', () => {
  expect(given('top_customer_share.top_share=0.5', 'inactive_customers.window_days=90', 'new_customers.grain=week', 'clv_top_customers.top=10')).toEqual(
    new Map<string, unknown>([
      ['top_customer_share', { top_share: 0.5 }],
      ['inactive_customers', { window_days: 90 }],
      ['new_customers', { grain: 'week' }],
      ['clv_top_customers', { top: 10 }],
    ]),
  );
  expect(given('top_customer_share.top_share=10%').get('top_customer_share')).toEqual({ top_share: 0.1 });
});

test('a value outside the range or choices, of the wrong type, or for no such parameter is refused naming module and parameter', () => {
  expect(() => given('top_customer_share.top_share=20')).toThrow('--param top_customer_share.top_share=20: top_customer_share: top_share is from 1% to 99%');
  expect(() => given('top_customer_share.top_share=150%')).toThrow('top_customer_share: top_share is from 1% to 99%');
  expect(() => given('clv_top_customers.top=-3')).toThrow('clv_top_customers: top is from 1 to 1000 customers');
  expect(() => given('inactive_customers.window_days=2.5')).toThrow('inactive_customers: window_days is a whole number');
  expect(() => given('new_customers.grain=Monthly')).toThrow('new_customers: grain is one of day, week, month');
  expect(() => given('new_customers.top=3')).toThrow('new_customers has no parameter top (it has grain)');
  expect(() => given('no_such.top=3')).toThrow('no module named no_such');
  expect(() => given('top_share=0.5')).toThrow('give module.name=value');
});

test('runModule refuses a bad value whatever brought it (a shared link, the worker), before any SQL runs', async () => {
  const ran: string[] = [];
  const db = { exec: async (sql: string) => void ran.push(sql) } as unknown as Db;
  const module = catalog.find((m) => m.id === 'top_customer_share')!;
  await expect(bindParams(db, module, { top_share: 20 })).rejects.toThrow('top_customer_share: top_share is from 1% to 99%');
  expect(ran).toEqual([]);
  await bindParams(db, module, { top_share: 0.5 });
  expect(ran).toHaveLength(1);
});

test('the runner runs with a good value and stops on a bad one with exit code 2', async () => {
  const headline = async (...flags: string[]) => {
    const { code, stdout, stderr } = await kpis(orders, '--json', '--only', 'top_customer_share', ...flags);
    expect(stderr).not.toMatch(/kpis:|error/i);
    expect(code).toBe(0);
    return JSON.parse(stdout).modules[0].headline.value as number;
  };
  // Net revenue 100 (c1, after a full refund of 30), 50.50 (c2), 200 (c3) = 350.50.
  expect(await headline()).toBeCloseTo(200 / 350.5, 9);
  expect(await headline('--param', 'top_customer_share.top_share=50%')).toBeCloseTo(300 / 350.5, 9);

  const bad = await kpis(orders, '--json', '--param', 'top_customer_share.top_share=150%');
  expect(bad.code).toBe(2);
  expect(bad.stdout).toBe('');
  expect(bad.stderr).toBe('kpis: --param top_customer_share.top_share=150%: top_customer_share: top_share is from 1% to 99%\n');
});

// `npm run kpis -- ... --customers FILE.csv --csv-delimiter ';'` writes the customer list the page's
// explorer shows: customer_facts for the period, net revenue highest first, the list's labels as
// header, names and countries from the customer file, decimal commas under ';', UTF-8 with a BOM.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'clientele-customers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kpis(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/kpis.ts', ...args], { cwd: root }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

test('--customers writes the list with the same module and CSV writer as the page', async () => {
  const out = join(dir, 'customers.csv');
  const { code, stderr } = await kpis('test/fixtures/cli/orders.csv', 'test/fixtures/cli/crm-export.json', '--only', 'net_revenue', '--customers', out, '--csv-delimiter', ';');
  expect(stderr).toContain(`3 customers written to ${out}`);
  expect(code).toBe(0);
  const bytes = readFileSync(out);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  const header = lines[0].split(';');
  expect(header.slice(0, 12)).toEqual(['Customer ID', 'Name', 'E-mail', 'Country', 'City', 'First order', 'Last order', 'Orders', 'Revenue', 'Total sales', 'Refunds', 'Profit']);
  const rows = lines.slice(1, -1).map((l) => l.split(';'));
  // Period 2024-01-05 .. 2024-03-01. c3: 200; c1: 100 + (30 - 30 refunded); c2: 50.50 (decimal comma).
  // No cost column: no profit. RFM: c3 R4 FM3 Potential loyalists, c1 R2 FM3 At risk, c2 R1 FM1 Lost.
  expect(rows.map((r) => r.slice(0, 12))).toEqual([
    ['c3', 'Luc Martin', '', 'FR', 'unknown', '2024-03-01 00:00:00', '2024-03-01 00:00:00', '1', '200', '200', '0', ''],
    ['c1', "Siobhan O'Brien", '', 'IE', 'unknown', '2024-01-05 10:00:00', '2024-02-03 09:15:00', '2', '100', '130', '30', ''],
    ['c2', 'Ana Pop', '', 'RO', 'unknown', '2024-01-20 12:30:00', '2024-01-20 12:30:00', '1', '50,5', '50,5', '0', ''],
  ]);
  expect(rows.map((r) => r[header.indexOf('RFM segment')])).toEqual(['Potential loyalists', 'At risk', 'Lost']);
  expect(lines.at(-1)).toBe('');
}, 60_000);

test('--csv-delimiter takes , or ; only', async () => {
  const { code, stderr } = await kpis('test/fixtures/cli/orders.csv', '--customers', join(dir, 'x.csv'), '--csv-delimiter', '|');
  expect(code).toBe(2);
  expect(stderr).toContain('--csv-delimiter |: give , (decimal dot) or ;');
});

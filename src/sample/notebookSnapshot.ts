/**
 * The sample store's default notebook, computed ahead of time so the page can show it while
 * DuckDB-WASM is still compiling (about 3 s on a two-core machine). The page replaces every
 * value with a live one as soon as the database is up; the cross-engine test proves native
 * DuckDB and DuckDB-WASM give the same rows, and test/unit/sample-snapshot.test.ts that the
 * shipped snapshot is what the current modules compute on the shipped sample.
 */
import { derivedTables, type CanonicalTableName } from '../lib/canonical';
import { availableColumns, emptyColumns } from '../lib/loadedColumns';
import { currencySpreadColumns } from '../lib/currency';
import type { Db, Row, SqlValue } from '../lib/db';
import { defaultPreset, presetRange } from '../lib/datePresets';
import type { QueryModule } from '../lib/queryModule';
import { explorerFamilies, scopeFamilies } from '../lib/moduleCatalog';
import { headlineRow, runModule } from '../lib/runModule';
import { applyScope, baseSchema, previousPeriod, setPeriod } from '../lib/scope';
import { scoreMentions } from '../lib/sentiment/scoreMentions';
import type { TableInfo } from '../lib/api';

export interface SnapshotCell {
  /** The module's result rows with default parameters over the default period. */
  rows: Row[];
  /** The headline over the comparison period, for modules with a headline. */
  previous?: SqlValue;
}

export interface NotebookSnapshot {
  period: { start: string; end: string };
  compare: { start: string; end: string };
  /** First and last order day and the orders' single currency (null: none or several), as the page reads them. */
  facts: { first: string; last: string; currency: string | null };
  tables: TableInfo[];
  /** By module reference (`id@version`): a cell is shown from here only for the same version. */
  cells: Record<string, SnapshotCell>;
}

/**
 * The same facts query the page runs on load, before the notebook: the first and last order
 * day, and the orders' currency when they hold exactly one (src/lib/currency.ts). Whether they
 * hold several is read over every line, never a sample (a second currency after line 20,000 must
 * not be summed unseen): min/max of the column costs ~50 ms more than a mode of the first 20,000
 * lines at 1M lines (DuckDB-WASM in Node, reruns on a busy two-core machine), and only when the two
 * differ does the page count orders per currency (src/lib/currency.ts).
 */
export const dataFactsSql = `select strftime(min(order_date), '%Y-%m-%d') as first, strftime(max(order_date), '%Y-%m-%d') as last,
  ${currencySpreadColumns}
from base.orders`;

/** Computes the snapshot on `db`, whose base schema holds the sample's canonical tables. */
export async function buildSnapshot(db: Db, modules: QueryModule[], loaded: CanonicalTableName[]): Promise<NotebookSnapshot> {
  if (loaded.includes('social_mentions')) await scoreMentions(db);
  const [facts] = await db.rows(dataFactsSql);
  const period = presetRange(defaultPreset as 'last365', String(facts.first), String(facts.last));
  const compare = previousPeriod(period.start, period.end);
  await applyScope(db, period, loaded);
  const tables: TableInfo[] = [];
  for (const table of loaded) tables.push(await describe(db, table));
  const cells: Record<string, SnapshotCell> = {};
  // The loaded tables, and the prepared tables they feed.
  const available = availableColumns(tables.map((t) => ({ table: t.name.slice(`${baseSchema}.`.length), columns: t.columns.map((c) => c.name), empty: t.empty })));
  for (const module of modules) {
    if (module.id === 'clv_summary' || explorerFamilies.includes(module.family) || scopeFamilies.includes(module.family) || module.needs.some((n) => n.table in derivedTables || !available.has(n.table))) continue;
    const rows = await runModule(db, module);
    const cell: SnapshotCell = { rows };
    if (module.headline) {
      await setPeriod(db, compare.start, compare.end);
      cell.previous = headlineRow(module, await runModule(db, module))?.[module.headline.column] ?? null;
      await setPeriod(db, period.start, period.end);
    }
    cells[`${module.id}@${module.version}`] = cell;
  }
  return { period, compare, facts: { first: String(facts.first), last: String(facts.last), currency: facts.currency === null ? null : String(facts.currency) }, tables, cells };
}

async function describe(db: Db, table: string): Promise<TableInfo> {
  const [{ n }] = await db.rows(`select count(*)::double as n from ${baseSchema}."${table}"`);
  const columns = await db.rows(
    'select column_name as name, data_type as type from information_schema.columns where table_schema = ? and table_name = ? order by ordinal_position',
    [baseSchema, table],
  );
  const empty = await emptyColumns(db, table, baseSchema);
  return { name: `${baseSchema}.${table}`, rows: Number(n), columns: columns.map((c) => ({ name: String(c.name), type: String(c.type) })), empty, source: 'sample' };
}

/**
 * `--customers FILE.csv`: the customer list the page's explorer shows, for the period and scope the
 * run applied — the same module (customer_facts), the same order (net revenue, highest first) and
 * the same CSV writer (src/lib/csv.ts) as the page's export, with every column of the list.
 */
import { writeFileSync } from 'node:fs';
import type { CanonicalTableName } from '../lib/canonical';
import { csvBytes, type CsvDelimiter } from '../lib/csv';
import { listSortSql } from '../lib/customerList';
import type { Db } from '../lib/db';
import { t } from '../lib/i18n';
import { Said } from '../lib/said';
import { ensureExplorerTables } from '../lib/explorerTables';
import type { ModuleCatalog } from '../lib/moduleCatalog';
import { prepareModule } from '../lib/runModule';

/** Writes the list to `path` and returns how many customers it holds. The scope must be applied. */
export async function writeCustomerList(db: Db, catalog: ModuleCatalog, loaded: CanonicalTableName[], path: string, delimiter: CsvDelimiter = ','): Promise<number> {
  const facts = catalog.current.find((m) => m.id === 'customer_facts');
  if (!facts) throw new Said(t('runner.customersNoFacts'));
  if (!loaded.includes('orders')) throw new Said(t('runner.customersNoOrders'));
  await ensureExplorerTables(db, loaded);
  await prepareModule(db, facts);
  const rows = await db.rows(`select * from (${facts.sql.replace(/;\s*$/, '')}) order by ${listSortSql(facts, 'revenue', true)}`);
  writeFileSync(path, csvBytes(facts.columns, rows, delimiter));
  return rows.length;
}

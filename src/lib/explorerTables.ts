/**
 * The customer explorer's modules read the customer list and the lifetime-value predictions
 * whether or not they exist yet: without a customer list every name reads NULL and every country
 * comes from the orders; before a fit every P(alive) is NULL. So the worker and the runner make
 * both exist, empty, before the explorer's modules run. An empty `customers` view gives way to the
 * scoped view as soon as a customer list is loaded (the scope layer replaces it); the fit replaces
 * the empty `clv_predictions`.
 */
import { canonicalTables, derivedTables, type CanonicalTableName } from './canonical';
import { quoteIdent, type Db } from './db';

export async function ensureExplorerTables(db: Db, loaded: readonly CanonicalTableName[]): Promise<void> {
  if (!loaded.includes('customers')) {
    const columns = canonicalTables.customers.columns.map((c) => `null::${c.type} as ${quoteIdent(c.name)}`).join(', ');
    await db.exec(`create or replace view customers as select ${columns} where false`);
  }
  const predictions = derivedTables.clv_predictions.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ');
  await db.exec(`create table if not exists clv_predictions (${predictions})`);
}

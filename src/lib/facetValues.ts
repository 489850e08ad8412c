/**
 * Every facet's values weighed for the scope applied (`queries/scope/facet_values.sql`), on a
 * connection of its own: the facets' pairs, the numbered customers, the choice and every
 * customer's orders are laid under the names the module reads as temporary views, which this
 * connection alone sees.
 */
import type { CanonicalTableName } from './canonical';
import { availableFacets, datedPairsSql, ensureFacetPairs, readyFacts, everyoneSchema as E, factsFacet, segmentFacet, type ScopeModules } from './customerScope';
import type { Db } from './db';
import type { FacetInfo } from './explorerApi';
import type { QueryModule } from './queryModule';
import { runModule } from './runModule';

async function exists(db: Db, name: string): Promise<boolean> {
  const rows = await db.rows('select 1 from duckdb_tables() where database_name = current_database() and schema_name = ? and table_name = ?', [E, name]);
  return rows.length > 0;
}

/**
 * The pairs of the facets that read the dates (revenue contribution), for the period set on the
 * connection, kept in `table`: what facet counts read for them. A caller that asks the counts
 * again for the same dates (another facet chosen) keeps it and passes its name.
 */
export async function keepDatedPairs(db: Db, modules: ScopeModules, loaded: readonly string[], table: string): Promise<void> {
  await ensureFacetPairs(db, modules, loaded as CanonicalTableName[]);
  await db.exec(`create or replace table ${table} as ${datedPairsSql(modules, loaded)}`);
}

/** Tables a caller holds for the scope applied, so the counts need not work them out again. */
export interface HeldForValues {
  /** customer_rfm's answer for the customers the other facets keep. */
  rfm?: string;
  /** The dated facets' pairs for the period set (`keepDatedPairs`). */
  dated?: string;
}

/**
 * `loaded`: the canonical tables loaded. The RFM facet's values are the customer facts' of the
 * customers the other facets keep: those the scope layer kept when a facet or segment needed
 * them, else those of the scoped views (which then hold exactly those customers): `held.rfm`, a
 * table the caller holds with customer_rfm's answer for them, or worked out now.
 */
export async function facetValues(db: Db, modules: ScopeModules, valuesModule: QueryModule, loaded: readonly string[], limit = 50, held: HeldForValues = {}): Promise<FacetInfo[]> {
  const facets = availableFacets(modules, loaded);
  await ensureFacetPairs(db, modules, loaded as CanonicalTableName[]);
  let dated = held.dated;
  if (!dated) {
    await db.exec(`create or replace temp table dated_now as ${datedPairsSql(modules, loaded)}`);
    dated = 'temp.dated_now';
  }
  const pairs = [`select facet, customer_id, value, customer_key from ${E}.facet_static`, `select facet, customer_id, value, customer_key from ${dated}`];
  const choice = [`select facet, value from ${E}.facet_choice`];
  // The RFM and segment pairs, with their customers' numbers, are kept for the one query: the module reads its pairs twice.
  const keyed = (facet: string, value: string, from: string) =>
    `select '${facet}' as facet, f.customer_id, ${value} as value, k.customer_key from ${from} f join ${E}.facet_customers k on k.customer_id = f.customer_id`;
  const extra: string[] = [];
  if (modules.facts && facets.some((m) => m.id === factsFacet)) {
    let facts = `${E}.customer_facts`;
    if (!(await exists(db, 'customer_facts')) && held.rfm) facts = held.rfm;
    else if (!(await exists(db, 'customer_facts'))) {
      await readyFacts(db, modules.facts, loaded as CanonicalTableName[]);
      await db.exec(`create or replace temp table facts_now as ${modules.facts.sql.replace(/;\s*$/, '')}`);
      facts = 'temp.facts_now';
    }
    extra.push(`${keyed(factsFacet, 'f.rfm_segment', facts)} where f.rfm_segment is not null`);
  }
  if (await exists(db, 'segment_filter')) {
    extra.push(keyed(segmentFacet, "'in'", `${E}.segment_filter`));
    choice.push(`select '${segmentFacet}', 'in'`);
  }
  if (extra.length) {
    await db.exec(`create or replace temp table extra_pairs as ${extra.join(' union all ')}`);
    pairs.push('select facet, customer_id, value, customer_key from temp.extra_pairs');
  }
  await db.exec(`create or replace temp view facet_pairs as ${pairs.join(' union all ')}`);
  await db.exec(`create or replace temp view facet_choice as ${choice.join(' union all ')}`);
  await db.exec(`create or replace temp view facet_customers as select customer_id, customer_key from ${E}.facet_customers`);
  await db.exec(`create or replace temp view orders as select * from ${E}.orders`);
  let rows;
  try {
    rows = await runModule(db, valuesModule, { max_values: Math.max(1, Math.min(1000, Math.round(limit))) });
  } finally {
    // The temporary `orders` would hide the scoped view from whatever runs next on this connection.
    for (const view of ['facet_pairs', 'facet_choice', 'facet_customers', 'orders']) await db.exec(`drop view if exists temp.${view}`);
    for (const table of ['facts_now', 'extra_pairs', 'dated_now']) await db.exec(`drop table if exists temp.${table}`);
  }
  return facets.map((m) => {
    const mine = rows.filter((r) => r.facet === m.id);
    const values = mine.map((r) => ({ value: String(r.value), customers: Number(r.customers), revenue: Number(r.revenue) }));
    return { id: m.id, title: m.title, values, more: mine.length ? Number(mine[0].listed) - mine.length : 0 };
  });
}

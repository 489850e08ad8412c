/**
 * Every facet's values weighed for the scope applied (`queries/scope/facet_values.sql`), on a
 * connection of its own: the facets' pairs, the choice and every customer's orders are laid
 * under the names the module reads as temporary views, which this connection alone sees.
 */
import type { CanonicalTableName } from './canonical';
import { availableFacets, ensureFacetPairs, readyFacts, everyoneSchema as E, factsFacet, segmentFacet, type ScopeModules } from './customerScope';
import type { Db } from './db';
import type { FacetInfo } from './explorerApi';
import type { QueryModule } from './queryModule';
import { runModule } from './runModule';

async function exists(db: Db, name: string): Promise<boolean> {
  const rows = await db.rows('select 1 from duckdb_tables() where database_name = current_database() and schema_name = ? and table_name = ?', [E, name]);
  return rows.length > 0;
}

/**
 * `loaded`: the canonical tables loaded. The RFM facet's values are the customer facts' of the
 * customers the other facets keep: those the scope layer kept when a facet or segment needed
 * them, else those of the scoped views (which then hold exactly those customers): `rfmTable`, a
 * table the caller holds with customer_rfm's answer for them, or worked out now.
 */
export async function facetValues(db: Db, modules: ScopeModules, valuesModule: QueryModule, loaded: readonly string[], limit = 50, rfmTable?: string): Promise<FacetInfo[]> {
  const facets = availableFacets(modules, loaded);
  await ensureFacetPairs(db, modules, loaded as CanonicalTableName[]);
  const pairs = [`select facet, customer_id, value from ${E}.facet_pairs`];
  const choice = [`select facet, value from ${E}.facet_choice`];
  if (modules.facts && facets.some((m) => m.id === factsFacet)) {
    let facts = `${E}.customer_facts`;
    if (!(await exists(db, 'customer_facts')) && rfmTable) facts = rfmTable;
    else if (!(await exists(db, 'customer_facts'))) {
      await readyFacts(db, modules.facts, loaded as CanonicalTableName[]);
      await db.exec(`create or replace temp table facts_now as ${modules.facts.sql.replace(/;\s*$/, '')}`);
      facts = 'temp.facts_now';
    }
    pairs.push(`select '${factsFacet}', customer_id, rfm_segment from ${facts} where rfm_segment is not null`);
  }
  if (await exists(db, 'segment_filter')) {
    pairs.push(`select '${segmentFacet}', customer_id, 'in' from ${E}.segment_filter`);
    choice.push(`select '${segmentFacet}', 'in'`);
  }
  await db.exec(`create or replace temp view facet_pairs as ${pairs.join(' union all ')}`);
  await db.exec(`create or replace temp view facet_choice as ${choice.join(' union all ')}`);
  await db.exec(`create or replace temp view orders as select * from ${E}.orders`);
  let rows;
  try {
    rows = await runModule(db, valuesModule, { max_values: Math.max(1, Math.min(1000, Math.round(limit))) });
  } finally {
    // The temporary `orders` would hide the scoped view from whatever runs next on this connection.
    for (const view of ['facet_pairs', 'facet_choice', 'orders']) await db.exec(`drop view if exists temp.${view}`);
    await db.exec('drop table if exists temp.facts_now');
  }
  return facets.map((m) => {
    const mine = rows.filter((r) => r.facet === m.id);
    const values = mine.map((r) => ({ value: String(r.value), customers: Number(r.customers), revenue: Number(r.revenue) }));
    return { id: m.id, title: m.title, values, more: mine.length ? Number(mine[0].listed) - mine.length : 0 };
  });
}

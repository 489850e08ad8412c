/**
 * Facets and segments as sets of customers (src/lib/customerSets.ts), for the scope layer
 * (src/lib/scope.ts). Every rule is SQL in a module: each facet module (`queries/facets/<id>.sql`)
 * lists (customer_id, value) over every customer, the customer facts module
 * (`queries/customers/customer_facts.sql`) answers the segments' conditions, and
 * `queries/scope/facet_values.sql` weighs the facets' values. Here they are only put together:
 *
 * 1. once per load (or kept currency), each facet module becomes a view `everyone.facet_<id>`;
 *    when a facet, a segment or the facets' counts first need them, every customer the loaded
 *    tables name gets a number (`everyone.facet_customers`) and the pairs of the facets that do
 *    not read the dates are kept with it in table `everyone.facet_static`; those that do
 *    (revenue contribution) are worked out for the dates when asked (`datedPairsSql`);
 * 2. on every change of scope, the customers with a chosen value of every facet go into
 *    `main.scope_customers` and the `main` views keep their records;
 * 3. the RFM facet and the segments are read from the customer facts of those customers
 *    (`everyone.customer_facts`, "At risk among French customers"), which then narrow
 *    `scope_customers` (a filter) or fill `everyone.compare_segment` (a comparison).
 */
import { canonicalTables, type CanonicalColumn, type CanonicalTableName } from './canonical';
import type { FacetChoices, SegmentDef } from './customerSets';
import { quoteIdent, type Db } from './db';
import { formatList, t } from './i18n';
import { Said } from './said';
import { readsPeriod } from './periodReads';
import { preparedSource, preparedTables } from './prepared';
import type { QueryModule } from './queryModule';
import { ensureExplorerTables } from './explorerTables';
import { prepareModule } from './runModule';
import { compileSegment, segmentFields, type CompiledSegment } from './segmentSql';
import type { Scope } from './scope';

/** Every customer's rows (the kept currency only): prepared tables and facet modules live here. */
export const everyoneSchema = 'everyone';

/** Which half of a compared segment a module answers for. */
export type CompareSide = 'segment' | 'rest';
export const sideSchemas: Record<CompareSide, string> = { segment: 'seg_in', rest: 'seg_rest' };

/** Canonical tables with a customer: a facet or segment keeps their rows of the chosen customers. */
export const customerTables = (Object.keys(canonicalTables) as CanonicalTableName[]).filter((t) => canonicalTables[t].columns.some((c) => c.name === 'customer_id'));

const col = (name: string, type: CanonicalColumn['type']): CanonicalColumn => ({ name, type, required: true });

/** Tables the scope layer writes for its own modules (facets, facet values), as they read them. */
export const scopeTables: Record<string, CanonicalColumn[]> = {
  // customer_key: the customer's number in facet_customers (joins on it are a third of those on the text id).
  facet_pairs: [col('facet', 'VARCHAR'), col('customer_id', 'VARCHAR'), col('value', 'VARCHAR'), col('customer_key', 'INTEGER')],
  facet_customers: [col('customer_id', 'VARCHAR'), col('customer_key', 'INTEGER')],
  facet_choice: [col('facet', 'VARCHAR'), col('value', 'VARCHAR')],
  // The customer facts module's answer (queries/customers/customer_facts.sql), of which the RFM facet reads these.
  customer_facts: [col('customer_id', 'VARCHAR'), col('rfm_segment', 'VARCHAR')],
};

export interface ScopeModules {
  /** The facet modules (family `facets`). */
  facets: QueryModule[];
  /** The customer facts module (`customer_facts`): one row per customer, the segments' fields. */
  facts?: QueryModule;
}

/** The scope layer's modules in a catalog. */
export function scopeModules(current: QueryModule[]): ScopeModules {
  return { facets: current.filter((m) => m.family === 'facets'), facts: current.find((m) => m.id === 'customer_facts') };
}

/** The facet read from the customer facts: it is scored among the customers the other facets keep. */
export const factsFacet = 'rfm_segment';
/** A segment used as a filter, to `facet_values`: a facet always on and never listed. */
export const segmentFacet = '__segment';

const E = everyoneSchema;
const sql = (module: QueryModule) => module.sql.replace(/;\s*$/, '');

/**
 * The facet modules that can run on what is loaded: every table they read is loaded or prepared
 * from what is (`customers` is always there, empty without a customer list; the customer facts
 * when their module is).
 */
export function availableFacets(modules: ScopeModules, loaded: readonly string[]): QueryModule[] {
  const has = (table: string) =>
    loaded.includes(table) || table === 'customers' || (table === 'customer_facts' && Boolean(modules.facts)) || loaded.includes(preparedSource(table)?.table ?? '');
  return modules.facets.filter((m) => m.needs.every((n) => has(n.table)));
}

/** Facets whose values depend on the date range: they read the period, or the customer facts (of the range). */
export function periodFacets(modules: ScopeModules): string[] {
  return modules.facets.filter((m) => readsPeriod(m.sql) || m.needs.some((n) => (n.table as string) === 'customer_facts')).map((m) => m.id);
}

/**
 * Step 1, at a load: the facets' views only. Their pairs are kept when first asked for
 * (`ensureFacetPairs`): a notebook that never uses a facet does not wait for every customer's
 * products, cities and channels after each file.
 */
export async function buildFacetPairs(db: Db, modules: ScopeModules, loaded: CanonicalTableName[]): Promise<void> {
  for (const table of ['facet_static', 'facet_customers']) await db.exec(`drop table if exists ${E}.${table}`);
  for (const m of pairFacets(modules, loaded)) await db.exec(`create or replace view ${E}.${quoteIdent(`facet_${m.id}`)} as ${sql(m)}`);
}

/**
 * Once per load: every customer the loaded tables name, numbered, in `everyone.facet_customers`,
 * and the pairs that do not depend on the dates, each with its customer's number, in
 * `everyone.facet_static`. Nothing is done when they are there. The worker calls it one caller
 * at a time.
 */
export async function ensureFacetPairs(db: Db, modules: ScopeModules, loaded: CanonicalTableName[]): Promise<void> {
  if (await exists(db, E, 'facet_static')) return;
  const named = ['customers', ...loaded.filter((t) => t !== 'customers' && customerTables.includes(t))];
  await db.exec(`
create or replace table ${E}.facet_customers as
select customer_id, (row_number() over ())::integer as customer_key
from (${named.map((t) => `select customer_id from ${E}.${quoteIdent(t)}`).join(' union ')})
where customer_id is not null`);
  // Module ids are [a-z_]: written as literals, so the statement has no parameter and runs where a cancel can stop it.
  const select = (m: QueryModule) => `select '${m.id}'::varchar as facet, customer_id, value from ${E}.${quoteIdent(`facet_${m.id}`)}`;
  const fixed = pairFacets(modules, loaded).filter((m) => !readsPeriod(m.sql));
  const none = 'select null::varchar as facet, null::varchar as customer_id, null::varchar as value where false';
  await db.exec(
    `create or replace table ${E}.facet_static as
select p.facet, p.customer_id, p.value, k.customer_key
from (${fixed.length ? fixed.map(select).join(' union all ') : none}) p
join ${E}.facet_customers k on k.customer_id = p.customer_id`,
  );
}

/**
 * The pairs of the facets that read the dates, for the period set on the connection, with their
 * customers' numbers: `facet_static`'s columns. Needs `ensureFacetPairs`.
 */
export function datedPairsSql(modules: ScopeModules, loaded: readonly string[]): string {
  const dated = pairFacets(modules, loaded).filter((m) => readsPeriod(m.sql));
  // Module ids are [a-z_]: written as literals, as in chosenPairs.
  const pairs = dated.map((m) => `select '${m.id}' as facet, customer_id, value from ${E}.${quoteIdent(`facet_${m.id}`)}`);
  return `select p.facet::varchar as facet, p.customer_id, p.value, k.customer_key
from (${pairs.length ? pairs.join(' union all ') : 'select null::varchar as facet, null::varchar as customer_id, null::varchar as value where false'}) p
join ${E}.facet_customers k on k.customer_id = p.customer_id`;
}

/** The facets listed as (customer, value) pairs: every available one but the RFM facet (read from the customer facts). */
function pairFacets(modules: ScopeModules, loaded: readonly string[]): QueryModule[] {
  return availableFacets(modules, loaded).filter((m) => m.id !== factsFacet);
}

/** The facet ids chosen with at least one value; throws a sentence naming an unknown facet. */
export function chosenFacets(facets: FacetChoices | undefined, available: QueryModule[]): [string, string[]][] {
  const chosen = Object.entries(facets ?? {}).filter(([, values]) => values.length > 0);
  const ids = available.map((m) => m.id);
  const unknown = chosen.find(([id]) => !ids.includes(id));
  if (unknown) throw new Said(t('facet.unknown', { facet: unknown[0], facets: formatList(ids) }));
  return chosen;
}

/**
 * The pairs of the facets `ids` only: a facet that reads the dates
 * (revenue contribution ranks every customer's orders of the range) is worked out only when it
 * is chosen, not whenever another is.
 */
function chosenPairs(ids: string[], modules: ScopeModules): string {
  const dated = new Set(modules.facets.filter((m) => readsPeriod(m.sql)).map((m) => m.id));
  // Module ids are [a-z_]: written as literals.
  return ids
    .map((id) => (dated.has(id) ? `select '${id}' as facet, customer_id, value from ${E}.${quoteIdent(`facet_${id}`)}` : `select facet, customer_id, value from ${E}.facet_static where facet = '${id}'`))
    .join(' union all ');
}

/** Steps 2 and 3: the customers in scope, the `main` views over them, and a compared segment's views. */
export async function chooseCustomers(db: Db, scope: Scope, loaded: CanonicalTableName[], modules: ScopeModules): Promise<void> {
  const chosen = chosenFacets(scope.facets, availableFacets(modules, loaded));
  await db.exec(`create or replace table ${E}.facet_choice (facet varchar, value varchar)`);
  for (const [facet, values] of chosen) for (const value of values) await db.exec(`insert into ${E}.facet_choice values (?, ?)`, [facet, value]);
  const filtered = chosen.length > 0 || Boolean(scope.segment);
  const plain = chosen.filter(([id]) => id !== factsFacet);
  if (plain.length || scope.segment || scope.compareSegment) await ensureFacetPairs(db, modules, loaded);
  if (plain.length) {
    await db.exec(`
create or replace table main.scope_customers as
select p.customer_id
from (${chosenPairs(plain.map(([id]) => id), modules)}) p
join ${E}.facet_choice c on c.facet = p.facet and c.value = p.value
group by p.customer_id
having count(distinct p.facet) = ?`, [plain.length]);
  } else if (filtered) {
    await db.exec(`
create or replace table main.scope_customers as
select customer_id from ${E}.orders where customer_id is not null
union
select customer_id from ${E}.customers where customer_id is not null`);
  } else {
    await db.exec('drop table if exists main.scope_customers');
  }
  const keep = filtered ? ' where customer_id in (select customer_id from main.scope_customers)' : '';
  for (const table of loaded) {
    const where = customerTables.includes(table) ? keep : '';
    await replaceView(db, 'main', table, `select * from ${E}.${quoteIdent(table)}${where}`);
  }
  for (const name of Object.keys(preparedTables)) {
    if (loaded.includes(preparedSource(name)!.table)) await replaceView(db, 'main', name, `select * from ${E}.${quoteIdent(name)}${keep}`);
    else await dropViewOrTable(db, 'main', name);
  }

  const factsNeeded = chosen.some(([id]) => id === factsFacet) || scope.segment || scope.compareSegment;
  for (const kept of ['segment_filter', 'compare_segment', 'customer_facts']) await db.exec(`drop table if exists ${E}.${kept}`);
  if (factsNeeded) await keepFacts(db, modules, loaded);
  if (chosen.some(([id]) => id === factsFacet)) {
    await db.exec(`
delete from main.scope_customers
where customer_id not in (
  select customer_id from ${E}.customer_facts
  where rfm_segment in (select value from ${E}.facet_choice where facet = '${factsFacet}'))`);
  }
  if (scope.segment) {
    const where = segmentWhere(scope.segment, modules);
    await db.exec(`create table ${E}.segment_filter as select customer_id from ${E}.customer_facts where ${where.where}`, where.params);
    await db.exec(`delete from main.scope_customers where customer_id not in (select customer_id from ${E}.segment_filter)`);
  }
  await compareViews(db, scope, loaded, modules, filtered);
}

/**
 * The customer facts over the `main` views as they stand (the facets but the RFM one applied),
 * kept in `everyone.customer_facts`: the RFM facet and the segments read them.
 */
async function keepFacts(db: Db, modules: ScopeModules, loaded: readonly CanonicalTableName[]): Promise<void> {
  if (!modules.facts) throw new Said(t('segment.noFacts'));
  await readyFacts(db, modules.facts, loaded);
  await db.exec(`create or replace table ${E}.customer_facts as ${sql(modules.facts)}`);
}

/** What the customer facts need on a connection before they run: the explorer's tables, their parameters and the modules they use. */
export async function readyFacts(db: Db, facts: QueryModule, loaded: readonly CanonicalTableName[]): Promise<void> {
  await ensureExplorerTables(db, loaded);
  await prepareModule(db, facts);
}

/** The WHERE a segment compiles to over the customer facts; throws its problem. */
export function segmentWhere(segment: SegmentDef, modules: ScopeModules, productBuyers = `(select customer_id, value from ${E}.facet_static where facet = 'product')`): Extract<CompiledSegment, { ok: true }> {
  if (!modules.facts) throw new Said(t('segment.noFacts'));
  const compiled = compileSegment(segment, segmentFields(modules.facts.columns), productBuyers);
  if (!compiled.ok) throw new Said(compiled.problem);
  return compiled;
}

async function compareViews(db: Db, scope: Scope, loaded: CanonicalTableName[], modules: ScopeModules, filtered: boolean): Promise<void> {
  for (const schema of Object.values(sideSchemas)) await db.exec(`drop schema if exists ${schema} cascade`);
  if (!scope.compareSegment) return;
  const where = segmentWhere(scope.compareSegment, modules);
  const inScope = filtered ? ' and customer_id in (select customer_id from main.scope_customers)' : '';
  await db.exec(`create table ${E}.compare_segment as select customer_id from ${E}.customer_facts where (${where.where})${inScope}`, where.params);
  const members = `select customer_id from ${E}.compare_segment`;
  // Everyone else: the rest of the scope, guest orders (no customer) included, so that the
  // segment and the rest add up to the whole for a count or a sum.
  const sides = { [sideSchemas.segment]: `customer_id in (${members})`, [sideSchemas.rest]: `customer_id is null or customer_id not in (${members})` };
  const tables = [...loaded.filter((t) => customerTables.includes(t)), ...Object.keys(preparedTables).filter((p) => loaded.includes(preparedSource(p)!.table))];
  if (await exists(db, 'main', 'clv_predictions')) tables.push('clv_predictions');
  for (const [schema, test] of Object.entries(sides)) {
    await db.exec(`create schema ${schema}`);
    for (const table of tables) await db.exec(`create view ${schema}.${quoteIdent(table)} as select * from main.${quoteIdent(table)} where ${test}`);
  }
}

async function exists(db: Db, schema: string, name: string): Promise<'table' | 'view' | undefined> {
  const [row] = await db.rows(
    `select 'table' as kind from duckdb_tables() where database_name = current_database() and schema_name = ? and table_name = ?
     union all
     select 'view' from duckdb_views() where database_name = current_database() and schema_name = ? and view_name = ?`,
    [schema, name, schema, name],
  );
  return row?.kind as 'table' | 'view' | undefined;
}

async function dropViewOrTable(db: Db, schema: string, name: string) {
  const kind = await exists(db, schema, name);
  if (kind) await db.exec(`drop ${kind} ${schema}.${quoteIdent(name)}`);
}

/** `create or replace view`, also over a table of that name (a prepared table built by an earlier version). */
async function replaceView(db: Db, schema: string, name: string, body: string) {
  if ((await exists(db, schema, name)) === 'table') await db.exec(`drop table ${schema}.${quoteIdent(name)}`);
  await db.exec(`create or replace view ${schema}.${quoteIdent(name)} as ${body}`);
}


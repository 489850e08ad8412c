/**
 * The customer explorer's worker side (src/lib/explorerApi.ts): the RFM map, the facets' counts,
 * the customer list, one customer's report and the list as CSV, all from the modules in
 * queries/customers/ and queries/scope/.
 *
 * What the modules would each work out again from every order line is worked out once and held in
 * tables, each the answer of one module, and the modules that use it read it there (the view of
 * the module's id points at the table on that connection, as `uses:` would make it):
 *
 * - `explorer_rfm`: customer_rfm for the scope (data, facets, segment, dates). The RFM map
 *   (rfm_segments, rfm_grid) and the RFM facet's counts read it; it is all they need, so they
 *   show before the list is ready.
 * - `explorer_places`: customer_places over every customer (`everyone`): the customer list matched
 *   to the orders and each customer's latest billing address over all history. It holds until the
 *   data changes.
 * - `explorer_identity`: customer_identity over every customer, read from `explorer_places`: who a
 *   customer is does not depend on which customers are in scope nor on the range's first day, so it
 *   holds until the range's end or the data changes. A new end reads again only the order lines of
 *   customers whose later orders name a place.
 * - `explorer_customers`: customer_facts for the scope and the last fit (it reads the two above);
 *   the list is paged, searched and sorted from there: at 275,000 customers a page is a sort of
 *   one table, not a pass over every order line.
 * - `explorer_facet_dated`: the pairs of the facets that read the dates (revenue contribution) for
 *   the range: the facets' counts read them, and they hold while only facets or segments change.
 * - `explorer_search`: every customer's search key (id, name, e-mail), from `explorer_places`, kept
 *   from the first search until the data changes: stripping accents was a third of the list's
 *   work at each change of scope, for a search most lists never get.
 *
 * All but the search keys are also built ahead while the page asks nothing (`prepare`), so the
 * view opens on what is already there.
 */
import * as arrow from 'apache-arrow';
import { firstPageRows, type ColumnInfo, type Outcome } from '../lib/api';
import { csvBytes, type CsvColumn } from '../lib/csv';
import { derivedTables } from '../lib/canonical';
import { quoteIdent, type Row } from '../lib/db';
import type { CsvOptions, CustomerListPage, CustomerListQuery, CustomerReport, FacetInfo, RfmMap } from '../lib/explorerApi';
import { availableFacets, everyoneSchema, factsFacet } from '../lib/customerScope';
import { facetValues, keepDatedPairs } from '../lib/facetValues';
import { ensureExplorerTables } from '../lib/explorerTables';
import { formatList, t } from '../lib/i18n';
import { Said } from '../lib/said';
import { listSearchSql, listSortSql, reportParts, searchKeySql } from '../lib/customerList';
import { preparedSource } from '../lib/prepared';
import type { QueryModule } from '../lib/queryModule';
import { moduleCatalog } from '../lib/queryModules';
import { prepareModule } from '../lib/runModule';
import type { Scope } from '../lib/scope';
import { ConnectionDb } from './browserDb';
import { fail, ok, sqlError } from './outcomes';
import { connect } from './startDuckDB';
import { Priority } from './turns';
import type { Store } from './store';

const heldTable = 'explorer_customers';
const heldIdentity = 'explorer_identity';
const heldPlaces = 'explorer_places';
const heldSearch = 'explorer_search';
const heldRfm = 'explorer_rfm';
const heldDated = 'explorer_facet_dated';
/**
 * Order lines above which nothing is built ahead: the tables hold memory the notebook may need.
 * The bench's 1M-order store has 1.6M lines; what is built ahead for it holds about 290 MB of
 * DuckDB's memory (test/bench/explorerBench.ts), as the view itself does once opened.
 */
export const preparedLines = 2_000_000;

/** A table built for a key, and its build under way or done. */
interface Held {
  key: string;
  built: Promise<void>;
}

export class Explorer {
  /** What `explorer_customers` was built for (the scope and the fit). */
  private held?: Held;
  /** What `explorer_rfm` was built for (the scope). */
  private rfm?: Held;
  /** What `explorer_identity` was built for (the range's end and the build of `everyone`). */
  private identity?: Held;
  /** What `explorer_places` was built for (the build of `everyone`). */
  private places?: Held;
  /** What `explorer_search` was built for (the build of `everyone`). */
  private search?: Held;
  /** What `explorer_facet_dated` was built for (the range and the build of `everyone`). */
  private dated?: Held;
  /** Bumped by each lifetime-value fit: the list's P(alive) and predicted value change with it. */
  private fits = 0;
  /**
   * The scope each connection's period was set from. What is held is keyed by it, not by the
   * scope applied now: a change of dates alone moves that without stopping a request under way,
   * which would otherwise keep the old range's answer under the new range's key.
   */
  private scopes = new WeakMap<ConnectionDb, Scope | undefined>();
  /** What `prepare` last built ahead for (the data, the scope, the fit), and whether it is under way. */
  private preparedFor?: string;
  private preparing = false;
  /** How many order lines a build of `everyone` holds. */
  private linesFor?: { builds: number; lines: number };

  constructor(private store: Store) {
    // A change of data or of the customers in scope: the scope's tables are built again. Who each
    // customer is follows the `everyone` schema, whose builds Scoping counts.
    store.gate.onChange(async () => {
      this.held = undefined;
      this.rfm = undefined;
    });
  }

  /** The fit wrote new predictions: the next list reads them. */
  fitted() {
    this.fits++;
  }

  customerPage(query: CustomerListQuery): Promise<Outcome<CustomerListPage>> {
    return this.run(async (c) => {
      const facts = this.module('customer_facts');
      const sort = listSortSql(facts, query.sort, query.descending);
      if (!sort) return fail('bad-sort', t('worker.badSort', { column: String(query.sort) }));
      await this.ensureHeld(c);
      const search = await this.searchSql(c, query.search);
      const limit = Math.max(0, Math.min(Math.floor(query.limit) || 0, firstPageRows));
      const offset = Math.max(0, Math.floor(query.offset) || 0);
      const page = await c.table(
        `select * from ${heldTable}${search.where} order by ${sort} limit ${limit} offset ${offset}`,
        search.params,
      );
      const [{ n }] = await c.rows(`select count(*)::double as n from ${heldTable}${search.where}`, search.params);
      return ok({ ipc: arrow.tableToIPC(page, 'stream'), rows: page.numRows, total: Number(n), columns: columnsOf(page) });
    });
  }

  customerCsv(options: CsvOptions): Promise<Outcome<Uint8Array>> {
    return this.run(async (c) => {
      const facts = this.module('customer_facts');
      const sort = listSortSql(facts, options.sort, options.descending);
      if (!sort) return fail('bad-sort', t('worker.badSort', { column: String(options.sort) }));
      const unknown = options.columns.filter((name) => !facts.columns.some((col) => col.name === name));
      if (unknown.length) return fail('bad-columns', t('worker.badColumns', { columns: formatList(unknown.map((u) => `"${u}"`)) }));
      const columns: CsvColumn[] = options.columns.map((name) => facts.columns.find((col) => col.name === name)!);
      await this.ensureHeld(c);
      const search = await this.searchSql(c, options.search);
      const list = columns.map((col) => `"${col.name}"`).join(', ');
      const rows = await c.rows(`select ${list} from ${heldTable}${search.where} order by ${sort}`, search.params);
      return ok(csvBytes(columns, rows, options.delimiter));
    });
  }

  customerReport(customerId: string): Promise<Outcome<CustomerReport>> {
    return this.run(async (c) => {
      await ensureExplorerTables(c, this.store.canonical);
      await this.ensureIdentity(c);
      const hidden = await this.hideStalePredictions(c);
      const modules = reportParts.map(([part, id]) => [part, this.module(id)] as const).filter(([, m]) => this.readable(m));
      // Every part reads only this customer's rows (customer_id = the parameter): each large
      // table is read once, into a temporary table of their rows that the modules read under its
      // name, not once a part (at 1M orders, seven scans of 1.6M lines).
      const own = new Set(modules.flatMap(([, m]) => m.needs.map((n) => n.table)).filter((table) => !notNarrowed.includes(table) && !(hidden && (table as string) === 'clv_predictions')));
      for (const table of own) await c.exec(`create temp table ${quoteIdent(table)} as select * from ${quoteIdent(table)} where customer_id = ?`, [customerId]);
      const parts = new Map<string, Row[]>();
      for (const [part, module] of modules) {
        await prepareModule(c, module, { customer_id: customerId });
        await readHeld(c, module, 'customer_identity', heldIdentity);
        parts.set(part, await c.rows(module.sql));
      }
      const [identity] = parts.get('identity') ?? [];
      if (!identity) return fail('no-customer', t('worker.noCustomer', { id: customerId }));
      const activity = [...(parts.get('tickets') ?? []), ...(parts.get('surveys') ?? [])].sort((a, b) => String(b.happened_at).localeCompare(String(a.happened_at)));
      const [prediction] = parts.get('prediction') ?? [];
      return ok({
        identity,
        summary: parts.get('summary')![0],
        monthly: parts.get('monthly') ?? [],
        products: parts.get('products') ?? [],
        activity,
        ...(prediction ? { prediction } : {}),
      });
    });
  }

  /**
   * Builds ahead what opening the Customers view needs, while the page asks nothing (the engine
   * calls it then, src/worker/activity.ts): the facets' fixed pairs, every customer's places and
   * who they are, the scope's RFM, the range's dated pairs and the list. Each is held under the
   * key its request would use, so the view finds it built. It runs as a background reader: the
   * page's next request stops it, what it finished is kept, and it goes on at the next idle time.
   * Nothing is built ahead above `limit` order lines: there the view builds what it needs when
   * it opens.
   */
  async prepare(limit = preparedLines): Promise<void> {
    const { scoping } = this.store;
    if (!scoping.scope || this.preparing || !this.readable(this.module('customer_facts'))) return;
    const key = JSON.stringify([scoping.everyoneBuilds, scoping.scope, this.fits, scoping.predictionsCurrent]);
    if (key === this.preparedFor) return;
    this.preparing = true;
    try {
      const outcome = await this.run(async (c) => {
        if ((await this.orderLines(c)) > limit) return ok(null);
        await scoping.ensureFacetPairs(c);
        await this.ensureDated(c);
        await this.ensureHeld(c);
        return ok(null);
      }, true);
      // Stopped: the rest is built at the next idle time. Failed: the view says why when it opens.
      if (outcome.ok || outcome.error.code !== 'data-changed') this.preparedFor = key;
    } finally {
      this.preparing = false;
    }
  }

  /** Every customer's order lines, counted once per load. */
  private async orderLines(c: ConnectionDb): Promise<number> {
    const builds = this.store.scoping.everyoneBuilds;
    if (this.linesFor?.builds !== builds) {
      const [{ n }] = await c.rows(`select count(*)::double as n from ${everyoneSchema}.orders`);
      this.linesFor = { builds, lines: Number(n) };
    }
    return this.linesFor.lines;
  }

  private scopeOf(c: ConnectionDb): Scope | undefined {
    return this.scopes.get(c);
  }

  private module(id: string): QueryModule {
    const module = moduleCatalog().current.find((m) => m.id === id);
    if (!module) throw new Said(t('worker.noModuleId', { id }));
    return module;
  }

  /** Whether every table the module reads is there: loaded, prepared from what is, or made empty for the explorer. */
  private readable(module: QueryModule): boolean {
    const loaded = this.store.canonical as string[];
    return module.needs.every(({ table }) => loaded.includes(table) || table === 'customers' || table in derivedTables || loaded.includes(preparedSource(table)?.table ?? ''));
  }

  /** The RFM map: one row per segment (rfm_segments) and the 25 cells (rfm_grid), from the scope's held RFM. */
  rfmMap(): Promise<Outcome<RfmMap>> {
    return this.run(async (c) => {
      await this.ensureRfm(c);
      const answer = async (id: string) => {
        const module = this.module(id);
        await prepareModule(c, module);
        await readHeld(c, module, 'customer_rfm', heldRfm);
        return c.rows(module.sql);
      };
      return ok({ segments: await answer('rfm_segments'), grid: await answer('rfm_grid') });
    });
  }

  /** Every facet's values for the scope applied (src/lib/facetValues.ts); the RFM facet reads the scope's held RFM. */
  facetValues(limit = 50): Promise<Outcome<FacetInfo[]>> {
    return this.run(async (c) => {
      const { modules } = this.store.scoping;
      const loaded = this.store.canonical;
      const rfmListed = availableFacets(modules, loaded).some((m) => m.id === factsFacet);
      if (rfmListed) await this.ensureRfm(c);
      await this.store.scoping.ensureFacetPairs(c);
      await this.ensureDated(c);
      return ok(await facetValues(c, modules, this.module('facet_values'), loaded, limit, { rfm: heldRfm, dated: heldDated }));
    });
  }

  private ensureDated(c: ConnectionDb): Promise<void> {
    const { everyoneBuilds, modules } = this.store.scoping;
    const scope = this.scopeOf(c);
    return this.ensure('dated', JSON.stringify([everyoneBuilds, scope?.start ?? null, scope?.end ?? null]), () =>
      keepDatedPairs(c, modules, this.store.canonical, heldDated),
    );
  }

  private ensureRfm(c: ConnectionDb): Promise<void> {
    return this.ensure('rfm', JSON.stringify(this.scopeOf(c) ?? null), async () => {
      const rfm = this.module('customer_rfm');
      await prepareModule(c, rfm);
      await c.exec(`create or replace table ${heldRfm} as\n${rfm.sql}`);
    });
  }

  private ensureHeld(c: ConnectionDb): Promise<void> {
    const scope = this.scopeOf(c);
    const current = this.store.scoping.predictionsCurrentFor(scope);
    return this.ensure('held', JSON.stringify([scope ?? null, this.fits, current]), () => this.build(c, current));
  }

  /**
   * Predictions fitted for another scope (other dates, other customers, other data) are no one's
   * as of this range's end: until the fit for this scope writes its own, the modules read none
   * (P(alive) and predicted value empty, the report without its prediction).
   */
  private async hideStalePredictions(c: ConnectionDb, current = this.store.scoping.predictionsCurrentFor(this.scopeOf(c))): Promise<boolean> {
    if (current) return false;
    const columns = derivedTables.clv_predictions.map((col) => `null::${col.type} as ${quoteIdent(col.name)}`).join(', ');
    await c.exec(`create or replace temp view clv_predictions as select ${columns} where false`);
    return true;
  }

  private ensureIdentity(c: ConnectionDb): Promise<void> {
    const { everyoneBuilds } = this.store.scoping;
    const scope = this.scopeOf(c);
    return this.ensure('identity', JSON.stringify([everyoneBuilds, scope?.end ?? null]), async () => {
      await this.ensurePlaces(c);
      const identity = this.module('customer_identity');
      await prepareModule(c, identity);
      await readHeld(c, identity, 'customer_places', heldPlaces);
      await this.overEveryone(c, `create or replace table ${heldIdentity} as\n${identity.sql}`);
    });
  }

  private ensurePlaces(c: ConnectionDb): Promise<void> {
    return this.ensure('places', JSON.stringify(this.store.scoping.everyoneBuilds), () =>
      this.overEveryone(c, `create or replace table ${heldPlaces} as\n${this.module('customer_places').sql}`),
    );
  }

  /** Runs `sql` over every customer: the connection's own views of the two tables it reads hide the scoped ones while it runs. */
  private async overEveryone(c: ConnectionDb, sql: string): Promise<void> {
    await ensureExplorerTables(c, this.store.canonical);
    for (const table of ['orders', 'customers']) await c.exec(`create or replace temp view ${table} as select * from ${everyoneSchema}.${table}`);
    try {
      await c.exec(sql);
    } finally {
      for (const table of ['orders', 'customers']) await c.exec(`drop view if exists temp.${table}`);
    }
  }

  /**
   * Waits for the table of `slot` built for `key`, starting its build (on this caller's
   * connection) unless it is done or under way. A failed build is forgotten: the next call tries again.
   */
  private async ensure(slot: 'held' | 'rfm' | 'identity' | 'places' | 'search' | 'dated', key: string, build: () => Promise<void>): Promise<void> {
    let held = this[slot];
    if (held?.key !== key) {
      const mine: Held = { key, built: build() };
      this[slot] = held = mine;
      mine.built.catch(() => {
        if (this[slot] === mine) this[slot] = undefined;
      });
    }
    await held.built;
  }

  /** `current`: whether the predictions are the scope's, as the held list's key says (a fit may end while it builds). */
  private async build(c: ConnectionDb, current: boolean) {
    const facts = this.module('customer_facts');
    await ensureExplorerTables(c, this.store.canonical);
    await this.ensureRfm(c);
    await this.ensureIdentity(c);
    await this.hideStalePredictions(c, current);
    await prepareModule(c, facts);
    await readHeld(c, facts, 'customer_rfm', heldRfm);
    await readHeld(c, facts, 'customer_identity', heldIdentity);
    await c.exec(`create or replace table ${heldTable} as\n${facts.sql}`);
  }

  /** The list's search as a condition; the customers' search keys are kept once a search first asks for them. */
  private async searchSql(c: ConnectionDb, text: string | undefined) {
    const search = listSearchSql(text, heldSearch);
    if (search.where) await this.ensureSearch(c);
    return search;
  }

  private ensureSearch(c: ConnectionDb): Promise<void> {
    return this.ensure('search', JSON.stringify(this.store.scoping.everyoneBuilds), async () => {
      await this.ensurePlaces(c);
      await c.exec(`create or replace table ${heldSearch} as ${searchKeySql(heldPlaces)}`);
    });
  }

  /**
   * Runs `body` on a connection of its own with the scope's period set, as a reader of the data
   * gate; `background`: work done ahead, which the page's requests stop, and whose statements come
   * last on DuckDB's thread.
   */
  private run<T>(body: (c: ConnectionDb) => Promise<Outcome<T>>, background = false): Promise<Outcome<T>> {
    let c: ConnectionDb | undefined;
    return this.store.gate.read(
      async (interrupted) => {
        if (interrupted()) return fail('data-changed', t('worker.dataChanged'));
        const conn = await connect(this.store.requireDb(), this.store.storeDatabase);
        c = new ConnectionDb(conn, this.store.turns, background ? Priority.ahead : Priority.page);
        // A stop that came while the connection opened had nothing to cancel yet.
        if (interrupted()) void c.cancel();
        const { scope } = this.store.scoping;
        this.scopes.set(c, scope);
        try {
          await this.store.scoping.prepareConnection(c, undefined, scope);
          return await body(c);
        } catch (e) {
          if (interrupted()) return fail('data-changed', t('worker.dataChanged'));
          return { ok: false, error: sqlError(e) };
        } finally {
          await conn.close();
        }
      },
      () => void c?.cancel(),
      background ? 'background' : 'request',
    );
  }
}

/** Tables the report reads whole: the customer list matches ids loosely (customer_identity). */
const notNarrowed = ['customers'];

/** Points the module's view of `id` (when it uses that module) at the table held for it. */
async function readHeld(c: ConnectionDb, module: QueryModule, id: string, table: string) {
  if (module.views?.some((v) => v.id === id)) await c.exec(`create or replace temp view ${id} as select * from ${table}`);
}

function columnsOf(table: arrow.Table): ColumnInfo[] {
  return table.schema.fields.map((f) => ({ name: f.name, type: String(f.type) }));
}

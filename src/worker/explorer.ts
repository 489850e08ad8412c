/**
 * The customer explorer's worker side (src/lib/explorerApi.ts): the customer list, one customer's
 * report and the list as CSV, all from the modules in queries/customers/.
 *
 * The list is customer_facts computed once for the scope (data, facets, segment, dates) and the
 * fit it reads, into table `explorer_customers`, then paged, searched and sorted from there: at
 * 275,000 customers a page is a sort of one table, not a pass over every order line. A change of
 * data, a new scope or a new fit builds it again on the next call.
 *
 * Who each customer is (customer_identity: the customer list matched to the orders, the latest
 * billing address) is most of that work at 1M orders and depends on the range's end only, not its
 * start: it is held apart in `explorer_identity`, and the list and the report read it there (the
 * module's own SQL, materialised; the view `customer_identity` points at it).
 */
import * as arrow from 'apache-arrow';
import { firstPageRows, type ColumnInfo, type Outcome } from '../lib/api';
import { csvBytes, type CsvColumn } from '../lib/csv';
import { derivedTables } from '../lib/canonical';
import type { Row } from '../lib/db';
import type { CsvOptions, CustomerListPage, CustomerListQuery, CustomerReport } from '../lib/explorerApi';
import { ensureExplorerTables } from '../lib/explorerTables';
import { formatList, t } from '../lib/i18n';
import { Said } from '../lib/said';
import { listSearchSql, listSortSql, reportParts } from '../lib/customerList';
import { preparedSource } from '../lib/prepared';
import type { QueryModule } from '../lib/queryModule';
import { moduleCatalog } from '../lib/queryModules';
import { prepareModule } from '../lib/runModule';
import { ConnectionDb } from './browserDb';
import { fail, ok, sqlError } from './outcomes';
import { connect } from './startDuckDB';
import type { Store } from './store';

const heldTable = 'explorer_customers';
const heldIdentity = 'explorer_identity';

export class Explorer {
  /** What `explorer_customers` was built for, and the build under way or done. */
  private held?: { key: string; built: Promise<void> };
  /** What `explorer_identity` was built for (the scope but its first day), and its build. */
  private identity?: { key: string; built: Promise<void> };
  /** Bumped by each lifetime-value fit: the list's P(alive) and predicted value change with it. */
  private fits = 0;

  constructor(private store: Store) {
    store.gate.onChange(async () => {
      this.held = undefined;
      this.identity = undefined;
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
      const search = listSearchSql(query.search);
      const limit = Math.max(0, Math.min(Math.floor(query.limit) || 0, firstPageRows));
      const offset = Math.max(0, Math.floor(query.offset) || 0);
      const page = await c.table(
        `select * exclude (search_key) from ${heldTable}${search.where} order by ${sort} limit ${limit} offset ${offset}`,
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
      const search = listSearchSql(options.search);
      const list = columns.map((col) => `"${col.name}"`).join(', ');
      const rows = await c.rows(`select ${list} from ${heldTable}${search.where} order by ${sort}`, search.params);
      return ok(csvBytes(columns, rows, options.delimiter));
    });
  }

  customerReport(customerId: string): Promise<Outcome<CustomerReport>> {
    return this.run(async (c) => {
      await ensureExplorerTables(c, this.store.canonical);
      await this.ensureIdentity(c);
      const parts = new Map<string, Row[]>();
      for (const [part, id] of reportParts) {
        const module = this.module(id);
        if (!this.readable(module)) continue;
        await prepareModule(c, module, { customer_id: customerId });
        await readHeldIdentity(c, module);
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

  private async ensureHeld(c: ConnectionDb) {
    const key = JSON.stringify([this.store.scoping.scope ?? null, this.fits]);
    if (this.held?.key !== key) {
      const built = this.build(c);
      this.held = { key, built };
      built.catch(() => {
        if (this.held?.built === built) this.held = undefined;
      });
    }
    await this.held.built;
  }

  private async ensureIdentity(c: ConnectionDb) {
    const key = JSON.stringify({ ...(this.store.scoping.scope ?? {}), start: null });
    if (this.identity?.key !== key) {
      const built = (async () => {
        await ensureExplorerTables(c, this.store.canonical);
        await c.exec(`create or replace table ${heldIdentity} as\n${this.module('customer_identity').sql}`);
      })();
      this.identity = { key, built };
      built.catch(() => {
        if (this.identity?.built === built) this.identity = undefined;
      });
    }
    await this.identity.built;
  }

  private async build(c: ConnectionDb) {
    const facts = this.module('customer_facts');
    await ensureExplorerTables(c, this.store.canonical);
    await this.ensureIdentity(c);
    await prepareModule(c, facts);
    await readHeldIdentity(c, facts);
    await c.exec(`create or replace table ${heldTable} as
select *, strip_accents(lower(concat_ws(' ', customer_id, name, email))) as search_key
from (${facts.sql})`);
  }

  /** Runs `body` on a connection of its own with the scope's period set, as a reader of the data gate. */
  private run<T>(body: (c: ConnectionDb) => Promise<Outcome<T>>): Promise<Outcome<T>> {
    let c: ConnectionDb | undefined;
    return this.store.gate.read(
      async (interrupted) => {
        if (interrupted()) return fail('data-changed', t('worker.dataChanged'));
        const conn = await connect(this.store.requireDb(), this.store.storeDatabase);
        c = new ConnectionDb(conn);
        try {
          await this.store.scoping.prepareConnection(c);
          return await body(c);
        } catch (e) {
          if (interrupted()) return fail('data-changed', t('worker.dataChanged'));
          return { ok: false, error: sqlError(e) };
        } finally {
          await conn.close();
        }
      },
      () => void c?.cancel(),
    );
  }
}

/** Points the module's view of customer_identity (when it uses it) at the identity held for the scope. */
async function readHeldIdentity(c: ConnectionDb, module: QueryModule) {
  if (module.views?.some((v) => v.id === 'customer_identity')) await c.exec(`create or replace temp view customer_identity as select * from ${heldIdentity}`);
}

function columnsOf(table: arrow.Table): ColumnInfo[] {
  return table.schema.fields.map((f) => ({ name: f.name, type: String(f.type) }));
}

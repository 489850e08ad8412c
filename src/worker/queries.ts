/**
 * Cell SQL, query modules and the lifetime-value fit. Each run gets its own connection, so
 * runs interleave, can be cancelled one by one, and a failing cell does not disturb others.
 * Runs are the data gate's readers: a change of data stops them and they answer 'data-changed'.
 * A cell's result larger than its first page stays here, on its connection, for `queryPage`
 * (src/worker/cellResults.ts); a change of data lets go of every one.
 */
import * as arrow from 'apache-arrow';
import * as Comlink from 'comlink';
import { firstPageRows, type ColumnInfo, type ModuleResult, type Outcome, type QueryPage, type QueryResult } from '../lib/api';
import { fitClv, type ClvFit, type ClvOptions } from '../lib/clv/fitClv';
import { t } from '../lib/i18n';
import { ensureExplorerTables } from '../lib/explorerTables';
import { explorerFamilies } from '../lib/moduleCatalog';
import { moduleCatalog } from '../lib/queryModules';
import { bindParams, prepareModule, type ParamValues } from '../lib/runModule';
import { readyFacts, segmentWhere } from '../lib/customerScope';
import type { SegmentDef } from '../lib/customerSets';
import { setPeriod, unfilteredTables, useSide, type CompareSide } from '../lib/scope';
import { ConnectionDb } from './browserDb';
import { holdResult } from './cellResults';
import { clvMathThread } from './clvMathThread';
import { HeldResults } from './heldResults';
import { fail, ok, sqlError } from './outcomes';
import { connect } from './startDuckDB';
import { Priority } from './turns';
import type { Store } from './store';

export class Queries {
  private running = new Map<string, ConnectionDb>();
  private cancelled = new Set<string>();
  private held = new HeldResults();
  private reads = 0;

  constructor(private store: Store) {
    store.gate.onChange(() => this.held.releaseAll());
  }

  async query(sql: string, ticket: string, params?: ParamValues): Promise<Outcome<QueryResult>> {
    const t0 = performance.now();
    return this.run(ticket, async (c, keep) => {
      await this.store.scoping.prepareConnection(c, params);
      const result = await holdResult(c, sql);
      const first = await result.page(0, firstPageRows);
      if (result.total > first.numRows) {
        keep();
        await this.held.add(ticket, result, () => c.conn.close());
      }
      const ipc = arrow.tableToIPC(first, 'stream');
      return { ipc, rows: first.numRows, total: result.total, columns: columnsOf(first), elapsedMs: performance.now() - t0 };
    }).then(transferIpc);
  }

  /** Rows of a result `query` held; 'expired' once it was let go, 'data-changed' if the data changed since. */
  async queryPage(ticket: string, offset: number, limit: number): Promise<Outcome<QueryPage>> {
    const outcome = await this.store.gate.read(async (interrupted): Promise<Outcome<QueryPage>> => {
      if (interrupted()) return dataChanged();
      const result = this.held.get(ticket);
      if (!result) return expired();
      try {
        const page = await result.page(offset, Math.min(limit, firstPageRows));
        return ok({ ipc: arrow.tableToIPC(page, 'stream'), rows: page.numRows });
      } catch (e) {
        // Let go of while it was read (its cell ran again).
        return this.held.has(ticket) ? { ok: false, error: sqlError(e) } : expired();
      }
    });
    return transferIpc(outcome);
  }

  releaseResult(ticket: string): Promise<boolean> {
    return this.held.release(ticket);
  }

  async runModule(ref: string, ticket: string, params?: ParamValues, sql?: string, period?: { start: string; end: string }, side?: CompareSide): Promise<Outcome<ModuleResult>> {
    const module = moduleCatalog().byRef.get(ref);
    if (!module) return fail('no-module', t('worker.noModule', { ref }));
    const scope = this.store.scoping.scope;
    if (side && !scope?.compareSegment) return fail('no-segment', t('worker.noSegment'));
    return this.run(ticket, async (c) => {
      // Its own time: from its connection, not from the wait for a change of data to finish.
      const t0 = performance.now();
      await this.store.scoping.prepareConnection(c);
      if (period) await setPeriod(c, period.start, period.end);
      if (side) await useSide(c, side);
      if (explorerFamilies.includes(module.family)) await ensureExplorerTables(c, this.store.canonical);
      await prepareModule(c, module, params);
      const rows = await c.rows(sql ?? module.sql);
      const unfiltered = scope ? unfilteredTables(sql ?? module.needs.map((n) => n.table), scope) : [];
      return { rows, elapsedMs: performance.now() - t0, ...(unfiltered.length ? { unfiltered } : {}) };
    });
  }

  /** The customers and net revenue a segment would hold under the scope applied. */
  async segmentSize(segment: SegmentDef): Promise<Outcome<{ customers: number; revenue: number }>> {
    const { modules } = this.store.scoping;
    let where: ReturnType<typeof segmentWhere>;
    try {
      where = segmentWhere(segment, modules);
    } catch (e) {
      return fail('segment', (e as Error).message);
    }
    const facts = modules.facts!;
    const revenue = facts.columns.some((col) => col.name === 'revenue') ? 'sum(revenue)' : '0';
    return this.run(`segment-size:${++this.reads}`, async (c) => {
      await this.store.scoping.prepareConnection(c);
      await this.store.scoping.ensureFacetPairs(c);
      await readyFacts(c, facts, this.store.canonical);
      const [row] = await c.rows(
        `select count(*)::double as customers, coalesce(${revenue}, 0)::double as revenue from (${facts.sql.replace(/;\s*$/, '')}) where ${where.where}`,
        where.params,
      );
      return { customers: Number(row.customers), revenue: Number(row.revenue) };
    });
  }

  /**
   * The fit's statements yield to the page's (src/worker/turns.ts): its cells come after the
   * notebook's anyway, and off screen the Customers view's answers are what the user waits for. It
   * is not a request the page waits on either (a `yielding` reader, src/worker/dataGate.ts): the work built
   * ahead for the Customers view may run meanwhile, when the fit's math leaves DuckDB idle.
   */
  async fitClv(options: ClvOptions, ticket = 'clv-fit'): Promise<Outcome<ClvFit>> {
    const summary = moduleCatalog().current.find((m) => m.id === 'clv_summary');
    if (!summary) return fail('no-module', t('worker.noModuleId', { id: 'clv_summary' }));
    const outcome = await this.run(ticket, async (c) => {
      // What it is fitted for is read with the period the connection gets (new dates may come meanwhile).
      const fitting = this.store.scoping.fitKey;
      await this.store.scoping.prepareConnection(c);
      const fit = await fitClv(c, summary, options, clvMathThread());
      this.store.scoping.predictionsFor = fitting;
      return fit;
    }, Priority.fit);
    if (!outcome.ok && outcome.error.code === 'sql') outcome.error.code = 'clv';
    return outcome;
  }

  async cancel(ticket: string): Promise<boolean> {
    const c = this.running.get(ticket);
    if (!c) return false;
    this.cancelled.add(ticket);
    return c.cancel();
  }

  /**
   * Runs `body` on a connection of its own, closed after unless `body` calls `keep` (its result is
   * held); `priority`: of its statements on DuckDB's thread.
   */
  private run<T>(ticket: string, body: (c: ConnectionDb, keep: () => void) => Promise<T>, priority: Priority = Priority.page): Promise<Outcome<T>> {
    let c: ConnectionDb | undefined;
    let kept = false;
    return this.store.gate.read(
      async (interrupted) => {
        if (interrupted()) return dataChanged();
        const conn = await connect(this.store.requireDb(), this.store.storeDatabase);
        c = new ConnectionDb(conn, this.store.turns, priority);
        this.running.set(ticket, c);
        // A change that came while the connection opened had nothing to cancel yet.
        if (interrupted()) void c.cancel();
        try {
          return ok(await body(c, () => (kept = true)));
        } catch (e) {
          if (interrupted()) return dataChanged();
          if (this.cancelled.has(ticket)) return fail('cancelled', t('worker.cancelled'));
          return { ok: false, error: sqlError(e) };
        } finally {
          if (this.running.get(ticket) === c) this.running.delete(ticket);
          this.cancelled.delete(ticket);
          if (!kept) await conn.close();
        }
      },
      () => void c?.cancel(),
      priority === Priority.page ? 'request' : 'yielding',
    );
  }
}

const expired = () => fail('expired', t('worker.expired'));

export const transferIpc = <T extends { ipc: Uint8Array }>(outcome: Outcome<T>): Outcome<T> =>
  outcome.ok ? Comlink.transfer(outcome, [outcome.value.ipc.buffer]) : outcome;

const dataChanged = () => fail('data-changed', t('worker.dataChanged'));

function columnsOf(table: arrow.Table): ColumnInfo[] {
  return table.schema.fields.map((f) => ({ name: f.name, type: String(f.type) }));
}

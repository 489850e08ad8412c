/**
 * Cell SQL, query modules and the lifetime-value fit. Each run gets its own connection, so
 * runs interleave, can be cancelled one by one, and a failing cell does not disturb others.
 * Runs are the data gate's readers: a change of data stops them and they answer 'data-changed'.
 */
import * as arrow from 'apache-arrow';
import * as Comlink from 'comlink';
import type { ColumnInfo, ModuleResult, Outcome, QueryResult } from '../lib/api';
import { fitClv, type ClvFit, type ClvOptions } from '../lib/clv/fitClv';
import { moduleCatalog } from '../lib/queryModules';
import { bindParams, type ParamValues } from '../lib/runModule';
import { setPeriod } from '../lib/scope';
import { ConnectionDb } from './browserDb';
import { fail, ok, sqlError } from './outcomes';
import { connect } from './startDuckDB';
import type { Store } from './store';

export class Queries {
  private running = new Map<string, ConnectionDb>();
  private cancelled = new Set<string>();

  constructor(private store: Store) {}

  async query(sql: string, ticket: string, params?: ParamValues): Promise<Outcome<QueryResult>> {
    const t0 = performance.now();
    return this.run(ticket, async (c) => {
      await this.store.scoping.prepareConnection(c, params);
      const table = await c.table(sql);
      const ipc = arrow.tableToIPC(table, 'stream');
      return { ipc, rows: table.numRows, columns: columnsOf(table), elapsedMs: performance.now() - t0 };
    }).then((outcome) => (outcome.ok ? Comlink.transfer(outcome, [outcome.value.ipc.buffer]) : outcome));
  }

  async runModule(ref: string, ticket: string, params?: ParamValues, sql?: string, period?: { start: string; end: string }): Promise<Outcome<ModuleResult>> {
    const module = moduleCatalog().byRef.get(ref);
    if (!module) return fail('no-module', `There is no query module "${ref}" in this version of Clientele.`);
    const t0 = performance.now();
    return this.run(ticket, async (c) => {
      await this.store.scoping.prepareConnection(c);
      if (period) await setPeriod(c, period.start, period.end);
      await bindParams(c, module, params);
      const rows = await c.rows(sql ?? module.sql);
      return { rows, elapsedMs: performance.now() - t0 };
    });
  }

  async fitClv(options: ClvOptions): Promise<Outcome<ClvFit>> {
    const summary = moduleCatalog().current.find((m) => m.id === 'clv_summary');
    if (!summary) return fail('no-module', 'This version of Clientele has no lifetime-value summary module.');
    const outcome = await this.run('clv-fit', async (c) => {
      await this.store.scoping.prepareConnection(c);
      return fitClv(c, summary, options);
    });
    if (!outcome.ok && outcome.error.code === 'sql') outcome.error.code = 'clv';
    return outcome;
  }

  async cancel(ticket: string): Promise<boolean> {
    const c = this.running.get(ticket);
    if (!c) return false;
    this.cancelled.add(ticket);
    return c.cancel();
  }

  private run<T>(ticket: string, body: (c: ConnectionDb) => Promise<T>): Promise<Outcome<T>> {
    let c: ConnectionDb | undefined;
    return this.store.gate.read(
      async (interrupted) => {
        if (interrupted()) return dataChanged();
        const conn = await connect(this.store.requireDb(), this.store.storeDatabase);
        c = new ConnectionDb(conn);
        this.running.set(ticket, c);
        // A change that came while the connection opened had nothing to cancel yet.
        if (interrupted()) void c.cancel();
        try {
          return ok(await body(c));
        } catch (e) {
          if (interrupted()) return dataChanged();
          if (this.cancelled.has(ticket)) return fail('cancelled', 'The query was cancelled.');
          return { ok: false, error: sqlError(e) };
        } finally {
          if (this.running.get(ticket) === c) this.running.delete(ticket);
          this.cancelled.delete(ticket);
          await conn.close();
        }
      },
      () => void c?.cancel(),
    );
  }
}

const dataChanged = () => fail('data-changed', 'The data changed while this ran; it runs again on the new data.');

function columnsOf(table: arrow.Table): ColumnInfo[] {
  return table.schema.fields.map((f) => ({ name: f.name, type: String(f.type) }));
}

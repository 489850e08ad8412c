/** One AsyncDuckDB connection behind the `Db` interface (see src/lib/db.ts). */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import * as arrow from 'apache-arrow';
import { arrowToRows } from '../lib/arrowRows';
import { columnsToIPC } from '../lib/columnsToArrow';
import { quoteIdent, type Db, type SqlValue } from '../lib/db';
import { Priority, type Turns } from './turns';

export class ConnectionDb implements Db {
  private cancelled = false;
  private stop!: () => void;
  private readonly stopped = new Promise<void>((resolve) => (this.stop = resolve));

  /**
   * `turns`: the worker's, so that the statements of a lower `priority` than the page's (work the
   * page is not waiting on) are polled only while none of a higher one is under way
   * (src/worker/turns.ts).
   */
  constructor(
    readonly conn: AsyncDuckDBConnection,
    private readonly turns?: Turns,
    private readonly priority: Priority = Priority.page,
  ) {}

  async exec(sql: string, params?: SqlValue[]): Promise<void> {
    await this.table(sql, params);
  }

  async rows(sql: string, params?: SqlValue[]) {
    return arrowToRows(await this.table(sql, params));
  }

  async insertColumns(name: string, columns: Parameters<Db['insertColumns']>[1]): Promise<void> {
    await this.inTurn(async () => {
      if (this.cancelled) throw new Error('cancelled');
      await this.conn.query(`drop table if exists ${quoteIdent(name)}`);
      await this.conn.insertArrowFromIPCStream(columnsToIPC(arrow as never, columns), { name, create: true });
    });
  }

  /** Runs through the pending-query path, so `cancel()` can stop it. */
  table(sql: string, params?: SqlValue[]): Promise<arrow.Table> {
    return this.inTurn(async () => {
      // A cancel can arrive before the statement is sent, when there is nothing to cancel yet.
      if (this.cancelled) throw new Error('cancelled');
      if (params && params.length > 0) {
        const stmt = await this.conn.prepare(sql);
        try {
          return await stmt.query(...params);
        } finally {
          await stmt.close();
        }
      }
      try {
        return await this.send(sql);
      } catch (e) {
        if (this.cancelled) await this.endCancelled();
        throw e;
      }
    });
  }

  /** A statement is counted while it runs; one that yields first waits for its turn. */
  private async inTurn<T>(work: () => Promise<T>): Promise<T> {
    if (!this.turns) return work();
    await this.myTurn();
    return this.turns.hold(this.priority, work);
  }

  private async myTurn() {
    if (this.turns?.taken(this.priority)) await Promise.race([this.turns.free(this.priority), this.stopped]);
  }

  /**
   * AsyncDuckDBConnection.send without a streamed result: the whole query then runs inside the
   * pending-query polling, where a cancel can stop it (a streamed aggregate would run in one
   * uninterruptible fetch), and a statement that yields waits for its turn before each poll.
   */
  private send(sql: string): Promise<arrow.Table> {
    return this.conn.useUnsafe(async (db, id) => {
      let header = await db.startPendingQuery(id, sql, false);
      while (!header) {
        await this.myTurn();
        header = await db.pollPendingQuery(id);
      }
      const chunks: Uint8Array[] = [header];
      for (;;) {
        const chunk = await db.fetchQueryResults(id);
        // null: not ready yet, ask again (as DuckDB-WASM's own result iterator does); empty: the end.
        if (!chunk) continue;
        if (chunk.length === 0) break;
        chunks.push(chunk);
      }
      return arrow.tableFromIPC(chunks);
    });
  }

  /**
   * DuckDB-WASM (1.32) ends a cancelled statement's transaction only when its connection runs
   * another statement: closed before that, the transaction stays open for good, and every later
   * `create or replace` of a table the statement was creating fails with "Catalog write-write
   * conflict". So the connection runs one more.
   */
  private async endCancelled() {
    await this.conn.query('select 1').catch(() => undefined);
  }

  async prepares(sql: string): Promise<boolean> {
    try {
      await (await this.conn.prepare(sql)).close();
      return true;
    } catch {
      return false;
    }
  }

  cancel(): Promise<boolean> {
    this.cancelled = true;
    this.stop();
    return this.conn.cancelSent();
  }
}

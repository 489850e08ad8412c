/** One AsyncDuckDB connection behind the `Db` interface (see src/lib/db.ts). */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import * as arrow from 'apache-arrow';
import { arrowToRows } from '../lib/arrowRows';
import { columnsToIPC } from '../lib/columnsToArrow';
import { quoteIdent, type Db, type SqlValue } from '../lib/db';

export class ConnectionDb implements Db {
  private cancelled = false;

  constructor(readonly conn: AsyncDuckDBConnection) {}

  async exec(sql: string, params?: SqlValue[]): Promise<void> {
    await this.table(sql, params);
  }

  async rows(sql: string, params?: SqlValue[]) {
    return arrowToRows(await this.table(sql, params));
  }

  async insertColumns(name: string, columns: Parameters<Db['insertColumns']>[1]): Promise<void> {
    if (this.cancelled) throw new Error('cancelled');
    await this.conn.query(`drop table if exists ${quoteIdent(name)}`);
    await this.conn.insertArrowFromIPCStream(columnsToIPC(arrow as never, columns), { name, create: true });
  }

  /** Runs through the pending-query path, so `cancel()` can stop it. */
  async table(sql: string, params?: SqlValue[]): Promise<arrow.Table> {
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
    // No streamed result: the whole query then runs inside the pending-query polling, where a
    // cancel can stop it; a streamed aggregate would run in one uninterruptible fetch.
    try {
      const reader = await this.conn.send(sql, false);
      const batches: arrow.RecordBatch[] = [];
      for await (const batch of reader) batches.push(batch);
      return batches.length ? new arrow.Table(batches) : new arrow.Table(reader.schema);
    } catch (e) {
      if (this.cancelled) await this.endCancelled();
      throw e;
    }
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
    return this.conn.cancelSent();
  }
}

/**
 * What the worker holds beside DuckDB: the database, which tables are loaded and from where,
 * and the gate that keeps data changes and queries apart (src/worker/dataGate.ts). The loaders,
 * the scope and the query runner share one Store.
 */
import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import type { ColumnInfo, TableInfo } from '../lib/api';
import type { CanonicalTableName } from '../lib/canonical';
import { quoteIdent } from '../lib/db';
import { t } from '../lib/i18n';
import { Said } from '../lib/said';
import { emptyColumns } from '../lib/loadedColumns';
import { baseSchema } from '../lib/scope';
import { ConnectionDb } from './browserDb';
import { Activity } from './activity';
import { Turns } from './turns';
import { DataGate } from './dataGate';
import { listSources } from './ingest';
import { Removals } from './loadedSources';
import { Scoping } from './scoping';
import { connect } from './startDuckDB';

export class Store {
  db?: AsyncDuckDB;
  /** The absolute URL the page's static files (the sample store) are served from. */
  assetBase = '';
  /** The page's requests under way (the gate's readers and changes): work done ahead waits until there are none. */
  readonly activity = new Activity();
  readonly gate = new DataGate(this.activity);
  /** Who gets DuckDB's thread first: every connection's statements are counted here. */
  readonly turns = new Turns();
  readonly scoping = new Scoping(this);
  /** Removals that can still be undone. */
  readonly removals = new Removals(this);
  /** The sample store's tables, fetched and decoded once (src/worker/loadSample.ts): loaded at start and again when the user's data is all removed. */
  sampleTables?: Promise<Map<string, Uint8Array>>;
  /** Every table the user can query ('base.orders', 'prices') -> where it came from. */
  readonly sources = new Map<string, string>();
  /** The canonical tables loaded, in base.<table>. */
  canonical: CanonicalTableName[] = [];
  /** Set once the data moved to the compressed database (src/worker/compressedStore.ts). */
  storeDatabase?: string;
  /** Whether any file went through ingestion (its bookkeeping tables exist). */
  ingested = false;
  /** DuckDB's scan progress, in percent, while a load wants it. */
  progressListener?: (percentage: number) => void;

  /** A load is a change of data that ends the undo of every removal before it. */
  load<T>(body: () => Promise<T>): Promise<T> {
    return this.gate.change(async () => {
      await this.removals.forgetAll();
      return body();
    });
  }

  requireDb(): AsyncDuckDB {
    if (!this.db) throw new Said(t('worker.notStarted'));
    return this.db;
  }

  async withConnection<T>(body: (c: ConnectionDb) => Promise<T>): Promise<T> {
    const conn = await connect(this.requireDb(), this.storeDatabase);
    try {
      return await body(new ConnectionDb(conn, this.turns));
    } finally {
      await conn.close();
    }
  }

  async describe(schema: string, name: string, source: string): Promise<TableInfo> {
    return this.withConnection(async (db) => {
      const qualified = `${quoteIdent(schema)}.${quoteIdent(name)}`;
      const [{ n }] = await db.rows(`select count(*)::double as n from ${qualified}`);
      const cols = await db.rows(
        'select column_name as name, data_type as type from information_schema.columns where table_schema = ? and table_name = ? order by ordinal_position',
        [schema, name],
      );
      const empty = schema === baseSchema ? await emptyColumns(db, name, schema) : undefined;
      return { name: schema === 'main' ? name : `${schema}.${name}`, rows: Number(n), columns: cols as unknown as ColumnInfo[], ...(empty && { empty }), source };
    });
  }

  async tables(): Promise<TableInfo[]> {
    const tables: TableInfo[] = [];
    for (const [qualified, source] of this.sources) {
      const [schema, name] = qualified.includes('.') ? qualified.split('.') : ['main', qualified];
      tables.push(await this.describe(schema, name, source));
    }
    return tables;
  }

  /** A canonical table's source is the list of files that fed it. */
  async refreshSourceNames(db: ConnectionDb, table: CanonicalTableName) {
    const files = (await listSources(db)).filter((s) => s.table === table).map((s) => s.fileName);
    if (files.length) this.sources.set(`${baseSchema}.${table}`, files.join(', '));
    else this.sources.delete(`${baseSchema}.${table}`);
  }

  /** Drops a canonical table and the scoped view over it. */
  async dropCanonical(db: ConnectionDb, table: string) {
    await db.exec(`drop view if exists main.${quoteIdent(table)}`).catch(() => db.exec(`drop table if exists main.${quoteIdent(table)}`));
    await db.exec(`drop table if exists ${baseSchema}.${quoteIdent(table)}`);
  }
}

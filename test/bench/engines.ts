/**
 * The engines the benchmark runs the KPI SQL on, each behind `Db` with a way to load the
 * canonical files into schema `base`: native DuckDB with one thread and with all threads
 * (read_parquet / read_csv), and DuckDB-WASM's Node bundle, the browser's engine without the
 * browser (Parquet through parquet-wasm as in the app, CSV through the page's ingestion).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readParquet } from 'parquet-wasm/node';
import { loadFiles } from '../../src/cli/loadFiles';
import { openNativeDb } from '../../src/cli/nativeDb';
import type { Db } from '../../src/lib/db';
import { ensureBaseSchema } from '../../src/lib/scope';
import { ingest } from '../../src/worker/ingest/ingest';
import { openIngestHost } from '../support/ingestHost';

export type EngineName = 'native-1' | 'native-all' | 'wasm-node';

export interface Engine {
  name: EngineName;
  db: Db;
  /** Replaces schema `base` with the given canonical files. */
  load(files: string[]): Promise<void>;
  close(): void;
}

async function native(threads: number | undefined, name: EngineName): Promise<Engine> {
  const db = await openNativeDb();
  if (threads) await db.exec(`set threads = ${threads}`);
  return {
    name,
    db,
    load: async (files) => void (await loadFiles(db, files)),
    close: () => db.close(),
  };
}

async function wasm(): Promise<Engine> {
  const host = await openIngestHost();
  const db = host.wasm;
  return {
    name: 'wasm-node',
    db,
    async load(files) {
      await db.exec('drop schema if exists base cascade');
      await ensureBaseSchema(db);
      if (!files.every((f) => f.endsWith('.parquet'))) {
        await db.exec('drop table if exists ingest_sources');
        await db.exec('drop table if exists ingest_set_aside');
        for (const file of files) {
          const out = await ingest(host, { name: basename(file), data: new Uint8Array(readFileSync(file)) });
          if (!out.ok || out.value.status !== 'loaded') throw new Error(`${file} did not load on DuckDB-WASM`);
        }
        return;
      }
      for (const file of files) {
        const ipc = readParquet(readFileSync(file)).intoIPCStream();
        db.conn.insertArrowFromIPCStream(ipc, { name: basename(file, '.parquet'), schema: 'base', create: true });
      }
    },
    close: () => db.close(),
  };
}

export function openEngine(name: EngineName): Promise<Engine> {
  if (name === 'native-1') return native(1, name);
  if (name === 'native-all') return native(undefined, name);
  return wasm();
}

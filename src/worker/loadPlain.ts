/** A file as a table of its own (not canonical), named after it: DuckDB detects its types. */
import { DuckDBDataProtocol } from '@duckdb/duckdb-wasm';
import type { LoadOutcome, LoadProgress, Outcome } from '../lib/api';
import { canonicalTableNames, derivedTables } from '../lib/canonical';
import { quoteIdent } from '../lib/db';
import { t } from '../lib/i18n';
import { fileKind, tableNameFor } from '../lib/fileKinds';
import { preparedTables } from '../lib/prepared';
import { readablePath } from './externalAccess';
import { fail, firstLine, messageOf, ok } from './outcomes';
import { parquetToIPC } from './parquet';
import type { Store } from './store';

export async function loadPlain(store: Store, file: File, onProgress?: (p: LoadProgress) => void): Promise<Outcome<LoadOutcome>> {
  const db = store.requireDb();
  if (file.size === 0) return fail('file-empty', t('worker.fileEmpty', { file: file.name }), file.name);
  const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
  const kind = fileKind(file.name, head);
  if (!kind) {
    return fail('file-kind', t('worker.fileKind', { file: file.name }), file.name);
  }
  // The scoped views (orders, customers, …) and derived tables are taken names too.
  const taken = new Set([...(await store.tables()).map((t) => t.name), ...canonicalTableNames, ...Object.keys(derivedTables), ...Object.keys(preparedTables)]);
  const name = tableNameFor(file.name, taken);
  const total = file.size;
  onProgress?.({ phase: 'reading', bytes: 0, totalBytes: total });
  try {
    if (kind === 'parquet') {
      const bytes = await readWithProgress(file, (n) => onProgress?.({ phase: 'reading', bytes: n, totalBytes: total }));
      onProgress?.({ phase: 'decoding', bytes: total, totalBytes: total });
      const ipc = await parquetToIPC(bytes);
      onProgress?.({ phase: 'inserting', bytes: total, totalBytes: total });
      await store.withConnection((c) => c.conn.insertArrowFromIPCStream(ipc, { name, create: true }));
    } else {
      const path = readablePath(`upload-${crypto.randomUUID()}.${kind}`); // no user text in SQL
      await db.registerFileHandle(path, file, DuckDBDataProtocol.BROWSER_FILEREADER, true);
      try {
        store.progressListener = (pct) => onProgress?.({ phase: 'reading', bytes: Math.round((pct / 100) * total), totalBytes: total });
        await store.withConnection(async (c) => {
          if (kind === 'csv') {
            await c.conn.query('SET enable_progress_bar = true');
            await c.exec(`create table ${quoteIdent(name)} as select * from read_csv(?)`, [path]);
          } else {
            await c.conn.insertJSONFromPath(path, { name });
          }
        });
      } finally {
        store.progressListener = undefined;
        await db.dropFile(path);
      }
    }
    onProgress?.({ phase: 'counting', bytes: total, totalBytes: total });
    store.sources.set(name, file.name);
    const info = await store.describe('main', name, file.name);
    onProgress?.({ phase: 'done', rows: info.rows, bytes: total, totalBytes: total });
    return ok({ status: 'plain', table: info });
  } catch (e) {
    return fail('file-read', t('worker.fileReadFailed', { file: file.name, detail: firstLine(messageOf(e)) }), file.name);
  }
}

async function readWithProgress(file: File, onBytes: (n: number) => void): Promise<Uint8Array> {
  const out = new Uint8Array(file.size);
  let offset = 0;
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out.set(value, offset);
    offset += value.byteLength;
    onBytes(offset);
  }
  return out;
}

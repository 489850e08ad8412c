/** The built-in sample store: its Parquet tables fetched, decoded and put in base.<table>. */
import type { LoadProgress, Outcome, TableInfo } from '../lib/api';
import { canonicalTableNames } from '../lib/canonical';
import { quoteIdent } from '../lib/db';
import { t } from '../lib/i18n';
import { baseSchema } from '../lib/scope';
import { scoreMentions } from '../lib/sentiment/scoreMentions';
import { fail, firstLine, messageOf, ok } from './outcomes';
import { parquetToIPC } from './parquet';
import type { Store } from './store';

/** Fetches and decodes every table of the sample store; fails with a sentence naming the table. */
export async function decodeSample(assetBase: string): Promise<Map<string, Uint8Array>> {
  const tables = await Promise.all(
    canonicalTableNames.map(async (table) => {
      const response = await fetch(`${assetBase}sample/${table}.parquet`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      // A missing static file comes back as the SPA's index.html with status 200.
      if (!response.ok || bytes[0] !== 0x50) throw new Error(t('worker.sampleMissing', { table }));
      return [table, await parquetToIPC(bytes)] as const;
    }),
  );
  return new Map(tables);
}

/** Loads the decoded sample into the canonical tables and scopes them. A data change: hold the gate. */
export async function loadSample(store: Store, decoding: Promise<Map<string, Uint8Array>>, onProgress?: (p: LoadProgress) => void): Promise<Outcome<TableInfo[]>> {
  store.requireDb();
  const loaded: TableInfo[] = [];
  try {
    onProgress?.({ phase: 'decoding' });
    const decoded = await decoding;
    for (const table of canonicalTableNames) {
      const ipc = decoded.get(table)!;
      await store.withConnection(async (c) => {
        await c.conn.query(`drop table if exists ${baseSchema}.${quoteIdent(table)}`);
        // A copy: the insert hands its buffer over to DuckDB's thread, and the decoded sample is
        // kept to load again when the user's last table goes.
        await c.conn.insertArrowFromIPCStream(ipc.slice(), { name: table, schema: baseSchema, create: true });
      });
      store.sources.set(`${baseSchema}.${table}`, 'sample');
      if (!store.canonical.includes(table)) store.canonical.push(table);
      loaded.push(await store.describe(baseSchema, table, 'sample'));
      onProgress?.({ phase: 'inserting', rows: loaded.at(-1)!.rows });
    }
    if (store.canonical.includes('social_mentions')) await store.withConnection((db) => scoreMentions(db));
    await store.scoping.rescope();
    onProgress?.({ phase: 'done' });
    return ok(loaded);
  } catch (e) {
    return fail('sample', t('worker.sampleFailed', { detail: firstLine(messageOf(e)) }));
  }
}

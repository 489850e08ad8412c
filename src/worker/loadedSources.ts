/**
 * The files that fed the canonical tables and the tables loaded on their own: listed, and
 * removed one by one. Removing is a data change: call those inside the data gate's change.
 */
import type { Outcome } from '../lib/api';
import type { CanonicalTableName } from '../lib/canonical';
import { quoteIdent } from '../lib/db';
import { baseSchema } from '../lib/scope';
import { listSources, removeSource as removeIngested, type SourceInfo } from './ingest';
import { fail, firstLine, messageOf, ok } from './outcomes';
import type { Store } from './store';

export async function loadedSources(store: Store): Promise<SourceInfo[]> {
  // Before the first ingested file the bookkeeping tables do not exist yet.
  if (!store.ingested) return [];
  return store.withConnection((db) => listSources(db));
}

export async function removeSource(store: Store, sourceId: string): Promise<Outcome<null>> {
  try {
    await store.withConnection(async (db) => {
      const source = (await listSources(db)).find((s) => s.sourceId === sourceId);
      if (!source) throw new Error(`there is no loaded file "${sourceId}"`);
      await removeIngested(db, sourceId);
      const table = source.table as CanonicalTableName;
      await store.refreshSourceNames(db, table);
      if (!store.sources.has(`${baseSchema}.${table}`)) {
        await store.dropCanonical(db, table);
        store.canonical = store.canonical.filter((t) => t !== table);
      }
    });
    await store.scoping.rescope();
    return ok(null);
  } catch (e) {
    return fail('no-source', `The file could not be removed: ${firstLine(messageOf(e))}`);
  }
}

export async function dropTable(store: Store, name: string): Promise<Outcome<null>> {
  if (!store.sources.has(name)) return fail('no-table', `There is no loaded table "${name}".`);
  const [schema, table] = name.includes('.') ? name.split('.') : ['main', name];
  await store.withConnection(async (c) => {
    if (schema === baseSchema) {
      for (const s of await listSources(c)) if (s.table === table) await removeIngested(c, s.sourceId);
      await store.dropCanonical(c, table);
    } else {
      await c.exec(`drop table if exists ${quoteIdent(schema)}.${quoteIdent(table)}`);
    }
  });
  store.sources.delete(name);
  store.canonical = store.canonical.filter((t) => `${baseSchema}.${t}` !== name);
  return ok(null);
}

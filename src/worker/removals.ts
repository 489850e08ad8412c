/**
 * Removing a loaded file or table with a way back. What goes is kept aside, not dropped: a whole
 * table is renamed, one file's rows are copied to a table of their own, and the files' records
 * (ingest_sources, ingest_set_aside) go with them. Restoring puts every row and record back as it
 * was; discarding (the undo expired, or the next load or removal came) drops what was kept.
 * Each is a change of data: call it inside the data gate's change, then rescope.
 */
import type { CanonicalTableName } from '../lib/canonical';
import { quoteIdent, type Db } from '../lib/db';
import { t } from '../lib/i18n';
import { baseSchema } from '../lib/scope';
import { listSources, setAsideTable, sourcesTable } from './ingest/sources';

/** What the worker knows is loaded: the Store's own record. */
export interface Loaded {
  /** Every table the user can query ('base.orders', 'prices') -> where it came from. */
  sources: Map<string, string>;
  canonical: CanonicalTableName[];
}

/** A removal whose rows wait aside. */
export interface KeptRemoval {
  id: number;
  /** The table as listed: 'base.orders', 'price_list'. */
  table: string;
  /** The file removed, when the removal was one file's. */
  fileName?: string;
  /** Rows that went. */
  rows: number;
  /** The whole table went (renamed aside), not only one file's rows (copied aside). */
  whole: boolean;
  /** The table's entry in `Loaded.sources` before it went, and its place in the list. */
  listedAs: string;
  position: number;
  /** The files whose records were kept aside with the rows. */
  sourceIds: string[];
}

const split = (name: string): [string, string] => (name.includes('.') ? (name.split('.') as [string, string]) : ['main', name]);
const qualified = (schema: string, table: string) => `${quoteIdent(schema)}.${quoteIdent(table)}`;
const keptName = (id: number, table: string) => `_removed_${id}_${table}`;
const keptRecords = (id: number, of: string) => quoteIdent(`_removed_${id}_${of}`);

/** Removes one file's rows from its canonical table; its table's last file takes the table with it. */
export async function removeFile(db: Db, loaded: Loaded, sourceId: string, id: number): Promise<KeptRemoval> {
  const sources = await listSources(db);
  const source = sources.find((s) => s.sourceId === sourceId);
  if (!source) throw new Error(t('worker.noLoadedFile', { name: sourceId }));
  const table = source.table;
  if (!sources.some((s) => s.table === table && s.sourceId !== sourceId)) {
    return { ...(await removeTable(db, loaded, `${baseSchema}.${table}`, id)), fileName: source.fileName };
  }
  const from = qualified(baseSchema, table);
  await db.exec(`create table ${qualified(baseSchema, keptName(id, table))} as select * from ${from} where source_file = ?`, [sourceId]);
  const [{ n }] = await db.rows(`select count(*)::double as n from ${qualified(baseSchema, keptName(id, table))}`);
  await db.exec(`delete from ${from} where source_file = ?`, [sourceId]);
  await keepRecords(db, id, [sourceId]);
  const listedAs = loaded.sources.get(`${baseSchema}.${table}`) ?? '';
  await relist(db, loaded, table);
  const position = [...loaded.sources.keys()].indexOf(`${baseSchema}.${table}`);
  return { id, table: `${baseSchema}.${table}`, fileName: source.fileName, rows: Number(n), whole: false, listedAs, position, sourceIds: [sourceId] };
}

/** Removes a loaded table (canonical or of its own) and its files' records. */
export async function removeTable(db: Db, loaded: Loaded, name: string, id: number): Promise<KeptRemoval> {
  const listedAs = loaded.sources.get(name);
  if (listedAs === undefined) throw new Error(t('worker.noLoadedTable', { name }));
  const position = [...loaded.sources.keys()].indexOf(name);
  const [schema, table] = split(name);
  const sourceIds = schema === baseSchema ? (await listSources(db)).filter((s) => s.table === table).map((s) => s.sourceId) : [];
  const [{ n }] = await db.rows(`select count(*)::double as n from ${qualified(schema, table)}`);
  // The scoped view reads the table: it goes first (the next rescope leaves it out).
  if (schema === baseSchema) await db.exec(`drop view if exists main.${quoteIdent(table)}`);
  await db.exec(`alter table ${qualified(schema, table)} rename to ${quoteIdent(keptName(id, table))}`);
  await keepRecords(db, id, sourceIds);
  loaded.sources.delete(name);
  loaded.canonical = loaded.canonical.filter((t) => `${baseSchema}.${t}` !== name);
  return { id, table: name, rows: Number(n), whole: true, listedAs, position, sourceIds };
}

/** Puts a removal back exactly as it was: its rows, its files' records, the table listed again. */
export async function restoreRemoval(db: Db, loaded: Loaded, removal: KeptRemoval): Promise<void> {
  const [schema, table] = split(removal.table);
  const kept = qualified(schema, keptName(removal.id, table));
  if (removal.whole) {
    await db.exec(`alter table ${kept} rename to ${quoteIdent(table)}`);
  } else {
    await db.exec(`insert into ${qualified(schema, table)} by name select * from ${kept}`);
    await db.exec(`drop table ${kept}`);
  }
  if (removal.sourceIds.length) {
    for (const [records, of] of [[sourcesTable, 'sources'], [setAsideTable, 'set_aside']]) {
      await db.exec(`insert into ${records} select * from ${keptRecords(removal.id, of)}`);
      await db.exec(`drop table ${keptRecords(removal.id, of)}`);
    }
  }
  relistAt(loaded.sources, removal.table, removal.listedAs, removal.position);
  if (schema === baseSchema) {
    if (!loaded.canonical.includes(table as CanonicalTableName)) loaded.canonical.push(table as CanonicalTableName);
    await relist(db, loaded, table);
  }
}

/** Drops what a removal kept: it can no longer be undone. */
export async function discardRemoval(db: Db, removal: KeptRemoval): Promise<void> {
  const [schema, table] = split(removal.table);
  await db.exec(`drop table if exists ${qualified(schema, keptName(removal.id, table))}`);
  for (const of of ['sources', 'set_aside']) await db.exec(`drop table if exists ${keptRecords(removal.id, of)}`);
}

/** Drops the sample store's tables (before the user's data comes back on undo). */
export async function putSampleAway(db: Db, loaded: Loaded): Promise<void> {
  for (const [name, source] of [...loaded.sources]) {
    if (source !== 'sample') continue;
    const [, table] = split(name);
    await db.exec(`drop view if exists main.${quoteIdent(table)}`);
    await db.exec(`drop table if exists ${qualified(baseSchema, table)}`);
    loaded.sources.delete(name);
    loaded.canonical = loaded.canonical.filter((t) => t !== table);
  }
}

/** Lists a table again where it was: the data panel shows tables in the order they came. */
function relistAt(sources: Map<string, string>, name: string, listedAs: string, position: number) {
  const entries = [...sources].filter(([key]) => key !== name);
  entries.splice(Math.min(position, entries.length), 0, [name, listedAs]);
  sources.clear();
  for (const [key, value] of entries) sources.set(key, value);
}

async function keepRecords(db: Db, id: number, sourceIds: string[]) {
  if (!sourceIds.length) return;
  for (const [records, of] of [[sourcesTable, 'sources'], [setAsideTable, 'set_aside']]) {
    await db.exec(`create table ${keptRecords(id, of)} as select * from ${records} where false`);
    for (const sourceId of sourceIds) {
      await db.exec(`insert into ${keptRecords(id, of)} select * from ${records} where source_id = ?`, [sourceId]);
      await db.exec(`delete from ${records} where source_id = ?`, [sourceId]);
    }
  }
}

/** A canonical table is listed as the files that fed it. */
async function relist(db: Db, loaded: Loaded, table: string) {
  const files = (await listSources(db)).filter((s) => s.table === table).map((s) => s.fileName);
  if (files.length) loaded.sources.set(`${baseSchema}.${table}`, files.join(', '));
}

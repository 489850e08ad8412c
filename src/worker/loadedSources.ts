/**
 * The files that fed the canonical tables and the tables loaded on their own: listed, and
 * removed one by one with a way back (src/worker/removals.ts). Removing and undoing are data
 * changes: call those inside the data gate's change.
 */
import type { Outcome, Removal } from '../lib/api';
import { t, type MessageKey } from '../lib/i18n';
import { listSources, type SourceInfo } from './ingest';
import { decodeSample, loadSample } from './loadSample';
import { fail, firstLine, messageOf, ok } from './outcomes';
import { discardRemoval, putSampleAway, removeFile, removeTable, restoreRemoval, type KeptRemoval } from './removals';
import type { ConnectionDb } from './browserDb';
import type { Store } from './store';

export async function loadedSources(store: Store): Promise<SourceInfo[]> {
  // Before the first ingested file the bookkeeping tables do not exist yet.
  if (!store.ingested) return [];
  return store.withConnection((db) => listSources(db));
}

interface Held extends KeptRemoval {
  sampleBack: boolean;
}

/**
 * The removals that can still be undone. Their rows wait aside until `undo`, `forget`, or the
 * next load or removal (`forgetAll`): an undo after other data arrived could not mean "as it was".
 */
export class Removals {
  private held = new Map<number, Held>();
  private next = 1;

  constructor(private store: Store) {}

  removeSource(sourceId: string): Promise<Outcome<Removal>> {
    return this.remove('worker.removeFileFailed', (db, id) => removeFile(db, this.store, sourceId, id));
  }

  dropTable(name: string): Promise<Outcome<Removal>> {
    if (!this.store.sources.has(name)) return Promise.resolve(fail('no-table', t('worker.noLoadedTable', { name })));
    return this.remove('worker.removeTableFailed', (db, id) => removeTable(db, this.store, name, id));
  }

  async undo(id: number): Promise<Outcome<null>> {
    const removal = this.held.get(id);
    if (!removal) return fail('expired', t('worker.undoExpired'));
    this.held.delete(id);
    try {
      await this.store.withConnection(async (db) => {
        if (removal.sampleBack) await putSampleAway(db, this.store);
        await restoreRemoval(db, this.store, removal);
      });
      await this.store.scoping.rescope();
      return ok(null);
    } catch (e) {
      return fail('undo', t('worker.undoFailed', { detail: firstLine(messageOf(e)) }));
    }
  }

  async forget(id: number): Promise<boolean> {
    const removal = this.held.get(id);
    if (!removal) return false;
    this.held.delete(id);
    await this.store.withConnection((db) => discardRemoval(db, removal));
    return true;
  }

  async forgetAll() {
    for (const id of [...this.held.keys()]) await this.forget(id);
  }

  private async sampleAgain(): Promise<boolean> {
    const sample = await loadSample(this.store, this.store.sampleTables ?? decodeSample(this.store.assetBase));
    return sample.ok;
  }

  private async remove(failed: MessageKey, take: (db: ConnectionDb, id: number) => Promise<KeptRemoval>): Promise<Outcome<Removal>> {
    await this.forgetAll();
    const id = this.next++;
    let kept: KeptRemoval;
    try {
      kept = await this.store.withConnection((db) => take(db, id));
    } catch (e) {
      return fail('no-source', t(failed, { detail: firstLine(messageOf(e)) }));
    }
    // Nothing of the user's is left to answer the KPIs: the sample store comes back (and loading it rescopes).
    const sampleBack = this.store.canonical.length === 0 && kept.table.startsWith('base.') && (await this.sampleAgain());
    if (!sampleBack) await this.store.scoping.rescope();
    this.held.set(id, { ...kept, sampleBack });
    const { table, fileName, rows } = kept;
    return ok({ id, table, ...(fileName && { file: fileName }), rows, sampleBack });
  }
}

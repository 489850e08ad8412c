/**
 * The notebooks kept in this browser: the open one autosaves on every change (debounced, and at
 * once when the page is hidden or closed), comes back after a reload or a crash, and can be
 * renamed, swapped for another, deleted, written to a file and read back from one.
 */
import { t } from '../lib/i18n';
import { parseNotebookDoc } from '../lib/notebookDocCheck';
import type { NotebookDoc } from '../lib/notebookDoc';
import { defaultCellDocs } from './notebook.svelte';
import * as kept from './notebookStore';
import type { AppState } from './app.svelte';

const saveAfterMs = 400;

export interface ShelfEntry {
  id: string;
  name: string;
  savedAt: number;
}

export class Shelf {
  /** Every kept notebook, the most recently saved first. */
  entries = $state.raw<ShelfEntry[]>([]);
  currentId = $state('');
  /** Whether the browser keeps notebooks at all (IndexedDB may be off in a private window). */
  available = $state(true);
  private saved = '';
  private timer?: ReturnType<typeof setTimeout>;
  private pending?: string;
  private stopWatching?: () => void;
  /**
   * A shared link was opened before the page started (src/state/sharing.svelte.ts): it becomes a
   * kept notebook of its own, and the one open before stays as it was.
   */
  openedLink = false;

  constructor(private app: AppState) {}

  /** Opens the notebook that was open last (or keeps the default one), then saves every change. */
  async restore() {
    try {
      const id = this.openedLink ? undefined : await kept.currentNotebookId();
      const record = id ? await kept.readNotebook(id) : undefined;
      if (record) {
        const checked = parseNotebookDoc(record.text);
        if (checked.ok) {
          await this.app.applyDoc(checked.doc);
          this.currentId = record.id;
          this.saved = record.text;
        } else this.app.notify('error', t('keep.damaged', { name: record.name, message: checked.message }));
      }
      if (!this.currentId) {
        this.currentId = kept.newNotebookId();
        await kept.setCurrentNotebookId(this.currentId);
      }
      // The link's notebook is kept at once, its cells still waiting for approval if they were.
      if (this.openedLink) {
        this.pending = JSON.stringify(this.app.toDoc());
        await this.flush();
      }
      await this.refresh();
    } catch {
      this.available = false;
      this.app.notify('warning', t('keep.unavailable'));
      return;
    }
    this.watch();
    addEventListener('pagehide', () => this.flush());
    addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && this.flush());
  }

  /** Saves on every change of the document, a moment after the last one. */
  private watch() {
    this.stopWatching = $effect.root(() => {
      $effect(() => {
        const text = JSON.stringify(this.app.toDoc());
        if (text === this.saved) return;
        this.pending = text;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.flush(), saveAfterMs);
      });
    });
  }

  /** Writes what is pending now (the page is going away, or another notebook opens). */
  async flush() {
    clearTimeout(this.timer);
    const text = this.pending;
    this.pending = undefined;
    // No notebook open (the open one is being deleted): a change of it has nowhere to go.
    if (text === undefined || !this.available || !this.currentId) return;
    this.saved = text;
    const name = (JSON.parse(text) as NotebookDoc).name;
    try {
      await kept.writeNotebook({ id: this.currentId, name, text, savedAt: Date.now() });
      await this.refresh();
    } catch (error) {
      this.app.notify('error', t('keep.saveFailed', { message: (error as Error).message }));
    }
  }

  private async refresh() {
    this.entries = (await kept.listNotebooks()).map(({ id, name, savedAt }) => ({ id, name, savedAt }));
  }

  /** Opens a document as a new kept notebook (a new one, or one read from a file). */
  private async openAsNew(doc: NotebookDoc) {
    await this.flush();
    this.currentId = kept.newNotebookId();
    this.saved = '';
    await kept.setCurrentNotebookId(this.currentId);
    await this.app.applyDoc(doc);
    // Saved at once, so it is listed before any edit.
    this.pending = JSON.stringify(this.app.toDoc());
    await this.flush();
  }

  /** A new notebook: every KPI, the date range and currency of the one open. */
  async create() {
    const doc = this.app.toDoc();
    await this.openAsNew({ ...doc, name: this.freshName(), cells: defaultCellDocs() });
  }

  private freshName(): string {
    const names = new Set(this.entries.map((e) => e.name));
    for (let n = 2; ; n++) {
      const name = t('keep.numbered', { n });
      if (!names.has(name)) return name;
    }
  }

  rename(name: string) {
    const trimmed = name.trim().slice(0, 200);
    if (trimmed) this.app.notebookName = trimmed;
  }

  async open(id: string) {
    if (id === this.currentId) return;
    await this.flush();
    const record = await kept.readNotebook(id);
    if (!record) return;
    const checked = parseNotebookDoc(record.text);
    if (!checked.ok) return void this.app.notify('error', t('keep.damaged', { name: record.name, message: checked.message }));
    this.currentId = id;
    this.saved = record.text;
    await kept.setCurrentNotebookId(id);
    await this.app.applyDoc(checked.doc);
  }

  /**
   * Deletes a kept notebook; deleting the open one opens the most recent other, or a new one. The
   * open one is let go of first: a change of it that comes while the deletion is under way (the
   * page may still be settling) would otherwise be saved after it and bring it back.
   */
  async remove(id: string) {
    const open = id === this.currentId;
    if (open) {
      clearTimeout(this.timer);
      this.pending = undefined;
      this.currentId = '';
    }
    await kept.deleteNotebook(id);
    await this.refresh();
    if (!open) return;
    const next = this.entries[0];
    if (next) await this.open(next.id);
    // None left, or it could not be read: a new one, so that changes have somewhere to be saved.
    if (!this.currentId) await this.openAsNew({ ...this.app.toDoc(), name: t('notebook.untitled'), cells: defaultCellDocs() });
  }

  /** The open notebook as a `.clientele.json` file. */
  saveFile() {
    const doc = this.app.toDoc();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }));
    link.download = `${fileSlug(doc.name)}.clientele.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }

  /** Reads a notebook file; a file that is not one says what is wrong and changes nothing. */
  async openFile(file: File): Promise<boolean> {
    const checked = parseNotebookDoc(await file.text());
    if (!checked.ok) {
      this.app.notify('error', `${file.name}: ${checked.message}`);
      return false;
    }
    await this.openAsNew(checked.doc);
    this.app.notify('info', t('keep.opened', { name: checked.doc.name, file: file.name }));
    return true;
  }

  dispose() {
    this.stopWatching?.();
  }
}

function fileSlug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'notebook'
  );
}

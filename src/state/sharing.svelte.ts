/**
 * Sharing and publishing on the page: "Copy link" (the notebook in the URL's fragment,
 * src/lib/notebookLink.ts), opening such a link, and opening a published notebook
 * (`?notebook=<name>` or the build's default, a file in the site's `notebooks/` folder).
 *
 * A link runs someone else's notebook on the reader's data, so: it is checked whole before anything
 * of it is used; its cells run the module versions it pins; SQL that differs from them (SQL cells,
 * edited module cells) is held until the reader approves it in the review dialog; web addresses
 * it names are loaded only on that approval (a request to a server the author chose tells it the
 * link was opened); files are asked for by name. A published notebook is the site's own file,
 * trusted like the page itself: it runs, and its addresses load, without asking.
 */
import { lineDiff, type DiffLine } from '../lib/lineDiff';
import { t } from '../lib/i18n';
import type { NotebookDoc, SourceRef } from '../lib/notebookDoc';
import { parseNotebookDoc } from '../lib/notebookDocCheck';
import { decodeNotebookLink, encodeNotebookLink, linkLimits, linkPayload } from '../lib/notebookLink';
import { moduleCatalog } from '../lib/queryModules';
import type { AppState } from './app.svelte';
import { Cell } from './cell.svelte';

export interface ReviewItem {
  cell: Cell;
  title: string;
  sql: string;
  /** For an edited module cell: its SQL against the pinned module's. */
  diff?: DiffLine[];
}

export interface Review {
  name: string;
  items: ReviewItem[];
  urls: string[];
}

const knownModule = (ref: string) => moduleCatalog().byRef.has(ref);

/** The build's default published notebook (`VITE_NOTEBOOK=<name> npm run build`), if any. */
const defaultNotebook: string | undefined = import.meta.env.VITE_NOTEBOOK || undefined;

const publishedName = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

export class Sharing {
  /** The link's SQL and addresses waiting for the reader's decision. */
  review = $state.raw<Review | undefined>(undefined);
  /** Length of the last link made (for the page and tests). */
  lastLinkLength = $state(0);

  constructor(private app: AppState) {}

  /**
   * Before the page starts: a notebook link in the fragment, else a published notebook named in
   * the query (or the build's default). Whatever fails is said and the page opens as usual.
   */
  async openFromAddress(location: Location = window.location): Promise<void> {
    const payload = linkPayload(location.hash);
    if (payload !== undefined) {
      await this.openLink(payload);
      // Read once: a reload restores the kept copy (its edits, its cells still waiting), not the link again.
      if (location === window.location) history.replaceState(history.state, '', location.pathname + location.search);
      return;
    }
    const name = new URLSearchParams(location.search).get('notebook') ?? defaultNotebook;
    if (name) await this.openPublished(name);
  }

  private async openLink(payload: string) {
    const read = await decodeNotebookLink(payload, { knownModule });
    if (!read.ok) return void this.app.notify('error', read.message);
    const { doc } = read;
    await this.app.applyDoc(doc, { hold: true });
    this.app.shelf.openedLink = true;
    const items = this.app.notebook.cells.filter((c): c is Cell => c instanceof Cell && c.held).map((cell) => reviewItem(cell));
    const urls = doc.sources.flatMap((s) => (s.kind === 'url' ? [s.url] : []));
    this.askForFiles(doc.sources);
    if (items.length || urls.length) this.review = { name: doc.name, items, urls };
    else this.app.notify('info', t('share.opened', { name: doc.name }));
  }

  /** The reader approved: the held SQL runs and the link's addresses load. */
  async approve() {
    const review = this.review;
    this.review = undefined;
    if (!review) return;
    await this.app.whenReady;
    for (const url of review.urls) await this.app.loadUrl(url);
    for (const item of review.items) if (item.cell.held) void item.cell.run(this.app.scope.comparable);
  }

  /** The reader opens the notebook but runs none of the link's SQL and loads none of its addresses. */
  openOnly() {
    const review = this.review;
    this.review = undefined;
    if (review?.urls.length) this.app.notify('warning', t('share.urlsSkipped', { urls: review.urls.join(', ') }));
  }

  private askForFiles(sources: SourceRef[]) {
    const files = sources.flatMap((s) => (s.kind === 'file' ? [s.table ? `${s.name} (${s.table})` : s.name] : []));
    if (files.length) this.app.notify('warning', t('share.files', { files: files.join(', ') }));
  }

  /** A notebook file the site publishes in `notebooks/<name>.clientele.json`. */
  private async openPublished(name: string) {
    const fail = (detail: string) => void this.app.notify('error', t('publish.failed', { name, detail }));
    if (!publishedName.test(name)) return fail(t('doc.badValue'));
    const url = new URL(`notebooks/${name}.clientele.json`, document.baseURI);
    let text: string;
    try {
      const response = await fetch(url);
      if (!response.ok) return fail(`${url.pathname} answered ${response.status}`);
      text = await response.text();
    } catch (e) {
      return fail((e as Error).message);
    }
    const checked = parseNotebookDoc(withAbsoluteUrls(text));
    if (!checked.ok) return fail(checked.message);
    const unknown = checked.doc.cells.flatMap((c) => (c.kind === 'module' && !knownModule(c.ref) ? [c.ref] : []));
    if (unknown.length) return fail(t('link.unknownModules', { refs: unknown.join(', ') }));
    await this.app.applyDoc(checked.doc);
    this.askForFiles(checked.doc.sources);
    const urls = checked.doc.sources.flatMap((s) => (s.kind === 'url' ? [s.url] : []));
    if (urls.length) void this.app.whenReady.then(async () => {
      for (const u of urls) await this.app.loadUrl(u);
    });
  }

  /** Puts the notebook in a link on the clipboard, or says it is too long and offers the file. */
  async copyLink(): Promise<void> {
    const doc = this.app.toDoc();
    const base = window.location.href.split('#')[0];
    const link = `${base}#${await encodeNotebookLink(doc)}`;
    this.lastLinkLength = link.length;
    if (link.length > linkLimits.urlChars) {
      this.app.notify('warning', t('share.tooLong', { chars: link.length.toLocaleString('en-US'), max: linkLimits.urlChars.toLocaleString('en-US') }), { label: t('share.saveFile'), run: () => saveNotebookFile(doc) });
      return;
    }
    try {
      await navigator.clipboard.writeText(link);
      this.app.notify('info', t('share.copied', { chars: link.length.toLocaleString('en-US') }));
    } catch (e) {
      this.app.notify('warning', t('share.copyFailed', { detail: (e as Error).message, link }));
    }
  }
}

function reviewItem(cell: Cell): ReviewItem {
  const title = cell.title || t('cell.untitled');
  if (cell.module) return { cell, title: t('share.reviewEdited', { title }), sql: cell.sql, diff: lineDiff(cell.module.sql, cell.sql) };
  return { cell, title: t('share.reviewSql', { title }), sql: cell.sql };
}

/** A published notebook may name its data relative to the site (`data/orders.parquet`): made absolute here. */
function withAbsoluteUrls(text: string): string {
  try {
    const value = JSON.parse(text) as { sources?: unknown };
    if (!Array.isArray(value.sources)) return text;
    for (const source of value.sources as { kind?: unknown; url?: unknown }[]) {
      if (source && source.kind === 'url' && typeof source.url === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(source.url)) {
        source.url = new URL(source.url, document.baseURI).href;
      }
    }
    return JSON.stringify(value);
  } catch {
    return text;
  }
}

/** Saves the notebook as `<name>.clientele.json`, the file a reader opens or a site publishes. */
export function saveNotebookFile(doc: NotebookDoc) {
  const blob = new Blob([`${JSON.stringify(doc, null, 2)}\n`], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${doc.name.replace(/[\\/:*?"<>|]+/g, '-').trim() || 'notebook'}.clientele.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

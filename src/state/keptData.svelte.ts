/**
 * Loaded files kept in this browser (the origin private file system, OPFS), so that a reload reads
 * them again instead of asking for them: each dropped file is written as it came, with the mapping
 * and reading choices it was loaded with, and read back in the same order on start.
 *
 * Why the files and not the canonical tables as Parquet: the files go through the one ingestion on
 * reload, so a kept file and a dropped one give the same tables, rows set aside and notices; a
 * Parquet copy would need the worker to write Parquet (it only reads it) and would keep a second
 * set of rules for what a reload shows. Writing a file is a copy of its bytes on disk.
 */
import type { LoadOptions } from '../lib/api';

const folder = 'kept-data';
const manifestName = 'manifest.json';

export interface KeptFile {
  /** The file's name, as dropped: the key (a file of the same name dropped again replaces it). */
  name: string;
  options: Pick<LoadOptions, 'mapping' | 'header' | 'delimiter' | 'dateOrder' | 'asPlainTable'>;
}

export class KeptData {
  files = $state.raw<KeptFile[]>([]);
  /** Bytes this page uses in the browser's storage (navigator.storage.estimate), and its quota. */
  usage = $state.raw<{ used: number; quota: number } | undefined>(undefined);
  /** The browser refused to make the storage persistent: it may clear kept data when space runs short. */
  persistRefused = $state(false);
  readonly supported = typeof navigator !== 'undefined' && !!navigator.storage?.getDirectory;
  private asked = false;

  private async dir(): Promise<FileSystemDirectoryHandle> {
    const root = await navigator.storage.getDirectory();
    return root.getDirectoryHandle(folder, { create: true });
  }

  /** The kept files, in load order, read back for the worker. */
  async read(): Promise<{ file: File; options: KeptFile['options'] }[]> {
    if (!this.supported) return [];
    try {
      const dir = await this.dir();
      this.files = await this.readManifest(dir);
      const out: { file: File; options: KeptFile['options'] }[] = [];
      for (const kept of this.files) {
        const handle = await dir.getFileHandle(storedName(kept.name)).catch(() => undefined);
        const blob = await handle?.getFile();
        if (blob) out.push({ file: new File([blob], kept.name, { type: blob.type, lastModified: blob.lastModified }), options: kept.options });
      }
      await this.measure();
      return out;
    } catch {
      return [];
    }
  }

  /** Keeps a file the page loaded; asks the browser once to keep the storage. */
  async keep(file: File, options: KeptFile['options']): Promise<void> {
    if (!this.supported) return;
    const dir = await this.dir();
    const handle = await dir.getFileHandle(storedName(file.name), { create: true });
    const writable = await handle.createWritable();
    await file.stream().pipeTo(writable);
    // Listed once the manifest that names it is on disk: a reload right after finds it.
    const files = [...this.files.filter((f) => f.name !== file.name), { name: file.name, options: JSON.parse(JSON.stringify(options)) }];
    await this.writeManifest(dir, files);
    this.files = files;
    await this.measure();
    await this.askPersistence();
  }

  /** Lets go of files removed from the page. */
  async drop(names: string[]): Promise<void> {
    if (!this.supported || !names.some((n) => this.files.some((f) => f.name === n))) return;
    const dir = await this.dir();
    for (const name of names) await dir.removeEntry(storedName(name)).catch(() => undefined);
    const files = this.files.filter((f) => !names.includes(f.name));
    await this.writeManifest(dir, files);
    this.files = files;
    await this.measure();
  }

  /** Forgets every kept file: the next start opens on the sample store. */
  async forget(): Promise<void> {
    if (!this.supported) return;
    const root = await navigator.storage.getDirectory();
    await root.removeEntry(folder, { recursive: true }).catch(() => undefined);
    this.files = [];
    await this.measure();
  }

  async measure() {
    const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
    this.usage = estimate ? { used: estimate.usage ?? 0, quota: estimate.quota ?? 0 } : undefined;
  }

  private async askPersistence() {
    if (this.asked || !navigator.storage?.persist) return;
    this.asked = true;
    const persisted = (await navigator.storage.persisted?.()) || (await navigator.storage.persist().catch(() => false));
    this.persistRefused = !persisted;
  }

  private async readManifest(dir: FileSystemDirectoryHandle): Promise<KeptFile[]> {
    const handle = await dir.getFileHandle(manifestName).catch(() => undefined);
    if (!handle) return [];
    try {
      const parsed = JSON.parse(await (await handle.getFile()).text()) as { files?: unknown };
      return Array.isArray(parsed.files) ? parsed.files.filter((f): f is KeptFile => typeof f?.name === 'string' && typeof f.options === 'object') : [];
    } catch {
      return [];
    }
  }

  private async writeManifest(dir: FileSystemDirectoryHandle, files: KeptFile[]) {
    const handle = await dir.getFileHandle(manifestName, { create: true });
    const writable = await handle.createWritable();
    await writable.write(JSON.stringify({ files }));
    await writable.close();
  }
}

/** A name OPFS accepts for any file name (no slashes), unique per name. */
function storedName(name: string): string {
  return `f-${encodeURIComponent(name).replace(/\./g, '%2E')}`;
}

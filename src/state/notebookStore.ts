/**
 * Notebooks kept in this browser (IndexedDB): one record per notebook with its document as JSON
 * text, and which one was open last. Read back through parseNotebookDoc like any notebook from
 * outside: a record from an older page, or damaged, is refused rather than trusted.
 */
import { t } from '../lib/i18n';

export interface KeptNotebook {
  id: string;
  name: string;
  /** The NotebookDoc as JSON. */
  text: string;
  savedAt: number;
}

const dbName = 'clientele';
const notebooks = 'notebooks';
const meta = 'meta';

let opened: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(dbName, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(notebooks, { keyPath: 'id' });
      request.result.createObjectStore(meta);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error(t('keep.blocked')));
  });
  return opened;
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function store(name: string, mode: IDBTransactionMode): Promise<IDBObjectStore> {
  return (await open()).transaction(name, mode).objectStore(name);
}

export async function listNotebooks(): Promise<KeptNotebook[]> {
  const all = (await done((await store(notebooks, 'readonly')).getAll())) as KeptNotebook[];
  return all.sort((a, b) => b.savedAt - a.savedAt);
}

export async function readNotebook(id: string): Promise<KeptNotebook | undefined> {
  return (await done((await store(notebooks, 'readonly')).get(id))) as KeptNotebook | undefined;
}

export async function writeNotebook(notebook: KeptNotebook): Promise<void> {
  await done((await store(notebooks, 'readwrite')).put(notebook));
}

export async function deleteNotebook(id: string): Promise<void> {
  await done((await store(notebooks, 'readwrite')).delete(id));
}

export async function currentNotebookId(): Promise<string | undefined> {
  return (await done((await store(meta, 'readonly')).get('current'))) as string | undefined;
}

export async function setCurrentNotebookId(id: string): Promise<void> {
  await done((await store(meta, 'readwrite')).put(id, 'current'));
}

export function newNotebookId(): string {
  return `nb-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

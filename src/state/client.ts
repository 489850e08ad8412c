/** The page's handle on the worker: the typed comlink proxy of lib/api.ts. */
import * as Comlink from 'comlink';
import type { ClienteleApi } from '../lib/api';

export type Client = Comlink.Remote<ClienteleApi>;

export function startWorker(): Client {
  const worker = new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module', name: 'clientele-duckdb' });
  return Comlink.wrap<ClienteleApi>(worker);
}

/** Wraps a callback so the worker can call it back across the thread boundary. */
export const callback = <T extends (...args: never[]) => unknown>(fn: T) => Comlink.proxy(fn);

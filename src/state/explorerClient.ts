/**
 * The explorer's half of the worker API (src/lib/explorerApi.ts) on the page's comlink proxy.
 * `ClienteleApi` takes it in once the worker implements every method; until then a method the
 * worker lacks answers as an outcome that says so, never a made-up number.
 */
import type { Outcome } from '../lib/api';
import type { ExplorerApi } from '../lib/explorerApi';
import { t } from '../lib/i18n';
import type { Client } from './client';

type Methods = { [K in keyof ExplorerApi]: (...args: Parameters<ExplorerApi[K]>) => ReturnType<ExplorerApi[K]> };

/** Calls one explorer method; a worker without it, or a call that throws, becomes an outcome. */
export async function callExplorer<K extends keyof ExplorerApi>(client: Client, method: K, ...args: Parameters<ExplorerApi[K]>): Promise<Awaited<ReturnType<ExplorerApi[K]>>> {
  const api = client as unknown as Methods;
  try {
    return (await (api[method] as (...a: unknown[]) => Promise<unknown>)(...args)) as Awaited<ReturnType<ExplorerApi[K]>>;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const missing = /not a function|undefined is not|Cannot read/i.test(message);
    const outcome: Outcome<never> = { ok: false, error: { code: missing ? 'unavailable' : 'worker', message: missing ? t('explorer.unavailable') : message } };
    return outcome as Awaited<ReturnType<ExplorerApi[K]>>;
  }
}

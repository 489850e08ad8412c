/**
 * The runner's lifetime-value arithmetic on a thread of its own (node:worker_threads), as the
 * page's is in a worker of its own. At 100M order lines (about 17M customers) each fit is minutes
 * of arithmetic; on the main thread it held back the progress lines on stderr for as long (2 min
 * 36 s without a word). The thread does not keep the process alive once the run is over, and a
 * thread that dies (out of memory) fails the fit with its error.
 */
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { ClvMath } from '../lib/clv/clvMath';
import { remoteMath, type MathThread } from '../lib/clv/remoteMath';

/** Started at once, so that reading TypeScript in the thread (a second or two) overlaps the run's reading of its inputs; `close` ends it. */
export function clvMathThread(): ClvMath & { close(): Promise<void> } {
  const { math, failed, worker } = start();
  return {
    fitAndPredict: (histories, horizon) => Promise.race([math.fitAndPredict(histories, horizon), failed]),
    fitAndExpect: (histories, units) => Promise.race([math.fitAndExpect(histories, units), failed]),
    close: async () => void (await worker.terminate()),
  };
}

function start() {
  // A thread does not inherit tsx's hooks: it registers them, then reads the TypeScript module.
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const module = JSON.stringify(new URL('./clvMath.thread.ts', import.meta.url).href);
  const worker = new Worker(`import(${tsx}).then(({ register }) => { register(); return import(${module}); })`, { eval: true });
  worker.unref();
  const failed = new Promise<never>((_, reject) => worker.once('error', reject));
  failed.catch(() => undefined);
  return { math: remoteMath(Comlink.wrap<MathThread>(nodeEndpoint(worker))), failed, worker };
}

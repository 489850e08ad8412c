/**
 * The page's worker hands the lifetime-value fit's arithmetic (src/lib/clv/clvMath.ts) to a
 * worker of its own, started on the first fit: at 1M orders the models take seconds, and the
 * page's worker meanwhile answers the explorer (a customer's report) and cancels. Where there are
 * no workers (Node: the tests), the arithmetic runs in place.
 */
import * as Comlink from 'comlink';
import { localMath, type ClvMath } from '../lib/clv/clvMath';
import { getLocale } from '../lib/i18n';
import { Said } from '../lib/said';

type Remote = ClvMath & { setLocale(locale: string): void };

let math: ClvMath | undefined;

export function clvMathThread(): ClvMath {
  if (typeof Worker === 'undefined') return localMath;
  if (math) return math;
  const remote = Comlink.wrap<Remote>(new Worker(new URL('./clvMath.worker.ts', import.meta.url), { type: 'module', name: 'clientele-clv' }));
  // A sentence for the reader crosses as a plain Error with its name: it is one again here.
  const call = async <T>(work: () => Promise<T>): Promise<T> => {
    await remote.setLocale(getLocale());
    try {
      return await work();
    } catch (e) {
      throw (e as Error).name === 'Said' ? new Said((e as Error).message) : e;
    }
  };
  math = {
    fitAndPredict: (histories, horizon) => call(() => remote.fitAndPredict(histories, horizon)),
    fitAndExpect: (histories, units) => call(() => remote.fitAndExpect(histories, units)),
  };
  return math;
}

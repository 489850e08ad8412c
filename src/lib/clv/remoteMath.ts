/**
 * A ClvMath whose arithmetic runs on another thread (the page's worker, src/worker/clvMathThread.ts;
 * the runner's, src/cli/clvMathThread.ts): the thread is told the language before each call, so its
 * sentences (a series that does not converge) read as the caller's, and such a sentence, which
 * crosses as a plain Error with its name, is a Said again on this side.
 */
import type { ClvMath } from './clvMath';
import { getLocale } from '../i18n';
import { Said } from '../said';

/** What the thread exposes: the arithmetic, and the language to write its sentences in. */
export type MathThread = {
  [K in keyof ClvMath]: (...args: Parameters<ClvMath[K]>) => Promise<Awaited<ReturnType<ClvMath[K]>>>;
} & { setLocale(locale: string): unknown };

export function remoteMath(remote: MathThread): ClvMath {
  const call = async <T>(work: () => Promise<T>): Promise<T> => {
    await remote.setLocale(getLocale());
    try {
      return await work();
    } catch (e) {
      throw (e as Error).name === 'Said' ? new Said((e as Error).message) : e;
    }
  };
  return {
    fitAndPredict: (histories, horizon) => call(() => remote.fitAndPredict(histories, horizon)),
    fitAndExpect: (histories, units) => call(() => remote.fitAndExpect(histories, units)),
  };
}

/**
 * The page's worker hands the lifetime-value fit's arithmetic (src/lib/clv/clvMath.ts) to a
 * worker of its own, started on the first fit: at 1M orders the models take seconds, and the
 * page's worker meanwhile answers the explorer (a customer's report) and cancels. Where there are
 * no workers (Node: the tests), the arithmetic runs in place.
 */
import * as Comlink from 'comlink';
import { localMath, type ClvMath } from '../lib/clv/clvMath';
import { remoteMath, type MathThread } from '../lib/clv/remoteMath';

let math: ClvMath | undefined;

export function clvMathThread(): ClvMath {
  if (typeof Worker === 'undefined') return localMath;
  math ??= remoteMath(Comlink.wrap<MathThread>(new Worker(new URL('./clvMath.worker.ts', import.meta.url), { type: 'module', name: 'clientele-clv' })));
  return math;
}

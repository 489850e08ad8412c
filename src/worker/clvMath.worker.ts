/**
 * The lifetime-value fit's arithmetic in a worker of its own (src/worker/clvMathThread.ts). Its
 * sentences (a series that does not converge) are written in the page's language, told before each fit.
 */
import * as Comlink from 'comlink';
import { localMath } from '../lib/clv/clvMath';
import { setLocale } from '../lib/i18n';

Comlink.expose({ ...localMath, setLocale });

/** The runner's lifetime-value arithmetic, on its own thread (src/cli/clvMathThread.ts). */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { localMath } from '../lib/clv/clvMath';
import { setLocale } from '../lib/i18n';

Comlink.expose({ ...localMath, setLocale }, nodeEndpoint(parentPort!));

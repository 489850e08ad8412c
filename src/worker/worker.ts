/** The web worker that owns DuckDB; the page reaches it only through comlink and src/lib/api.ts. */
import * as Comlink from 'comlink';
import { Engine } from './engine';

Comlink.expose(new Engine());

/** Opens DuckDB-WASM once per test file, loads the shared store, and runs modules by id. */
import { afterAll, beforeAll } from 'vitest';
import { readCatalog } from '../../src/cli/readModules';
import { runModule, type ParamValues } from '../../src/lib/runModule';
import { loadTables } from '../support/loadTables';
import { openWasmDb, type WasmDb } from '../support/wasmDb';
import { period, store } from './storeFixture';

export function goldenSuite() {
  const catalog = readCatalog();
  let db: WasmDb;
  beforeAll(async () => {
    db = await openWasmDb();
    await loadTables(db, store, period);
  });
  afterAll(() => db.close());
  return (id: string, params: ParamValues = {}) => {
    const module = catalog.current.find((m) => m.id === id);
    if (!module) throw new Error(`no module ${id}`);
    return runModule(db, module, params);
  };
}

/**
 * `npm run sample:snapshot`: computes the sample store's default notebook with the current
 * query modules (native DuckDB) and writes static/sample/notebook.json. Run it after
 * `npm run sample` or after changing a module; a unit test fails while it is stale.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadFiles } from '../cli/loadFiles';
import { openNativeDb } from '../cli/nativeDb';
import { readCatalog } from '../cli/readModules';
import { buildSnapshot } from './notebookSnapshot';

export const sampleDir = fileURLToPath(new URL('../../static/sample/', import.meta.url));
export const snapshotPath = `${sampleDir}notebook.json`;

export async function snapshotOfShippedSample() {
  const db = await openNativeDb();
  try {
    // One thread: sums then add up in one order, so the snapshot is the same on every run.
    await db.exec('set threads = 1');
    const files = readdirSync(sampleDir).filter((f) => f.endsWith('.parquet')).map((f) => `${sampleDir}${f}`);
    const loaded = await loadFiles(db, files);
    return await buildSnapshot(db, readCatalog().current, [...loaded.columns.keys()]);
  } finally {
    db.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const snapshot = await snapshotOfShippedSample();
  writeFileSync(snapshotPath, `${JSON.stringify(snapshot)}\n`);
  console.log(`wrote ${snapshotPath}: ${Object.keys(snapshot.cells).length} cells for ${snapshot.period.start} – ${snapshot.period.end}`);
}

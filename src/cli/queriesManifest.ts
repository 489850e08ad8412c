/**
 * `npm run queries:manifest` records each module's version and fingerprint in
 * queries/versions.json. It refuses to record a changed module whose version did not change:
 * a module that changes meaning needs a new version, and its old file stays as id@N.sql.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { updateManifest, type Manifest } from './moduleManifest';
import { queriesDir, readModuleFiles } from './readModules';

const path = join(queriesDir, 'versions.json');
const old: Manifest = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
const { manifest, refused } = updateManifest(old, readModuleFiles());

writeFileSync(path, JSON.stringify(manifest, null, 2) + '\n');
if (refused.length) {
  console.error(refused.join('\n'));
  process.exit(1);
}
console.log(`Recorded ${Object.keys(manifest).length} modules in ${path}`);

/**
 * `npm run queries:manifest` records each module's version and fingerprint in
 * queries/versions.json. It refuses to record a changed module whose version did not change:
 * a module that changes meaning needs a new version, and its old file stays as id@N.sql.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseQueryModule } from '../lib/queryModule';
import { moduleFingerprint } from './moduleFingerprint';
import { queriesDir, readModuleFiles } from './readModules';

const path = join(queriesDir, 'versions.json');
const old: Record<string, { version: number; sha256: string }> = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
const next: typeof old = {};
const refused: string[] = [];

for (const [file, text] of Object.entries(readModuleFiles()).sort(([a], [b]) => a.localeCompare(b))) {
  const module = parseQueryModule(file, text);
  const key = /@\d+\.sql$/.test(file) ? `${module.id}@${module.version}` : module.id;
  const entry = { version: module.version, sha256: moduleFingerprint(text) };
  const before = old[key];
  if (before && before.version === entry.version && before.sha256 !== entry.sha256) {
    refused.push(`${file}: changed without a new version. Copy the committed file to ${module.id}@${before.version}.sql, then bump "version:" in ${file}.`);
    next[key] = before;
  } else next[key] = entry;
}

writeFileSync(path, JSON.stringify(next, null, 2) + '\n');
if (refused.length) {
  console.error(refused.join('\n'));
  process.exit(1);
}
console.log(`Recorded ${Object.keys(next).length} modules in ${path}`);

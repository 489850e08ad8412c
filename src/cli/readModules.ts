/** Reads queries/ from disk into a module catalog (Node: the command-line runner and tests). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog, type ModuleCatalog } from '../lib/moduleCatalog';

export const queriesDir = fileURLToPath(new URL('../../queries', import.meta.url));

export function readModuleFiles(dir = queriesDir): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.sql')) files[relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return files;
}

export const readCatalog = (dir = queriesDir): ModuleCatalog => buildCatalog(readModuleFiles(dir));

/**
 * queries/versions.json: for every module file, the version it declares and a fingerprint of
 * its text. A current module is keyed by its id, a retired one (`<id>@<n>.sql`) by `id@n`.
 * Pure, so the manifest script and the contract test agree on what "changed" means.
 */
import { parseQueryModule } from '../lib/queryModule';
import { moduleFingerprint } from './moduleFingerprint';

export type Manifest = Record<string, { version: number; sha256: string }>;

export const isRetired = (file: string): boolean => /@\d+\.sql$/.test(file);
const shown = (file: string) => `queries/${file.replace(/\\/g, '/')}`;

export function manifestKey(file: string, text: string): string {
  const module = parseQueryModule(file, text);
  return isRetired(file) ? `${module.id}@${module.version}` : module.id;
}

/** The sentence a changed module gets, from the contract test and from the manifest script. */
export function changedMessage(file: string, id: string, recordedVersion: number): string {
  if (isRetired(file)) return `${shown(file)} changed; a retired version must stay as it was: restore it from git`;
  return `${shown(file)} changed; bump its version and keep the old file as ${id}@${recordedVersion}.sql (then npm run queries:manifest)`;
}

/**
 * The manifest for `files` (path below queries/ -> text). Reported in `refused`: an entry whose
 * fingerprint changed while its version did not (it keeps its old value), and a newly kept
 * `<id>@<n>.sql` that is not the text recorded for version n (it is not recorded).
 */
export function updateManifest(old: Manifest, files: Record<string, string>): { manifest: Manifest; refused: string[] } {
  const manifest: Manifest = {};
  const refused: string[] = [];
  for (const [file, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const module = parseQueryModule(file, text);
    const key = manifestKey(file, text);
    const entry = { version: module.version, sha256: moduleFingerprint(text) };
    const before = old[key];
    // A newly retired file must be the text recorded for that version while it was current.
    const wasCurrent = isRetired(file) && !before && old[module.id]?.version === module.version ? old[module.id] : undefined;
    if (before && before.version === entry.version && before.sha256 !== entry.sha256) {
      refused.push(changedMessage(file, module.id, before.version));
      manifest[key] = before;
    } else if (wasCurrent && wasCurrent.sha256 !== entry.sha256) {
      refused.push(`${shown(file)} is not the recorded version ${module.version} of ${module.id}: copy it from git as it was committed`);
    } else manifest[key] = entry;
  }
  return { manifest, refused };
}

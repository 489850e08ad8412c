/**
 * A module's fingerprint: sha256 of its text with line endings and trailing spaces normalised.
 * The header's `better:` line is left out: it says which way the headline should move, not
 * what the module computes, so adding or correcting it needs no new version.
 */
import { createHash } from 'node:crypto';

const betterLine = /^--\s*better:/;

export function moduleFingerprint(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trimEnd());
  const headerEnd = lines.findIndex((l) => !l.trimStart().startsWith('--'));
  const kept = lines.filter((l, i) => !(betterLine.test(l.trimStart()) && (headerEnd === -1 || i < headerEnd)));
  return createHash('sha256').update(kept.join('\n').trim()).digest('hex');
}

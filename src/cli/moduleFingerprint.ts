/** A module's fingerprint: sha256 of its text with line endings and trailing spaces normalised. */
import { createHash } from 'node:crypto';

export function moduleFingerprint(text: string): string {
  const normal = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trimEnd()).join('\n').trim();
  return createHash('sha256').update(normal).digest('hex');
}

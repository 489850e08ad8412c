/**
 * The key a user's mapping correction is remembered under: the file's headers, folded and
 * in order, hashed (FNV-1a) so it is short enough for a storage key. Files with the same
 * headers (next month's export) get the same key; a renamed or added column gives a new one.
 */
import { foldHeader } from './fold';

export function headerSignature(headers: string[]): string {
  const text = headers.map(foldHeader).join('\u001f');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `h${headers.length}-${hash.toString(16).padStart(8, '0')}`;
}

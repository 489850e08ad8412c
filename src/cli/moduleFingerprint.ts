/**
 * A module's fingerprint: sha256 of what decides its result, so that a change of meaning needs a
 * new version and a change of words does not. It covers the header's `id`, `version`, `needs`,
 * `columns`, `param`, `uses` lines and the headline's column, and the SQL without its comment-only lines.
 * Left out: the title, the definition, `view`, the headline's format, `better`, `show` and
 * `input`, which say how the result reads (a range on a parameter only refuses values the module
 * was never meant to take).
 */
import { createHash } from 'node:crypto';

const headerLine = /^--\s*([a-z_]+):\s*(.*)$/;
const computing = new Set(['id', 'version', 'needs', 'columns', 'param', 'uses']);

export function moduleFingerprint(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim());
  const headerEnd = lines.findIndex((l) => !l.startsWith('--'));
  const header = headerEnd === -1 ? lines : lines.slice(0, headerEnd);
  const kept: string[] = [];
  for (const line of header) {
    const m = headerLine.exec(line);
    if (!m) continue;
    if (computing.has(m[1])) kept.push(`${m[1]}: ${m[2].trim()}`);
    else if (m[1] === 'headline') kept.push(`headline: ${m[2].trim().split(/\s+/)[0]}`);
  }
  const sql = headerEnd === -1 ? [] : lines.slice(headerEnd).filter((l) => l !== '' && !l.startsWith('--'));
  return createHash('sha256').update([...kept, '', ...sql].join('\n')).digest('hex');
}

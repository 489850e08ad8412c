/**
 * Header names a person can pick from: a blank header becomes "column 3", a repeated one
 * "Total (2)"; each change is a notice so the user knows why the names differ from the file.
 */
import { t } from '../../lib/i18n';
import type { Notice } from './types';

export function uniqueHeaders(raw: string[]): { headers: string[]; notices: Notice[] } {
  const notices: Notice[] = [];
  const seen = new Map<string, number>();
  const headers = raw.map((h, i) => {
    let name = h.trim();
    if (name === '') {
      name = `column ${i + 1}`;
      notices.push({ code: 'header-blank', column: name, message: t('ingest.headerBlank', { index: String(i + 1), name }) });
    }
    const key = name.toLowerCase();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count > 1) {
      const renamed = `${name} (${count})`;
      notices.push({ code: 'header-duplicate', column: renamed, message: t('ingest.headerDuplicate', { name, index: String(i + 1), renamed }) });
      name = renamed;
    }
    return name;
  });
  return { headers, notices };
}

/** Internal column names of the raw table: c1, c2, ... (no user text in SQL). */
export const rawColumn = (index: number) => `c${index + 1}`;

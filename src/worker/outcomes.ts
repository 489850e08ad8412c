/** Outcomes for the worker API, and DuckDB's errors turned into sentences for them. */
import type { Outcome, WorkerError } from '../lib/api';
import { t, type MessageKey } from '../lib/i18n';
import { Said } from '../lib/said';

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = (code: string, message: string, where?: string): Outcome<never> => ({ ok: false, error: { code, message, where } });

/**
 * The error's sentence. DuckDB 1.4 sends some errors as JSON
 * ({"exception_type":"Catalog","exception_message":"..."}); those become "Catalog Error: ...".
 */
export function messageOf(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  if (!text.startsWith('{')) return text;
  try {
    const parsed = JSON.parse(text) as { exception_type?: string; exception_message?: string };
    return parsed.exception_message ? `${parsed.exception_type ?? ''} Error: ${parsed.exception_message}`.trim() : text;
  } catch {
    return text;
  }
}

export function firstLine(text: string): string {
  return text.split('\n')[0];
}

const sqlSentences: Record<string, MessageKey> = { 'sql-syntax': 'worker.sqlSyntax', 'sql-name': 'worker.sqlName', sql: 'worker.sqlOther' };

/**
 * A failed query as a sentence in the reader's language: what went wrong and what to do, with
 * DuckDB's own first line (less its "X Error: " boilerplate) as the detail, since DuckDB's
 * English cannot be translated reliably. An error that is already our sentence (`Said`) passes as it is.
 */
export function sqlError(e: unknown): WorkerError {
  if (e instanceof Said) return { code: 'sql', message: e.message };
  const text = messageOf(e);
  const detail = firstLine(text).replace(/^(\w+ )?Error: /, '');
  const kind = /^(\w+) Error/.exec(text)?.[1];
  const code = kind === 'Parser' ? 'sql-syntax' : kind === 'Binder' || kind === 'Catalog' ? 'sql-name' : 'sql';
  const key = /out of memory/i.test(detail) ? 'worker.sqlMemory' : sqlSentences[code];
  return { code, message: t(key, { detail }) };
}

/** Outcomes for the worker API, and DuckDB's errors turned into sentences for them. */
import type { Outcome, WorkerError } from '../lib/api';

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

/** DuckDB's message, less its boilerplate, plus the line and column when it gives a position. */
export function sqlError(e: unknown): WorkerError {
  const text = messageOf(e);
  const message = firstLine(text).replace(/^(\w+ )?Error: /, '');
  const kind = /^(\w+) Error/.exec(text)?.[1];
  return { code: kind === 'Parser' ? 'sql-syntax' : kind === 'Binder' || kind === 'Catalog' ? 'sql-name' : 'sql', message };
}

/**
 * JSON (an array of objects, or one object per line) into the raw table. Parsed here rather
 * than by DuckDB's insertJSONFromPath, which does not take newline-delimited JSON; nested
 * values are kept as JSON text.
 */
import { t } from '../../lib/i18n';
import type { Column } from '../../lib/db';
import { readBytes } from './bytes';
import { rawFromTable } from './rawFromTable';
import type { IngestHost } from './types';

export type JsonRead = { ok: true; headers: string[]; rows: number } | { ok: false; line?: number; detail: string };

export async function readJson(host: IngestHost, data: Uint8Array | Blob, raw: string): Promise<JsonRead> {
  const text = new TextDecoder('utf-8').decode(await readBytes(data)).replace(/^\uFEFF/, '');
  const parsed = parseRecords(text);
  if (!parsed.ok) return parsed;
  const keys = [...new Set(parsed.records.flatMap((r) => Object.keys(r)))];
  if (keys.length === 0) return { ok: true, headers: [], rows: 0 };
  const columns: Record<string, Column> = {};
  for (const key of keys) columns[key] = parsed.records.map((r) => asText(r[key]));
  await host.insertColumns(`${raw}_typed`, columns);
  return { ok: true, headers: await rawFromTable(host, `${raw}_typed`, raw), rows: parsed.records.length };
}

type Parsed = { ok: true; records: Record<string, unknown>[] } | { ok: false; line?: number; detail: string };

function parseRecords(text: string): Parsed {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const value = JSON.parse(trimmed);
      const records = Array.isArray(value) ? value : [];
      if (records.some((r) => r === null || typeof r !== 'object' || Array.isArray(r))) return { ok: false, detail: t('ingest.jsonNotObjects') };
      return { ok: true, records };
    } catch (e) {
      return { ok: false, detail: String((e as Error).message) };
    }
  }
  const records: Record<string, unknown>[] = [];
  const lines = trimmed.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    try {
      const value = JSON.parse(lines[i]);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, line: i + 1, detail: t('ingest.jsonLineNotObject') };
      records.push(value);
    } catch {
      return { ok: false, line: i + 1, detail: t('ingest.jsonLineInvalid') };
    }
  }
  return { ok: true, records };
}

const asText = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : String(v));

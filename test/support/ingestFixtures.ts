/** Reads a file of the ingestion corpus (test/fixtures/ingest) and ingests it; helpers to look at the result. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Row } from '../../src/lib/db';
import { ingest } from '../../src/worker/ingest/ingest';
import type { IngestError, IngestHost, IngestOptions, Loaded, NeedsMapping } from '../../src/worker/ingest/types';

export const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url)));

export async function loaded(host: IngestHost, name: string, options?: IngestOptions, schema?: string): Promise<Loaded> {
  const out = await ingest(host, { name, data: fixture(name) }, options, schema);
  if (!out.ok) throw new Error(`${name}: ${out.error.message}`);
  expect(out.value.status).toBe('loaded');
  return out.value as Loaded;
}

export async function asked(host: IngestHost, name: string, options?: IngestOptions): Promise<NeedsMapping> {
  const out = await ingest(host, { name, data: fixture(name) }, options);
  if (!out.ok) throw new Error(`${name}: ${out.error.message}`);
  expect(out.value.status).toBe('needs-mapping');
  return out.value as NeedsMapping;
}

export async function failed(host: IngestHost, name: string, data: Uint8Array = fixture(name)): Promise<IngestError> {
  const out = await ingest(host, { name, data });
  if (out.ok) throw new Error(`${name} loaded, expected an error`);
  return out.error;
}

/** The rows a file put into base.<table>, in a stable order, without the source column. */
export async function rowsFrom(host: IngestHost, value: Loaded, columns: string, schema = 'base'): Promise<Row[]> {
  return host.rows(`select ${columns} from ${schema}.${value.table} where source_file = ? order by all`, [value.sourceId]);
}

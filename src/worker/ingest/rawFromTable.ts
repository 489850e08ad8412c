/** A typed table (from Parquet or JSON) recast as the raw table every mapping reads: c1..cN VARCHAR. */
import { quoteIdent } from '../../lib/db';
import { rawColumn } from './headers';
import type { IngestHost } from './types';

export async function rawFromTable(host: IngestHost, typed: string, raw: string): Promise<string[]> {
  const cols = await host.rows(
    'select column_name from information_schema.columns where table_schema = current_schema() and table_name = ? order by ordinal_position',
    [typed],
  );
  const headers = cols.map((c) => String(c.column_name));
  const select = headers.map((h, i) => `cast(${quoteIdent(h)} as varchar) as ${rawColumn(i)}`).join(', ');
  await host.exec(`create or replace table ${quoteIdent(raw)} as select ${select} from ${quoteIdent(typed)}`);
  await host.exec(`drop table if exists ${quoteIdent(typed)}`);
  return headers;
}

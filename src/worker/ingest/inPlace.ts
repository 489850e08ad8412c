/**
 * A source read where it lies (a folder of Parquet files, a table of an attached database) as
 * a view `<schema>.<table>` instead of a copy: the same recognition and mapping as a dropped
 * file (src/lib/mapping), the same number and date formats decided from every value of a text
 * column, and the same rules once values are typed (canonicalRowsSql in transform.ts: refunds,
 * credit notes, status words, guests, rows set aside). Typed columns are cast straight to the
 * canonical type, which is what the page gets from them through text. Differences from a file:
 * rows set aside are counted, not kept for listing, and unreadable values are not reported
 * one by one.
 */
import { canonicalTables, type ColumnType } from '../../lib/canonical';
import { quoteIdent, type Db } from '../../lib/db';
import { recognise } from '../../lib/mapping/recognise';
import type { ColumnMapping } from '../../lib/mapping/types';
import { columnFacts } from './columnFacts';
import { decideFormats } from './formats';
import { rawColumn } from './headers';
import { ingestError } from './messages';
import { blank, numberSql, valueSql } from './parseSql';
import { statusClassSql } from './statusSql';
import { canonicalRowsSql, checkedColumns } from './transform';
import type { ColumnFormat, IngestHost, IngestOptions, IngestOutcome, Notice } from './types';

export interface InPlaceSource {
  /** How it is named to the user and matched by a mapping file's `file`: a folder's name, a table's name. */
  name: string;
  /** What DuckDB selects from: `read_parquet([...])`, or a table of an attached database. */
  relation: string;
  /** The same relation with a unique line number `_line` (1-based), for orders without an order id. */
  numbered: string;
  kind: 'parquet' | 'database';
}

const numericTypes = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*)$/;
const timeTypes = /^(DATE|TIMESTAMP.*)$/;
// A status column with more distinct values than this is classed per row instead of by a lookup.
const statusLookupLimit = 500;
let views = 0;

type InPlaceOptions = Pick<IngestOptions, 'mapping' | 'remembered' | 'dateOrder'>;

/** Creates the view, or returns the page's question (needs-mapping) when the source is not clearly one table. */
export async function readInPlace(host: IngestHost, source: InPlaceSource, options: InPlaceOptions = {}, schema = 'base'): Promise<IngestOutcome> {
  const described = await host.rows(`select column_name as name, column_type as type from (describe select * from ${source.relation})`);
  const headers = described.map((d) => String(d.name));
  const types = new Map(described.map((d) => [String(d.name), String(d.type)]));
  const sample = `_inplace_sample_${++views}`;
  const cells = headers.map((h, i) => `cast(${quoteIdent(h)} as varchar) as ${rawColumn(i)}`).join(', ');
  // Recognition looks at the first rows only (columnFacts): those, as text, are all that is copied.
  await host.exec(`create or replace temp table ${sample} as select ${cells} from ${source.relation} limit 1000`);
  const proposal = recognise(headers, source.name, await columnFacts(host, sample, headers.length));
  await host.exec(`drop table if exists ${sample}`);
  const chosen = options.mapping ?? options.remembered?.[proposal.signature];
  const mapping = chosen ?? proposal.guesses[0]?.mapping;
  const dialect = { kind: source.kind === 'parquet' ? ('parquet' as const) : ('csv' as const), formats: {} as Record<string, ColumnFormat> };
  if (!mapping || (!chosen && proposal.decision === 'ask')) {
    return { ok: true, value: { status: 'needs-mapping', file: source.name, headers, proposal, preview: [], dialect, warnings: [] } };
  }
  const unknown = Object.values(mapping.columns).find((h) => !headers.includes(h));
  if (unknown !== undefined) return { ok: false, error: ingestError('mapping-invalid', source.name, { column: unknown }) };

  const notices: Notice[] = [];
  const text = await textFormats(host, source, mapping, types, options.dateOrder ?? 'dmy');
  if (!text.ok) return { ok: false, error: ingestError('date-order-mixed', source.name, { column: text.column, text: text.example }) };
  dialect.formats = text.formats;
  notices.push(...text.notices);
  const statusLookup = await statusSql(host, source, mapping);
  const staging = stagingInPlace(source, mapping, types, text.formats, statusLookup);
  const table = mapping.table;
  const columns = canonicalTables[table].columns.map((c) => quoteIdent(c.name)).join(', ');
  const sourceId = `${table}:${source.name}`;
  await host.exec(`create schema if not exists ${quoteIdent(schema)}`);
  await host.exec(`create or replace view ${quoteIdent(schema)}.${quoteIdent(table)} as select ${columns}, '${sourceId.replace(/'/g, "''")}' as source_file from (${staging}) where _reason is null`);
  const counted = await host.rows(
    `select _reason as reason, count(*)::double as n${table === 'orders' ? `,
            count(distinct order_id) filter (where customer_id is null)::double as guests,
            count(distinct order_id) filter (where refund > 0 or status in ('refunded', 'cancelled'))::double as refunds` : ''}
     from (${staging}) group by _reason order by n desc, reason`,
  );
  const loaded = counted.find((r) => r.reason === null);
  const rowsLoaded = Number(loaded?.n ?? 0);
  return {
    ok: true,
    value: {
      status: 'loaded',
      file: source.name,
      sourceId,
      table,
      mapping,
      signature: proposal.signature,
      headers,
      rowsLoaded,
      tableRows: rowsLoaded,
      ...(table === 'orders' ? { guestOrders: Number(loaded?.guests ?? 0), refundOrders: Number(loaded?.refunds ?? 0) } : {}),
      setAside: counted.filter((r) => r.reason !== null).map((r) => ({ reason: String(r.reason), rows: Number(r.n) })),
      preview: [],
      dialect,
      warnings: notices,
    },
  };
}

/** Number and date formats of the mapped text columns, decided from all their values as for a file. */
async function textFormats(host: IngestHost, source: InPlaceSource, mapping: ColumnMapping, types: Map<string, string>, order: 'dmy' | 'mdy') {
  const canonical = new Map<string, ColumnType>(canonicalTables[mapping.table].columns.map((c) => [c.name, c.type]));
  canonical.set('unit_price', 'DOUBLE');
  const questions = Object.entries(mapping.columns)
    .filter(([column, header]) => canonical.has(column) && canonical.get(column) !== 'VARCHAR' && canonical.get(column) !== 'BOOLEAN' && types.get(header) === 'VARCHAR')
    .map(([column, header]) => ({ key: column, header, raw: quoteIdent(header), type: canonical.get(column)! }));
  if (!questions.length) return { ok: true as const, formats: {}, notices: [] };
  const view = `_inplace_text_${++views}`;
  await host.exec(`create or replace temp view ${view} as select * from ${source.relation}`);
  try {
    return await decideFormats(host, view, questions, order, source.name);
  } finally {
    await host.exec(`drop view if exists ${view}`);
  }
}

/**
 * The status column classed as ingestion classes it (statusClassSql), as a lookup of its few
 * distinct values written into the view: a regex per row on every scan would be paid by every KPI.
 * Also the short way's (direct.ts), for the same reason at load.
 */
export async function statusSql(host: Db, source: InPlaceSource, mapping: ColumnMapping): Promise<((v: string) => string) | undefined> {
  const header = mapping.table === 'orders' ? mapping.columns.status : undefined;
  if (header === undefined) return undefined;
  const v = `cast(${quoteIdent(header)} as varchar)`;
  const distinct = await host.rows(`select v, ${statusClassSql('v')} as class from (select distinct ${v} as v from ${source.relation} limit ${statusLookupLimit + 1}) where v is not null`);
  if (distinct.length > statusLookupLimit) return (cell) => statusClassSql(cell);
  const literal = (s: unknown) => (s === null ? 'null' : `'${String(s).replace(/'/g, "''")}'`);
  const arms = distinct.map((r) => `when ${literal(r.v)} then ${literal(r.class)}`).join(' ');
  return (cell) => (arms ? `(case ${cell} ${arms} end)` : 'null::varchar');
}

/** A typed column as the canonical type; a text column read with its decided format, as from a file. */
function canonicalValue(column: string, sourceType: string, type: ColumnType, format: ColumnFormat | undefined): string {
  const c = quoteIdent(column);
  if (type === 'VARCHAR') return blank(sourceType === 'VARCHAR' ? c : `cast(${c} as varchar)`);
  if (sourceType === type) return c;
  if ((type === 'DOUBLE' && numericTypes.test(sourceType)) || ((type === 'TIMESTAMP' || type === 'DATE') && timeTypes.test(sourceType))) return `cast(${c} as ${type})`;
  if (type === 'INTEGER' && numericTypes.test(sourceType)) return `cast(round(${c}) as integer)`;
  return valueSql(sourceType === 'VARCHAR' ? c : `cast(${c} as varchar)`, type, format);
}

/**
 * The canonical rows of a typed relation, by the rules of a file's staging (transform.ts); also
 * the short way's (direct.ts) for files whose columns are canonical already.
 */
export function stagingInPlace(source: InPlaceSource, mapping: ColumnMapping, types: Map<string, string>, formats: Record<string, ColumnFormat>, status?: (v: string) => string): string {
  const header = (column: string) => mapping.columns[column];
  const numbered = mapping.table === 'orders' && header('order_id') === undefined;
  const typed = canonicalTables[mapping.table].columns.map((c) => {
    const h = header(c.name);
    if (h === undefined && numbered && c.name === 'order_id') return `'#' || _line as order_id`;
    if (h === undefined) return `null::${c.type} as ${quoteIdent(c.name)}`;
    const v = `cast(${quoteIdent(h)} as varchar)`;
    if (c.name === 'customer_id' && mapping.guestIds?.length) {
      const guests = mapping.guestIds.map((g) => `'${g.replace(/'/g, "''")}'`).join(', ');
      return `(case when trim(${v}) in (${guests}) then null else ${blank(v)} end) as customer_id`;
    }
    if (c.name === 'status' && status) return `${status(v)} as status`;
    if (mapping.table === 'surveys' && c.name === 'kind') return `lower(${blank(v)}) as kind`;
    return `${canonicalValue(h, types.get(h)!, c.type, formats[c.name])} as ${quoteIdent(c.name)}`;
  });
  const extra: string[] = [];
  if (mapping.table === 'orders') {
    const price = header('unit_price');
    const priceType = price === undefined ? undefined : types.get(price);
    const unitPrice = price === undefined ? 'null::double' : priceType === 'VARCHAR' ? numberSql(quoteIdent(price), formats.unit_price && 'decimal' in formats.unit_price ? formats.unit_price.decimal : '.') : `cast(${quoteIdent(price)} as double)`;
    extra.push(`${unitPrice} as _unit_price`);
  }
  for (const c of checkedColumns(mapping)) extra.push(`nullif(trim(cast(${quoteIdent(header(c)!)} as varchar)), '') is not null as ${quoteIdent(`_has_${c}`)}`);
  const level1 = `select ${numbered ? '_line' : 'null::bigint'} as _row, ${[...typed, ...extra].join(', ')} from ${numbered ? source.numbered : source.relation}`;
  return canonicalRowsSql(level1, mapping, (c) => header(c) !== undefined);
}


/**
 * The SQL that turns the raw VARCHAR table into rows of a canonical table, following a
 * mapping and the column formats. For orders it also works out line revenue (quantity x unit
 * price when there is no total), refunds and cancellations (status, negative quantity or
 * amount, credit-note invoice prefix: kept with revenue 0 or a refund, never as sales), and
 * guest orders (no customer id: kept). Each staged row carries _reason when it is set aside.
 */
import { t, type MessageKey } from '../../lib/i18n';
import { canonicalTables } from '../../lib/canonical';
import { quoteIdent } from '../../lib/db';
import type { ColumnMapping } from '../../lib/mapping/types';
import { rawColumn } from './headers';
import { blank, numberSql, valueSql } from './parseSql';
import { statusClassSql } from './statusSql';
import type { ColumnFormat } from './types';

/** Why a row is set aside when a required column's value is missing, by the column's type (written in the reader's language). */
const blankReason: Record<string, MessageKey> = { DOUBLE: 'setAside.blankNumber', INTEGER: 'setAside.blankNumber', DATE: 'setAside.blankDate', TIMESTAMP: 'setAside.blankDate', VARCHAR: 'setAside.blankText', BOOLEAN: 'setAside.blankYesNo' };

/** `firstRows` limits the work to the file's first rows (for a preview). */
export function stagingSql(raw: string, mapping: ColumnMapping, headers: string[], formats: Record<string, ColumnFormat>, firstRows?: number): string {
  const cell = (column: string) => {
    const header = mapping.columns[column];
    const i = header === undefined ? -1 : headers.indexOf(header);
    return i < 0 ? undefined : rawColumn(i);
  };
  const table = canonicalTables[mapping.table];
  const typed = table.columns.map((c) => {
    const v = cell(c.name);
    // Without an order id (CDNOW's transactions) each line is an order of its own.
    if (!v && mapping.table === 'orders' && c.name === 'order_id') return `'#' || (rowid + 1) as order_id`;
    if (!v) return `null::${c.type} as ${quoteIdent(c.name)}`;
    if (c.name === 'customer_id' && mapping.guestIds?.length) {
      const guests = mapping.guestIds.map((g) => `'${g.replace(/'/g, "''")}'`).join(', ');
      return `(case when trim(${v}) in (${guests}) then null else ${blank(v)} end) as customer_id`;
    }
    if (c.name === 'status') return `${statusClassSql(v)} as status`;
    if (mapping.table === 'surveys' && c.name === 'kind') return `lower(${blank(v)}) as kind`;
    return `${valueSql(v, c.type, formats[c.name])} as ${quoteIdent(c.name)}`;
  });
  const price = cell('unit_price');
  const extra = mapping.table === 'orders' ? [`${price ? numberSql(price, decimalOf(formats.unit_price)) : 'null::double'} as _unit_price`] : [];
  // _has_<column>: the cell held text, so a NULL there means it could not be read (see unreadable.ts).
  const has = checkedColumns(mapping).map((c) => `nullif(trim(${cell(c)}), '') is not null as ${quoteIdent(`_has_${c}`)}`);
  extra.push(...has);
  // The raw table is written once in file order and never updated: rowid + 1 is the data row.
  const level1 = `select rowid + 1 as _row, ${[...typed, ...extra].join(', ')} from ${quoteIdent(raw)}${firstRows ? ` where rowid < ${Math.floor(firstRows)}` : ''}`;
  return canonicalRowsSql(level1, mapping, (c) => cell(c) !== undefined);
}

/**
 * The rules every source follows once its values are typed: orders' revenue, refunds, credit
 * notes and cancellations, and the reason a row is set aside. `level1` selects `_row`, every
 * canonical column of the table, `_unit_price` (orders) and `_has_<column>` for checkedColumns;
 * `mapped` says whether the source had the column. Shared by the file staging above and by
 * sources read in place (inPlace.ts).
 */
export function canonicalRowsSql(level1: string, mapping: ColumnMapping, mapped: (column: string) => boolean): string {
  const cell = (c: string) => (mapped(c) ? c : undefined);
  const table = canonicalTables[mapping.table];
  const body = mapping.table === 'orders' ? ordersSql(level1, mapping, cell) : `select * from (${level1})`;
  const reasons = table.columns
    .filter((c) => c.required && cell(c.name) && !(mapping.table === 'orders' && c.name === 'customer_id'))
    .map((c) => `when ${quoteIdent(c.name)} is null then ${sqlText(t(blankReason[c.type], { column: mapping.columns[c.name] }))}`);
  if (mapping.table === 'orders' && !cell('revenue') && cell('quantity') && cell('unit_price')) {
    reasons.push(`when revenue is null then ${sqlText(t('setAside.blankQuantityPrice', { quantity: mapping.columns.quantity, price: mapping.columns.unit_price }))}`);
  }
  const failed = mapping.table === 'orders' && cell('status') ? [`when status = 'failed' then ${sqlText(t('setAside.failedPayment'))}`] : [];
  const reason = reasons.length + failed.length ? `case ${[...reasons, ...failed].join(' ')} end` : 'null::varchar';
  return `select *, ${reason} as _reason from (${body})`;
}

function ordersSql(level1: string, mapping: ColumnMapping, cell: (c: string) => string | undefined): string {
  const gross = cell('revenue') ? 'revenue' : cell('quantity') && cell('unit_price') ? 'quantity * _unit_price' : 'revenue';
  const prefix = mapping.creditPrefix && cell('order_id') ? `or starts_with(order_id, ${sqlText(mapping.creditPrefix)})` : '';
  const credit = `(coalesce(quantity < 0, false) or coalesce(${gross} < 0, false) ${prefix})`;
  const refund = `case when ${credit} then abs(${gross})
      when coalesce(refund, 0) <> 0 then abs(refund)
      when status in ('refunded', 'cancelled') then abs(${gross})
      else 0 end`;
  const columns = canonicalTables.orders.columns.map((c) => {
    if (c.name === 'revenue') return `case when ${credit} then 0 else ${gross} end as revenue`;
    if (c.name === 'refund') return `${refund} as refund`;
    if (c.name === 'status') return `case when ${credit} then 'refunded' else status end as status`;
    if (c.name === 'quantity') return 'abs(quantity) as quantity';
    return quoteIdent(c.name);
  });
  const has = checkedColumns(mapping).map((c) => quoteIdent(`_has_${c}`));
  return `select _row, ${[...columns, ...has].join(', ')} from (${level1})`;
}

const decimalOf = (f: ColumnFormat | undefined) => (f && 'decimal' in f ? f.decimal : '.');
const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Typed columns whose unreadable cells are counted; orders' revenue and refund are derived, so not. */
export function checkedColumns(mapping: ColumnMapping): string[] {
  return canonicalTables[mapping.table].columns
    .filter((c) => c.type !== 'VARCHAR' && mapping.columns[c.name] !== undefined && !(mapping.table === 'orders' && (c.name === 'revenue' || c.name === 'refund')))
    .map((c) => c.name);
}

/**
 * Arrow tables to plain rows, normalised (see db.ts). Works by type id, never by
 * `instanceof`, so it reads tables from any copy of apache-arrow (the DuckDB-WASM Node
 * bundle loads its own through require()).
 */
import { DataType, type Table, type Field } from 'apache-arrow';
import type { Row, SqlValue } from './db';

type Convert = (v: unknown) => SqlValue;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function isoDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function isoTimestamp(ms: number): string {
  const d = new Date(ms);
  const base = `${isoDate(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return d.getUTCMilliseconds() ? `${base}.${pad(d.getUTCMilliseconds(), 3)}` : base;
}

const timestampDivisor = [1000, 1, 1 / 1000, 1 / 1_000_000]; // unit: s, ms, us, ns -> ms

/** A converter for one column's values, chosen once by its Arrow type. */
export function converterFor(field: Field): Convert {
  const t = field.type as DataType & { unit?: number; scale?: number };
  if (DataType.isDate(t)) return (v) => (v == null ? null : isoDate(Number(v)));
  if (DataType.isTimestamp(t)) {
    // apache-arrow 17 already returns milliseconds as a number; raw BigInt is in the type's unit.
    return (v) => {
      if (v == null) return null;
      const ms = typeof v === 'bigint' ? Number(v) / timestampDivisor[t.unit ?? 2] : Number(v);
      return isoTimestamp(ms);
    };
  }
  if (DataType.isDecimal(t)) return (v) => (v == null ? null : decimalToNumber(v, t.scale ?? 0));
  if (DataType.isInt(t) || DataType.isFloat(t)) return (v) => (v == null ? null : Number(v));
  if (DataType.isBool(t)) return (v) => (v == null ? null : Boolean(v));
  if (DataType.isUtf8(t) || DataType.isLargeUtf8(t)) return (v) => (v == null ? null : String(v));
  return (v) => (v == null ? null : typeof v === 'bigint' ? Number(v) : typeof v === 'object' ? JSON.stringify(v, bigintSafe) : (v as SqlValue));
}

function bigintSafe(_key: string, value: unknown) {
  return typeof value === 'bigint' ? Number(value) : value;
}

/** Arrow decimals arrive as little-endian 32-bit words (two's complement). */
function decimalToNumber(v: unknown, scale: number): number {
  if (typeof v === 'number' || typeof v === 'bigint') return Number(v) / 10 ** scale;
  const words = v as Uint32Array;
  let big = 0n;
  for (let i = words.length - 1; i >= 0; i--) big = (big << 32n) | BigInt(words[i] >>> 0);
  const bits = BigInt(words.length * 32);
  if (words[words.length - 1] & 0x80000000) big -= 1n << bits;
  return Number(big) / 10 ** scale;
}

/** All rows of an Arrow table as plain objects. Use only for results that fit a screen or a chart. */
export function arrowToRows(table: Table, limit = Infinity): Row[] {
  const fields = table.schema.fields;
  const columns = fields.map((f, i) => ({ name: f.name, convert: converterFor(f), vector: table.getChildAt(i)! }));
  const n = Math.min(table.numRows, limit);
  const rows: Row[] = new Array(n);
  for (let r = 0; r < n; r++) {
    const row: Row = {};
    for (const c of columns) row[c.name] = c.convert(c.vector.get(r));
    rows[r] = row;
  }
  return rows;
}

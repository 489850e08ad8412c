/** A buffered CSV writer: RFC 4180 quoting, empty field for NULL. */
import { closeSync, openSync, writeSync } from 'node:fs';

export type CsvValue = string | number | boolean | null;

export class CsvOut {
  private fd: number;
  private buffer: string[] = [];
  private size = 0;
  rows = 0;

  constructor(
    readonly path: string,
    header: string[],
  ) {
    this.fd = openSync(path, 'w');
    this.line(header);
  }

  write(values: CsvValue[]) {
    this.line(values);
    this.rows++;
  }

  close() {
    this.flush();
    closeSync(this.fd);
  }

  private line(values: CsvValue[]) {
    const text = values.map(field).join(',') + '\n';
    this.buffer.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }

  private flush() {
    writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }
}

function field(v: CsvValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(2);
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Milliseconds since the epoch to 'YYYY-MM-DD HH:MM:SS' (UTC arithmetic, no zone). */
export function timestamp(ms: number): string {
  const d = new Date(Math.floor(ms / 1000) * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function day(ms: number): string {
  return timestamp(ms).slice(0, 10);
}

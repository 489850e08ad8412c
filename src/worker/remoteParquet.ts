/**
 * A Parquet file at a URL, read by HTTP range requests through parquet-wasm: opening it
 * fetches the footer (schema, row groups); reading fetches only the byte ranges of the
 * requested columns, row group by row group, so a wide remote file is never downloaded whole.
 */
import { tableFromIPC } from 'apache-arrow';
import { ParquetFile } from 'parquet-wasm/esm';
import { parquetReady } from './parquet';

export interface RemoteParquet {
  /** The file's column names, from its footer. */
  columns: string[];
  rows: number;
  rowGroups: number;
  /** The named columns of every row, as an Arrow IPC stream; `onRows` when they are in. */
  read(columns: string[], onRows: (rows: number, total: number) => void): Promise<Uint8Array>;
  close(): void;
}

/**
 * Throws unless the server answers a suffix range ("the last 8 bytes") correctly: parquet-wasm
 * trusts what it gets, and a server that ignores the suffix form (Vite's preview server sends
 * the first 9 bytes) made it trap instead of failing. Cross-origin servers must also expose
 * Content-Range.
 */
async function checkRanges(url: string): Promise<void> {
  const probe = await fetch(url, { headers: { range: 'bytes=-8' }, credentials: 'omit' });
  const tail = new Uint8Array(await probe.arrayBuffer());
  const span = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(probe.headers.get('content-range') ?? '');
  const magic = String.fromCharCode(...tail.subarray(4));
  if (probe.status !== 206 || !span || Number(span[1]) !== Number(span[3]) - 8 || tail.length !== 8 || magic !== 'PAR1') {
    throw new Error(`${url} does not serve byte ranges`);
  }
}

export async function openRemoteParquet(url: string): Promise<RemoteParquet> {
  await checkRanges(url);
  await parquetReady();
  const file = await ParquetFile.fromUrl(url);
  const columns = tableFromIPC(file.schema().intoIPCStream()).schema.fields.map((f) => f.name);
  const meta = file.metadata();
  const rows = meta.fileMetadata().numRows();
  const rowGroups = meta.numRowGroups();
  return {
    columns,
    rows,
    rowGroups,
    async read(wanted, onRows) {
      // One read of every row group: parquet-wasm fetches each group's column chunks by range
      // and writes the IPC itself (re-encoding its batches with apache-arrow gave DuckDB-WASM
      // streams it trapped on, e.g. for the sample's customers file).
      const table = await file.read({ columns: wanted });
      onRows(rows, rows);
      return table.intoIPCStream();
    },
    close: () => file.free(),
  };
}

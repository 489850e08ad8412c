/** Parquet through parquet-wasm (no DuckDB extension offline) into the raw table. */
import { readBytes } from './bytes';
import { rawFromTable } from './rawFromTable';
import type { IngestHost } from './types';

export type ParquetRead = { ok: true; headers: string[] } | { ok: false; code: 'parquet-truncated' | 'parquet-unreadable'; detail: string };

export async function readParquet(host: IngestHost, data: Uint8Array | File, raw: string): Promise<ParquetRead> {
  const bytes = await readBytes(data);
  const tail = bytes.subarray(bytes.length - 4);
  // A whole Parquet file ends with its footer's magic; a cut-off download does not.
  if (bytes.length < 12 || String.fromCharCode(...tail) !== 'PAR1') return { ok: false, code: 'parquet-truncated', detail: '' };
  let ipc: Uint8Array;
  try {
    ipc = await host.decodeParquet(bytes);
  } catch (e) {
    return { ok: false, code: 'parquet-unreadable', detail: String((e as Error).message ?? e) };
  }
  await host.insertArrowIPC(`${raw}_typed`, ipc);
  return { ok: true, headers: await rawFromTable(host, `${raw}_typed`, raw) };
}

/** Parquet decoded elsewhere (see IngestSource.arrow) into the raw table. */
export async function readArrow(host: IngestHost, ipc: Uint8Array, raw: string): Promise<ParquetRead> {
  await host.insertArrowIPC(`${raw}_typed`, ipc);
  return { ok: true, headers: await rawFromTable(host, `${raw}_typed`, raw) };
}

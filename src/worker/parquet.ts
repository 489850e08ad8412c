/**
 * Parquet without DuckDB's parquet extension (which would be downloaded): parquet-wasm
 * decodes to an Arrow IPC stream that DuckDB inserts. Its wasm is self-hosted too.
 */
import initParquet, { ParquetFile, readParquet } from 'parquet-wasm/esm';
import parquetWasm from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

let ready: Promise<unknown> | undefined;

/** parquet-wasm, once its wasm is instantiated. */
export async function parquetReady(): Promise<void> {
  ready ??= initParquet({ module_or_path: parquetWasm });
  await ready;
}

export async function parquetToIPC(bytes: Uint8Array): Promise<Uint8Array> {
  await parquetReady();
  return readParquet(bytes).intoIPCStream();
}

/** One row group at a time: ParquetFile.fromFile reads the footer, then each group's byte ranges by Blob slices. */
export async function openParquetFile(data: Uint8Array | Blob) {
  await parquetReady();
  const file = await ParquetFile.fromFile(data instanceof Uint8Array ? new Blob([data as Uint8Array<ArrayBuffer>]) : data);
  return {
    rows: file.metadata().rowGroups().map((g) => g.numRows()),
    read: async (i: number) => (await file.read({ rowGroups: [i] })).intoIPCStream(),
    close: () => file.free(),
  };
}

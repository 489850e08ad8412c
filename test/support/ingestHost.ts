/** The ingestion host over DuckDB-WASM in Node: file registration on the blocking bundle, parquet-wasm's Node build. */
import { ParquetFile, readParquet } from 'parquet-wasm/node';
import type { IngestHost } from '../../src/worker/ingest/types';
import { openWasmDb, type WasmDb } from './wasmDb';
import { closeExternalAccess, readablePath } from '../../src/worker/externalAccess';

export async function openIngestHost(): Promise<IngestHost & { wasm: WasmDb }> {
  const wasm = await openWasmDb();
  // Ingestion runs as in the page: external access closed, registered files readable.
  for (const sql of closeExternalAccess) await wasm.exec(sql);
  return {
    wasm,
    exec: wasm.exec,
    rows: wasm.rows,
    insertColumns: wasm.insertColumns,
    async registerFile(name, data) {
      const bytes = data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
      wasm.db.registerFileBuffer(readablePath(name), bytes);
      return readablePath(name);
    },
    async dropFile(name) {
      wasm.db.dropFile(readablePath(name));
    },
    async insertArrowIPC(name, ipc, append) {
      wasm.conn.insertArrowFromIPCStream(ipc, { name, create: !append });
    },
    async decodeParquet(bytes) {
      return readParquet(bytes).intoIPCStream();
    },
    async openParquet(data) {
      const file = await ParquetFile.fromFile(data instanceof Uint8Array ? new Blob([data as Uint8Array<ArrayBuffer>]) : data);
      return {
        rows: file.metadata().rowGroups().map((g) => g.numRows()),
        read: async (i) => (await file.read({ rowGroups: [i] })).intoIPCStream(),
        close: () => file.free(),
      };
    },
  };
}

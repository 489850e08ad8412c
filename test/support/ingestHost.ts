/** The ingestion host over DuckDB-WASM in Node: file registration on the blocking bundle, parquet-wasm's Node build. */
import { readParquet } from 'parquet-wasm/node';
import type { IngestHost } from '../../src/worker/ingest/types';
import { openWasmDb, type WasmDb } from './wasmDb';

export async function openIngestHost(): Promise<IngestHost & { wasm: WasmDb }> {
  const wasm = await openWasmDb();
  return {
    wasm,
    exec: wasm.exec,
    rows: wasm.rows,
    insertColumns: wasm.insertColumns,
    async registerFile(name, data) {
      const bytes = data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
      wasm.db.registerFileBuffer(name, bytes);
    },
    async dropFile(name) {
      wasm.db.dropFile(name);
    },
    async insertArrowIPC(name, ipc) {
      wasm.conn.insertArrowFromIPCStream(ipc, { name, create: true });
    },
    async decodeParquet(bytes) {
      return readParquet(bytes).intoIPCStream();
    },
  };
}

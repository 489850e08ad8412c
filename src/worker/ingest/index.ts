/** Ingestion's public surface for the worker: load a file, list or remove what was loaded. */
export { ingest } from './ingest';
export { asyncIngestHost } from './asyncHost';
export { listSetAside, listSources, removeSource, sourceIdFor, type SetAsideRow, type SourceInfo } from './sources';
export type * from './types';

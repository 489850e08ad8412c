/**
 * A file at an http(s) URL: Parquet read by range requests when its columns are known, anything
 * else fetched whole and loaded as a dropped file. The network is read outside the data gate;
 * only the load itself is a data change.
 */
import type { LoadOptions, LoadOutcome, Outcome } from '../lib/api';
import { t } from '../lib/i18n';
import { recognise } from '../lib/mapping/recognise';
import { checkUrl, fetchRemote, nameFromUrl, RemoteError } from './fetchRemote';
import { ingestFile, loadFile, settleIngest, type Progress } from './loadFile';
import { fail, firstLine, messageOf } from './outcomes';
import { openRemoteParquet, type RemoteParquet } from './remoteParquet';
import type { Store } from './store';

export async function loadUrl(store: Store, url: string, onProgress?: Progress, options: LoadOptions = {}): Promise<Outcome<LoadOutcome>> {
  if (!options.asPlainTable && /\.(parquet|pq)$/i.test(pathOf(url))) {
    const loaded = await loadRemoteParquet(store, url, onProgress, options);
    if (loaded) return loaded;
  }
  let file: File;
  try {
    onProgress?.({ phase: 'reading', bytes: 0 });
    file = await fetchRemote(url, (bytes, totalBytes) => onProgress?.({ phase: 'reading', bytes, totalBytes }));
  } catch (e) {
    if (e instanceof RemoteError) return fail(e.code, e.message, url);
    return fail('url-unreachable', t('worker.urlFailed', { url, detail: firstLine(messageOf(e)) }), url);
  }
  const outcome = await store.load(() => loadFile(store, file, onProgress, options));
  // The mapping step previews and loads the fetched copy, not the URL again.
  if (outcome.ok && outcome.value.status === 'needs-mapping') outcome.value.request.fetched = file;
  return outcome;
}

/**
 * A Parquet file at a URL whose columns are recognised (or mapped before) is read by HTTP
 * range requests: the footer, then only the mapped columns, row group by row group. Without
 * a sure mapping, or when the server will not serve ranges, it returns undefined and the
 * file is fetched whole (the mapping step needs all of it).
 */
async function loadRemoteParquet(store: Store, url: string, onProgress: Progress, options: LoadOptions): Promise<Outcome<LoadOutcome> | undefined> {
  let remote: RemoteParquet;
  try {
    remote = await openRemoteParquet(checkUrl(url).href);
  } catch {
    return undefined;
  }
  try {
    const name = nameFromUrl(url);
    const proposal = recognise(remote.columns, name);
    const mapping = options.mapping ?? options.remembered?.[proposal.signature] ?? (proposal.decision === 'sure' ? proposal.guesses[0]?.mapping : undefined);
    if (!mapping) return undefined;
    const columns = [...new Set(Object.values(mapping.columns))].filter((c) => remote.columns.includes(c));
    onProgress?.({ phase: 'reading' });
    const arrow = await remote.read(columns, (rows) => onProgress?.({ phase: 'reading', rows }));
    return await store.load(async () => {
      const ingested = await ingestFile(store, { name, data: new Uint8Array(0), arrow }, { mapping }, onProgress);
      return settleIngest(store, ingested, name, onProgress);
    });
  } catch (e) {
    return fail('url-unreachable', t('worker.urlParquetFailed', { url, detail: firstLine(messageOf(e)) }), url);
  } finally {
    remote.close();
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/**
 * A file at a URL, fetched whole with byte progress and handed to ingestion as a File.
 * Failures are sentences naming the URL: unreachable (or refused by CORS, which fetch cannot
 * tell apart) and HTTP errors by status.
 */
import { t } from '../lib/i18n';

export class RemoteError extends Error {
  constructor(
    readonly code: 'url-invalid' | 'url-unreachable' | 'url-status',
    message: string,
  ) {
    super(message);
  }
}

/** The file name a URL's path ends with ("orders.csv"), or its host when it has none. */
export function nameFromUrl(url: string): string {
  const parsed = new URL(url);
  const last = parsed.pathname.split('/').filter(Boolean).pop();
  return last ? decodeURIComponent(last) : parsed.host;
}

export function checkUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RemoteError('url-invalid', t('worker.urlInvalid', { text }));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RemoteError('url-invalid', t('worker.urlNotHttp', { text }));
  }
  return url;
}

export async function fetchRemote(text: string, onBytes: (bytes: number, total?: number) => void): Promise<File> {
  const url = checkUrl(text);
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'omit' });
  } catch {
    throw new RemoteError('url-unreachable', t('worker.urlUnreachable', { url: url.href }));
  }
  if (!response.ok) {
    const advice = t(response.status === 404 ? 'worker.urlNotFound' : response.status === 401 || response.status === 403 ? 'worker.urlPrivate' : 'worker.urlRetry');
    // The status's reason phrase ("Not Found") is the server's own words, kept as it sent them.
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    throw new RemoteError('url-status', t('worker.urlStatus', { url: url.href, status, advice }));
  }
  if (/^text\/html/i.test(response.headers.get('content-type') ?? '')) {
    throw new RemoteError('url-status', t('worker.urlWebPage', { url: url.href }));
  }
  const total = Number(response.headers.get('content-length')) || undefined;
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.byteLength;
    onBytes(bytes, total);
  }
  return new File(chunks as BlobPart[], nameFromUrl(url.href), { type: response.headers.get('content-type') ?? '' });
}

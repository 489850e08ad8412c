/**
 * A file at a URL, fetched whole with byte progress and handed to ingestion as a File.
 * Failures are sentences naming the URL: unreachable (or refused by CORS, which fetch cannot
 * tell apart) and HTTP errors by status.
 */
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
    throw new RemoteError('url-invalid', `"${text}" is not a web address. Paste a full address starting with https://.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RemoteError('url-invalid', `"${text}" is not an http or https address. Download the file and drop it here instead.`);
  }
  return url;
}

export async function fetchRemote(text: string, onBytes: (bytes: number, total?: number) => void): Promise<File> {
  const url = checkUrl(text);
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'omit' });
  } catch {
    throw new RemoteError(
      'url-unreachable',
      `${url.href} could not be read: the server did not answer, or it does not let other sites read the file (CORS). Download the file and drop it here instead.`,
    );
  }
  if (!response.ok) {
    const advice = response.status === 404 ? 'Check the address.' : response.status === 401 || response.status === 403 ? 'The file is not public; download it and drop it here instead.' : 'Try again later, or download the file and drop it here.';
    throw new RemoteError('url-status', `${url.href} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}. ${advice}`);
  }
  if (/^text\/html/i.test(response.headers.get('content-type') ?? '')) {
    throw new RemoteError('url-status', `${url.href} is a web page, not a data file. Use the address of the CSV, Parquet or JSON file itself (its download link).`);
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

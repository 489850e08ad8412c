/**
 * A notebook in a link: the document (src/lib/notebookDoc.ts) as JSON, compressed with deflate-raw
 * (the browser's and Node's own CompressionStream: no library to ship or keep) and written in
 * base64url after `#n=`. The fragment never reaches a server, so the link is only as private as
 * where it is pasted; it carries the notebook, never the data.
 *
 * Reading a link is reading untrusted input: the text is bounded before and after inflating (a small
 * link can inflate to gigabytes), must be strict base64url and UTF-8, and then passes the notebook's
 * own checker (parseNotebookDoc) and, given the catalog, names only modules this page has. Any
 * failure is a sentence for the reader and nothing of the link is used.
 */
import { t } from './i18n';
import type { NotebookDoc } from './notebookDoc';
import { parseNotebookDoc } from './notebookDocCheck';

export const linkKey = 'n';

export const linkLimits = {
  /**
   * Longest link offered for copying, whole URL included. RFC 9110 (section 4.1) asks every sender
   * and recipient to support URIs of at least 8,000 octets, so a link this long survives the
   * browsers, mail clients and chat tools it is pasted into; a longer notebook goes as a file.
   */
  urlChars: 8_000,
  /** Longest payload read from a link: well beyond any link we write, far below anything harmful. */
  payloadChars: 200_000,
  /** Most bytes a link may inflate to (a deflate bomb stops here, not in memory). */
  inflatedBytes: 2_000_000,
} as const;

export type LinkRead = { ok: true; doc: NotebookDoc } | { ok: false; message: string };

export interface LinkOptions {
  /** Whether this page has the module `id@version`; without it, module references are not checked. */
  knownModule?: (ref: string) => boolean;
}

/** The fragment (without `#`) that carries `doc`. */
export async function encodeNotebookLink(doc: NotebookDoc): Promise<string> {
  const bytes = await pipe(new TextEncoder().encode(JSON.stringify(doc)), new CompressionStream('deflate-raw'));
  return `${linkKey}=${toBase64Url(bytes)}`;
}

/** The notebook payload of a URL's fragment (`#n=...`), or undefined when the fragment carries none. */
export function linkPayload(hash: string): string | undefined {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of fragment.split('&')) {
    if (part.startsWith(`${linkKey}=`)) return part.slice(linkKey.length + 1);
  }
  return undefined;
}

/** Reads a notebook from a link's payload; never throws. */
export async function decodeNotebookLink(payload: string, options: LinkOptions = {}): Promise<LinkRead> {
  const refuse = (why: string): LinkRead => ({ ok: false, message: t('link.refused', { why }) });
  if (payload.length === 0) return refuse(t('link.empty'));
  if (payload.length > linkLimits.payloadChars) return refuse(t('link.tooLong', { max: linkLimits.payloadChars.toLocaleString('en-US') }));
  const bytes = fromBase64Url(payload);
  if (!bytes) return refuse(t('link.notBase64'));
  let inflated: Uint8Array;
  try {
    inflated = await pipe(bytes, new DecompressionStream('deflate-raw'), linkLimits.inflatedBytes);
  } catch (e) {
    if (e instanceof TooLarge) return refuse(t('link.inflatesTooFar', { max: linkLimits.inflatedBytes.toLocaleString('en-US') }));
    return refuse(t('link.cutShort'));
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return refuse(t('link.notText'));
  }
  const checked = parseNotebookDoc(text);
  if (!checked.ok) return refuse(checked.message);
  const unknown = options.knownModule ? checked.doc.cells.flatMap((c, i) => (c.kind === 'module' && !options.knownModule!(c.ref) ? [`cells[${i}] ${c.ref}`] : [])) : [];
  if (unknown.length) return refuse(t('link.unknownModules', { refs: unknown.slice(0, 5).join(', ') }));
  return { ok: true, doc: checked.doc };
}

class TooLarge extends Error {}

/** Runs bytes through a (de)compression stream, stopping once more than `limit` bytes came out. */
async function pipe(input: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // The write's own promise rejects with the stream's error too; the reader reports it.
  writer.write(input as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += alphabet[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** Strict base64url without padding; undefined for any other character or an impossible length. */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const ch of text) {
    value = (value << 6) | alphabet.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 255;
    }
  }
  return out;
}

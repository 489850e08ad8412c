// Pins the link codec (src/lib/notebookLink.ts): a notebook goes through a link unchanged, and every
// malformed, truncated or hostile link (bad base64, a deflate bomb, wrong types, unknown module ids,
// huge arrays, a prototype key) is refused with a sentence, nothing of it returned.
import { expect, test } from 'vitest';
import { notebookDocVersion, notebookFormat, type NotebookDoc } from '../../src/lib/notebookDoc';
import { decodeNotebookLink, encodeNotebookLink, fromBase64Url, linkLimits, linkPayload, toBase64Url } from '../../src/lib/notebookLink';

const doc: NotebookDoc = {
  format: notebookFormat,
  version: notebookDocVersion,
  name: 'Spring review — “Café” ✓',
  cells: [
    { kind: 'module', ref: 'net_revenue@1' },
    { kind: 'module', ref: 'repeat_purchase_rate@2', params: { min_orders: 3 }, sql: "select 1 as rate -- O'Brien", chart: { type: 'bar' } },
    { kind: 'sql', title: 'Mine', sql: 'select count(*) as n from orders', chart: { spec: { mark: 'bar', encoding: { x: { field: 'n', type: 'quantitative' } } } } },
    { kind: 'markdown', text: '# Notes\n<script>alert(1)</script>' },
  ],
  scope: { preset: 'custom', start: '2025-01-01', end: '2025-03-31', compare: 'lastYear', facets: { country: ['FR', 'RO'] }, segment: 'Big', keptCurrency: 'EUR' },
  currency: 'EUR',
  sources: [{ kind: 'file', name: 'orders 2025.csv', table: 'orders' }, { kind: 'url', url: 'https://example.com/customers.parquet', table: 'customers' }, { kind: 'sample' }],
  segments: [{ name: 'Big', match: 'all', conditions: [{ field: 'revenue', op: 'gte', value: 1000 }] }],
  language: 'fr',
};

const known = (ref: string) => ['net_revenue@1', 'repeat_purchase_rate@2'].includes(ref);

async function deflate(text: string | Uint8Array): Promise<string> {
  const stream = new Blob([typeof text === 'string' ? new TextEncoder().encode(text) : (text as Uint8Array<ArrayBuffer>)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

test('a notebook comes back from its link exactly, every field kept', async () => {
  const fragment = await encodeNotebookLink(doc);
  expect(fragment).toMatch(/^n=[A-Za-z0-9_-]+$/);
  const read = await decodeNotebookLink(linkPayload(`#${fragment}`)!, { knownModule: known });
  expect(read).toEqual({ ok: true, doc });
});

test('base64url round-trips every byte value and length', () => {
  for (let n = 0; n < 40; n++) {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) % 256);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
  }
  expect(toBase64Url(Uint8Array.from([251, 255]))).toBe('-_8');
});

test('the payload is found among other fragment parts, and absent when there is none', () => {
  expect(linkPayload('#x=1&n=abc')).toBe('abc');
  expect(linkPayload('#section-2')).toBeUndefined();
  expect(linkPayload('')).toBeUndefined();
});

const refused = async (payload: string, why: RegExp) => {
  const read = await decodeNotebookLink(payload, { knownModule: known });
  expect(read.ok).toBe(false);
  if (!read.ok) {
    expect(read.message).toMatch(/^This link does not hold a notebook Clientele can open, and nothing of it was used: /);
    expect(read.message).toMatch(why);
  }
};

test('garbage, bad characters, an impossible length and an empty link are refused', async () => {
  await refused('', /empty/);
  await refused('%%%<script>', /characters a notebook link never has/);
  await refused('abcde', /characters a notebook link never has/); // 5 chars: not a whole byte
  await refused('AAAAAAAAAAAA', /cut short or damaged|not a notebook|not JSON/);
});

test('a link cut short anywhere is refused', async () => {
  const payload = linkPayload(await encodeNotebookLink(doc))!;
  for (const keep of [0.25, 0.5, 0.9]) await refused(payload.slice(0, Math.floor(payload.length * keep)), /cut short|characters|not JSON/);
});

test('a deflate bomb stops at the inflated cap; an overlong payload is not even read', async () => {
  const bomb = await deflate(new Uint8Array(linkLimits.inflatedBytes * 4));
  expect(bomb.length).toBeLessThan(20_000);
  await refused(bomb, /unpacks to more than 2,000,000 bytes/);
  await refused('A'.repeat(linkLimits.payloadChars + 4), /longer than 200,000 characters/);
});

test('wrong types, huge arrays, a prototype key and unknown modules are refused by name', async () => {
  await refused(await deflate('"just a string"'), /object was expected/);
  await refused(await deflate('\u00ff'), /not JSON/);
  await refused(await deflate(JSON.stringify({ ...doc, cells: 'all' })), /at cells, a list was expected/);
  await refused(await deflate(JSON.stringify({ ...doc, cells: Array.from({ length: 20_000 }, () => ({ kind: 'markdown', text: '' })) })), /at cells, more than 500 entries/);
  await refused(await deflate(JSON.stringify({ ...doc, scope: { ...doc.scope, start: '2025-02-30' } })), /at scope.start/);
  await refused(await deflate(`{"format":"clientele-notebook","version":1,"name":"x","cells":[{"kind":"sql","sql":"select 1","chart":{"spec":{"__proto__":{"polluted":true}}}}],"scope":{"preset":"all","compare":"previous"},"sources":[]}`), /cells\[0\].chart.spec.__proto__/);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  await refused(await deflate(JSON.stringify({ ...doc, cells: [{ kind: 'module', ref: 'net_revenue@99' }, { kind: 'module', ref: 'steal_everything@1' }] })), /cells\[0\] net_revenue@99, cells\[1\] steal_everything@1/);
  await refused(await deflate(JSON.stringify({ ...doc, sources: [{ kind: 'url', url: 'javascript:alert(1)' }] })), /at sources\[0\].url/);
});

test('bytes that are not UTF-8 are refused', async () => {
  await refused(await deflate(Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d])), /does not unpack to text/);
});

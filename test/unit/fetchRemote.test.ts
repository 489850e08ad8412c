// Fetching a file at a URL for ingestion: names, progress, and the sentences for failures.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkUrl, fetchRemote, nameFromUrl } from '../../src/worker/fetchRemote';

let server: Server;
let base = '';
const csv = 'order_id,customer_id,order_date,revenue\n' + Array.from({ length: 2000 }, (_, i) => `O${i},C${i % 7},2025-01-0${1 + (i % 9)},${i}`).join('\n');

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/exports/orders%20mars.csv') return res.writeHead(200, { 'content-type': 'text/csv', 'content-length': Buffer.byteLength(csv) }).end(csv);
    if (req.url === '/share') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><p>Sign in</p>');
    if (req.url === '/private.csv') return res.writeHead(403, 'Forbidden').end();
    res.writeHead(404, 'Not Found').end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('fetchRemote', () => {
  it('names the file after the last part of the path, decoded', () => {
    expect(nameFromUrl('https://example.org/exports/orders%20mars.csv?token=1')).toBe('orders mars.csv');
    expect(nameFromUrl('https://example.org/')).toBe('example.org');
  });

  it('refuses what is not an http(s) address', () => {
    expect(() => checkUrl('orders.csv')).toThrow('is not a web address');
    expect(() => checkUrl('ftp://example.org/orders.csv')).toThrow('is not an http or https address');
  });

  it('reads the whole file with byte progress up to its length', async () => {
    const seen: [number, number | undefined][] = [];
    const file = await fetchRemote(`${base}/exports/orders%20mars.csv`, (bytes, total) => seen.push([bytes, total]));
    expect(file.name).toBe('orders mars.csv');
    expect(await file.text()).toBe(csv);
    expect(seen.at(-1)).toEqual([Buffer.byteLength(csv), Buffer.byteLength(csv)]);
  });

  it('says which address answered which status, and what to do', async () => {
    await expect(fetchRemote(`${base}/nothing.csv`, () => undefined)).rejects.toThrow(`${base}/nothing.csv answered 404 Not Found. Check the address.`);
    await expect(fetchRemote(`${base}/private.csv`, () => undefined)).rejects.toThrow('answered 403 Forbidden. The file is not public');
  });

  it('refuses a web page served where a data file was expected', async () => {
    await expect(fetchRemote(`${base}/share`, () => undefined)).rejects.toThrow('is a web page, not a data file');
  });

  it('says when the server cannot be reached', async () => {
    await expect(fetchRemote('http://127.0.0.1:9/orders.csv', () => undefined)).rejects.toThrow('could not be read: the server did not answer');
  });
});

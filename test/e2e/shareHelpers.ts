// What the sharing, publishing and safety specs share: a page opened and waited for with room for a
// loaded machine, and a local server on another origin that records every request it gets.
import { expect, type Page } from '@playwright/test';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/** Start-up took over two minutes on a shared two-core machine under load: wait on state, generously. */
export const readyTimeout = 240_000;

export async function openAt(page: Page, path = './') {
  await page.goto(path);
  await expect(page.locator('.shell')).toHaveAttribute('data-state', 'ready', { timeout: readyTimeout });
}

export interface Recorder {
  port: number;
  /** `METHOD /path?query` of every request received. */
  requests: string[];
  close(): Promise<void>;
}

/** A server on 127.0.0.1 (another origin than the page's) that records every request; `answer` replies. */
export async function recordingServer(answer?: (req: IncomingMessage, res: ServerResponse) => void): Promise<Recorder> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-expose-headers', '*');
    if (answer) answer(req, res);
    else res.end('id,secret\n1,42\n');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { port: (server.address() as { port: number }).port, requests, close: () => new Promise((done) => server.close(() => done())) };
}

/**
 * How much of the machine native DuckDB may use, and where it spills what does not fit: by
 * default 60% of the memory available when the run starts (MemAvailable on Linux), and a private
 * folder under the system's temporary folder; `--memory-limit` and `--temp-dir` override. Long
 * steps report on stderr, and a step that still runs out of memory says which and how much.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { freemem, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../lib/db';
import { t } from '../lib/i18n';
import { Said } from '../lib/said';

export interface EngineSettings {
  /** Bytes DuckDB may hold in memory. */
  memoryLimit: number;
  /** Where DuckDB writes what does not fit. */
  tempDirectory: string;
  /** Removes the temporary folder when the runner made it. */
  cleanUp(): void;
}

const gib = 1024 ** 3;

function availableMemory(): number {
  try {
    const kb = /MemAvailable:\s+(\d+) kB/.exec(readFileSync('/proc/meminfo', 'utf8'));
    if (kb) return Number(kb[1]) * 1024;
  } catch {
    // not Linux
  }
  return freemem();
}

/** '4GB', '512MB', '1.5GiB' -> bytes. */
export function parseBytes(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(k|m|g|t)?i?b?\s*$/i.exec(text);
  if (!m) throw new Said(t('runner.memoryLimit', { value: text }));
  const unit = { k: 1024, m: 1024 ** 2, g: gib, t: 1024 ** 4 }[(m[2] ?? '').toLowerCase() as 'k'] ?? 1;
  return Math.round(Number(m[1]) * unit);
}

export const showBytes = (n: number) => (n >= gib ? `${(n / gib).toFixed(1)} GB` : `${Math.round(n / 1024 ** 2)} MB`);

export function engineSettings(memoryLimit?: string, tempDir?: string): EngineSettings {
  const limit = memoryLimit ? parseBytes(memoryLimit) : Math.max(gib, Math.floor(availableMemory() * 0.6));
  const tempDirectory = tempDir ?? mkdtempSync(join(tmpdir(), 'clientele-spill-'));
  return { memoryLimit: limit, tempDirectory, cleanUp: () => tempDir === undefined && rmSync(tempDirectory, { recursive: true, force: true }) };
}

export async function applyEngineSettings(db: Db, settings: EngineSettings): Promise<void> {
  await db.exec(`set memory_limit = '${Math.floor(settings.memoryLimit / 1024 ** 2)}MB'`);
  await db.exec(`set temp_directory = '${settings.tempDirectory.replace(/'/g, "''")}'`);
}

/**
 * Order lines per part when building a prepared table (src/lib/prepared.ts): all of them, in one
 * pass. Parts keep DuckDB-WASM, which cannot spill, within its 4 GB; native DuckDB spills what
 * does not fit to the temporary folder, and each part reads every order line again. The 10M-order
 * store (15.7M lines in Parquet) under a 1.4 GB limit: six parts 53.6 s, one pass spilling 24.7 s
 * at the same 1.7 GB peak; one pass under 13 GB, 26.5 s. At 100M lines, six parts took 441 s.
 */
export const preparedLinesPerPart = Number.POSITIVE_INFINITY;

/** What the runner prints for an error: our sentence as it is, anyone else's words inside one naming the step. */
export function runnerError(e: unknown): string {
  if (e instanceof Said) return e.message;
  const detail = String((e as Error)?.message ?? e).split('\n')[0];
  const step = (e as { step?: unknown })?.step;
  return typeof step === 'string' ? t('runner.stepFailed', { step, detail }) : t('runner.failed', { detail });
}

export type Step = <T>(name: string, run: () => Promise<T>) => Promise<T>;

/**
 * Runs steps, printing on stderr what runs longer than a few seconds (every 10 s, with the
 * process's resident memory) and how long it took; an out-of-memory error is reworded to name
 * the step, the limit and the spill folder.
 */
export function stepper(settings: EngineSettings, write: (line: string) => void = (l) => process.stderr.write(`${l}\n`), quietMs = 3000): Step {
  return async (name, run) => {
    const started = performance.now();
    const seconds = () => ((performance.now() - started) / 1000).toFixed(0);
    let shown = false;
    const tell = () => {
      shown = true;
      write(t('runner.stepRunning', { step: name, seconds: seconds(), memory: showBytes(process.memoryUsage.rss()) }));
    };
    let timer = setTimeout(function again() {
      tell();
      timer = setTimeout(again, 10_000);
    }, quietMs);
    try {
      const value = await run();
      if (shown) write(t('runner.stepDone', { step: name, seconds: seconds() }));
      return value;
    } catch (e) {
      throw outOfMemory(name, e as Error, settings);
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * Our own sentence as it was; when DuckDB ran out of memory, a sentence saying where and what to
 * do; any other error (DuckDB's or Node's words) as it was, with the step's name in `step`
 * (`runnerError` puts it in a sentence).
 */
export function outOfMemory(step: string, e: Error, settings: EngineSettings): Error {
  if (e instanceof Said || !(e instanceof Error)) return e;
  const detail = e.message.split('\n')[0];
  // Left as it was for whoever catches it (a module's failure goes in the report), with the step named.
  if (!/out of memory/i.test(detail)) return Object.assign(e, { step });
  return new Said(
    t('runner.outOfMemory', { step, limit: showBytes(settings.memoryLimit), total: showBytes(totalmem()), folder: settings.tempDirectory, detail }),
  );
}

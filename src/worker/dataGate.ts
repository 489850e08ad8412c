/**
 * Data changes and the queries that read the data take turns. A change (a file loaded or
 * removed, the scope applied) alters tables and views that other connections' queries read:
 * a query that binds view `orders` after ingestion's `alter table base.orders add column
 * source_file` and before the scope layer recreates the view fails with "Contents of view were
 * altered: types don't match!", and one that runs as the sample is put away finds its tables
 * gone. So a change first stops the
 * queries under way (through their `interrupt`), waits for them to end, and holds new ones back
 * until it is done; changes run one at a time. A query stopped or held back answers
 * `data-changed`, and the page runs it again once it has caught up with the new data.
 *
 * Readers are of three kinds. A *request* is one the page waits on. A *yielding* reader is work
 * the page is not waiting on (the lifetime-value fit, whose statements yield DuckDB's thread,
 * src/worker/turns.ts): it does not keep the page busy. Work done ahead while the page asks for
 * nothing (a *background* reader) gives way to every change and request: they stop it and wait
 * for it to end. A yielding reader leaves it running, below it on DuckDB's thread.
 */
import type { Activity } from './activity';

export type ReaderKind = 'request' | 'yielding' | 'background';

export class DataGate {
  /** `activity`: told of every request and change (work done ahead waits until none is under way). */
  constructor(private activity?: Activity) {}

  private readers = new Set<Reader>();
  /** The change under way, or waiting for readers to leave; new readers wait for it. */
  private changing?: Promise<unknown>;
  private changeListeners: (() => Promise<unknown>)[] = [];

  /** `listener` runs at the start of every change, once no reader is under way (e.g. to let go of held results). */
  onChange(listener: () => Promise<unknown>) {
    this.changeListeners.push(listener);
  }

  /**
   * Runs `body` while no change is under way. A change that begins meanwhile calls `interrupt`
   * (if given; otherwise it waits for `body` to end). `interrupted()` tells the reader that the
   * data changed since it was asked for: a change stopped it, or it had to wait for one (what
   * the page asked may no longer apply, e.g. a module whose table the change took away).
   * `kind` (see above): only requests are told to `activity`, and only they stop work done ahead
   * (through its `interrupt`) and wait for it.
   */
  read<T>(body: (interrupted: () => boolean) => Promise<T>, interrupt?: () => void, kind: ReaderKind = 'request'): Promise<T> {
    const background = kind === 'background';
    const enter = () => this.enter(body, interrupt, background, kind === 'request');
    return kind === 'request' && this.activity ? this.activity.during(enter) : enter();
  }

  private async enter<T>(body: (interrupted: () => boolean) => Promise<T>, interrupt: (() => void) | undefined, background: boolean, stopsBackground: boolean): Promise<T> {
    let waited = false;
    for (;;) {
      if (this.changing) {
        waited = true;
        await this.changing.catch(() => undefined);
      } else if (stopsBackground && [...this.readers].some((r) => r.background)) await this.stopBackground();
      else break;
    }
    let done!: () => void;
    const reader: Reader = { interrupt, interrupted: waited, background, done: new Promise<void>((r) => (done = r)) };
    this.readers.add(reader);
    try {
      return await body(() => reader.interrupted);
    } finally {
      this.readers.delete(reader);
      done();
    }
  }

  /** Stops the background readers under way; resolves when they have ended. */
  private stopBackground(): Promise<void> {
    const background = [...this.readers].filter((r) => r.background);
    for (const reader of background) {
      if (!reader.interrupted) reader.interrupt?.();
      reader.interrupted = true;
    }
    return Promise.all(background.map((r) => r.done)).then(() => undefined);
  }

  /** Whether a change is under way or waiting for readers to leave. */
  get changeUnderWay(): boolean {
    return this.changing !== undefined;
  }

  /** Runs `body` alone: after every earlier change, with no reader under way. */
  change<T>(body: () => Promise<T>): Promise<T> {
    const previous = this.changing;
    const work = async () => {
      if (previous) await previous.catch(() => undefined);
      for (const reader of this.readers) {
        reader.interrupted = true;
        reader.interrupt?.();
      }
      await Promise.all([...this.readers].map((r) => r.done));
      for (const listener of this.changeListeners) await listener().catch(() => undefined);
      return body();
    };
    const run = this.activity ? this.activity.during(work) : work();
    this.changing = run;
    // The last change in the queue clears the way once it is done.
    const clear = () => {
      if (this.changing === run) this.changing = undefined;
    };
    run.then(clear, clear);
    return run;
  }
}

interface Reader {
  interrupt?: () => void;
  interrupted: boolean;
  background: boolean;
  done: Promise<void>;
}

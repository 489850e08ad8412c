/**
 * Charts are drawn one at a time, those on screen first, with a frame between two: compiling
 * and drawing two dozen Vega views in one go held the main thread for about 2.5 s, and the
 * numbers already there could not paint until all of them were done.
 */
interface Job {
  element: Element;
  run: () => Promise<void>;
}

const waiting: Job[] = [];
const onScreen = new WeakSet<Element>();
let draining = false;

const observer =
  typeof IntersectionObserver === 'undefined'
    ? undefined
    : new IntersectionObserver((entries) => {
        for (const e of entries) {
          if (e.isIntersecting) onScreen.add(e.target);
          else onScreen.delete(e.target);
        }
      });

/** Watches `element` so its chart can be drawn before those off screen. Returns the unwatch. */
export function watchChart(element: Element): () => void {
  observer?.observe(element);
  return () => {
    observer?.unobserve(element);
    const i = waiting.findIndex((j) => j.element === element);
    if (i >= 0) waiting.splice(i, 1);
  };
}

/** Queues a draw for `element`, replacing one still waiting; resolves when it has run. */
export function queueDraw(element: Element, draw: () => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    const i = waiting.findIndex((j) => j.element === element);
    if (i >= 0) waiting.splice(i, 1);
    waiting.push({ element, run: () => draw().then(resolve, reject) });
    void drain();
  });
}

async function drain() {
  if (draining) return;
  draining = true;
  try {
    while (waiting.length) {
      // Let the page paint (and the observer report) before the next chart.
      await new Promise((r) => setTimeout(r, 0));
      const i = Math.max(0, waiting.findIndex((j) => onScreen.has(j.element)));
      const [job] = waiting.splice(i, 1);
      const start = performance.now();
      await job.run().catch(() => undefined);
      // Each draw's time, for the benchmark (test/bench/browserBench.ts --marks).
      performance.measure(`chart:${job.element.closest('[data-cell]')?.getAttribute('data-cell') ?? 'other'}`, { start });
    }
  } finally {
    draining = false;
  }
}

/** Medians and rounding for the benchmark's tables. */
export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const ms = (x: number): number => Math.round(x * 10) / 10;

/** Runs `once` `runs` times after `warmup` discarded runs; returns every kept sample. */
export async function repeat<T>(runs: number, warmup: number, once: () => Promise<T>): Promise<T[]> {
  for (let i = 0; i < warmup; i++) await once();
  const samples: T[] = [];
  for (let i = 0; i < runs; i++) samples.push(await once());
  return samples;
}

/** Per-key medians of a list of records of numbers. */
export const medians = (samples: Record<string, number>[]): Record<string, number> =>
  Object.fromEntries(Object.keys(samples[0] ?? {}).map((k) => [k, ms(median(samples.map((s) => s[k])))]));

export const elapsed = async (body: () => Promise<unknown>): Promise<number> => {
  const t0 = performance.now();
  await body();
  return performance.now() - t0;
};

// The explorer bench (test/bench/explorerBench.ts) under vitest, which resolves the worker's Vite
// imports (import.meta.glob of the modules, ?url of DuckDB's files). Standalone: merging the main
// config would add its test files to the run.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: new URL('../..', import.meta.url).pathname,
  test: { include: ['test/bench/explorerBench.ts'], testTimeout: 1_800_000, hookTimeout: 1_800_000, pool: 'forks' },
});

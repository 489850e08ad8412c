import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// vitest 5's failure report calls Map.groupBy, which node 20 lacks (node 21+): without this,
// a failing test crashes the reporter instead of showing what failed.
if (!('groupBy' in Map)) {
  Object.defineProperty(Map, 'groupBy', {
    value<K, T>(items: Iterable<T>, key: (item: T, index: number) => K) {
      const groups = new Map<K, T[]>();
      let i = 0;
      for (const item of items) {
        const k = key(item, i++);
        groups.set(k, [...(groups.get(k) ?? []), item]);
      }
      return groups;
    },
  });
}

export default defineConfig({
  // Compiles the state classes' runes (src/state/*.svelte.ts) for their unit tests.
  plugins: [svelte()],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/queries/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

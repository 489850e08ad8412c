import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  // Relative asset URLs: the built dist/ works from any base path (a sub-folder, a file share).
  base: './',
  publicDir: 'static',
  // One page: a missing file is a 404, not index.html served in its place.
  appType: 'mpa',
  plugins: [svelte()],
  // DuckDB-WASM and parquet-wasm ship workers and .wasm files that pre-bundling breaks.
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  server: { fs: { allow: ['.'] } },
  preview: { port: 4173, strictPort: false },
});

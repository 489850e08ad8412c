// The sample's precomputed notebook (shown while DuckDB-WASM starts) must be exactly what
// the current modules compute on the shipped sample; rerun `npm run sample:snapshot` when not.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { snapshotOfShippedSample, snapshotPath } from '../../src/sample/snapshot';
import type { NotebookSnapshot } from '../../src/sample/notebookSnapshot';

describe('sample notebook snapshot', () => {
  it('is what the current modules compute on the shipped sample', async () => {
    const shipped = JSON.parse(readFileSync(snapshotPath, 'utf8')) as NotebookSnapshot;
    const fresh = await snapshotOfShippedSample();
    expect(Object.keys(shipped.cells).sort(), 'modules in the snapshot (run npm run sample:snapshot)').toEqual(Object.keys(fresh.cells).sort());
    expect(shipped).toEqual(JSON.parse(JSON.stringify(fresh)));
  }, 60_000);

  it('opens on the last 365 days of the sample with the year before as comparison', () => {
    const shipped = JSON.parse(readFileSync(snapshotPath, 'utf8')) as NotebookSnapshot;
    expect(shipped.facts.last).toBe('2025-12-31');
    expect(shipped.period).toEqual({ start: '2025-01-01', end: '2025-12-31' });
    expect(shipped.compare).toEqual({ start: '2024-01-02', end: '2024-12-31' });
    expect(Object.keys(shipped.cells).some((ref) => ref.startsWith('average_order_value@'))).toBe(true);
  });
});

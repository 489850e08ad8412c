/** Compares two KPI reports of one notebook, one per engine, value for value. */
import type { KpiReport } from '../../src/cli/runKpis';
import type { Row, SqlValue } from '../../src/lib/db';

const relTolerance = 1e-9;

/**
 * Modules over the lifetime-value predictions inherit the optimiser's stopping point, which
 * moves in the 8th digit when the inputs differ in the 15th: they are held to 1e-6.
 */
const modelTolerance = 1e-6;

export function sameValue(a: SqlValue, b: SqlValue, tolerance = relTolerance): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Object.is(a, b) || a === b) return true;
    return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
  }
  return a === b;
}

/**
 * Every difference between the two reports, as sentences; empty when they agree. A module that
 * fails on both engines is a difference too (agreeing on an error proves nothing), unless it is
 * one of `expectedFailures`.
 */
export function differences(w: KpiReport, n: KpiReport, expectedFailures: string[] = []): string[] {
  const out: string[] = [];
  if (JSON.stringify(w.skipped) !== JSON.stringify(n.skipped)) out.push(`skipped: wasm ${JSON.stringify(w.skipped)}, native ${JSON.stringify(n.skipped)}`);
  for (const [i, wm] of w.modules.entries()) {
    const nm = n.modules[i];
    const id = `${wm.id}@${wm.version}`;
    const tolerance = wm.id.startsWith('clv_') ? modelTolerance : relTolerance;
    if (!nm || nm.id !== wm.id) {
      out.push(`${id}: module order differs`);
      continue;
    }
    if (Boolean(wm.error) !== Boolean(nm.error)) out.push(`${id}: wasm ${wm.error ?? 'ran'}; native ${nm.error ?? 'ran'}`);
    else if (wm.error && !expectedFailures.includes(wm.id)) out.push(`${id}: failed on both engines: wasm ${wm.error.split('\n')[0]}; native ${nm.error!.split('\n')[0]}`);
    if (wm.rows.length !== nm.rows.length) out.push(`${id}: ${wm.rows.length} rows on wasm, ${nm.rows.length} on native`);
    wm.rows.slice(0, nm.rows.length).forEach((wr: Row, r) => {
      const nr = nm.rows[r];
      const keys = [...new Set([...Object.keys(wr), ...Object.keys(nr)])];
      for (const k of keys) {
        if (!sameValue(wr[k] ?? null, nr[k] ?? null, tolerance) || !(k in wr) || !(k in nr)) {
          out.push(`${id} row ${r} ${k}: wasm ${JSON.stringify(wr[k])}, native ${JSON.stringify(nr[k])}`);
        }
      }
    });
  }
  return out;
}


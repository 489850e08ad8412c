/**
 * `npx tsx test/bench/ingestDialects.ts [rows] [runs]`: load time of a French-style export
 * (Latin-1, `;`, decimal comma with space thousands, DD/MM/YYYY) against the same orders as a
 * plain UTF-8 CSV (`,`, decimal point, ISO dates), through ingest() on DuckDB-WASM in Node.
 * Prints the median and the time spent in each phase. Not part of `npm test`.
 */
import { ingest } from '../../src/worker/ingest/ingest';
import type { IngestPhase } from '../../src/worker/ingest/types';
import { openIngestHost } from '../support/ingestHost';

const rows = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
const cities = ['Orléans', 'Besançon', 'Paris', 'Lyon', 'Nîmes', 'Saint-Étienne'];
const products = ['Thé vert', 'Café moulu', 'Crème', 'Tasse', 'Théière'];

function orders(french: boolean): Uint8Array {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = [french ? 'N° de commande;Client;Date de commande;Montant TTC;Pays;Ville;Produit' : 'order_id,customer_id,order_date,revenue,country,city,product'];
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(next() * 730) * 86_400_000);
    const [y, m, d] = [day.getUTCFullYear(), String(day.getUTCMonth() + 1).padStart(2, '0'), String(day.getUTCDate()).padStart(2, '0')];
    const cents = Math.floor(next() * 300_000);
    const euros = Math.floor(cents / 100);
    const amount = french ? `${euros >= 1000 ? `${Math.floor(euros / 1000)} ${String(euros % 1000).padStart(3, '0')}` : euros},${String(cents % 100).padStart(2, '0')}` : (cents / 100).toFixed(2);
    const id = `F-${String(i).padStart(7, '0')}`;
    const customer = `C${String(Math.floor(next() * 200_000)).padStart(6, '0')}`;
    const city = cities[Math.floor(next() * cities.length)];
    const product = products[Math.floor(next() * products.length)];
    lines.push(french ? [id, customer, `${d}/${m}/${y}`, amount, 'France', city, product].join(';') : [id, customer, `${y}-${m}-${d}`, amount, 'France', city, product].join(','));
  }
  const text = lines.join('\n') + '\n';
  return french ? Uint8Array.from(text, (c) => c.charCodeAt(0)) : new TextEncoder().encode(text);
}

const host = await openIngestHost();
for (const french of [true, false]) {
  const data = orders(french);
  const name = french ? 'commandes-fr.csv' : 'orders-utf8.csv';
  const totals: number[] = [];
  let phases: Partial<Record<IngestPhase, number>> = {};
  for (let r = 0; r < runs; r++) {
    const marks: [IngestPhase, number][] = [];
    const t0 = performance.now();
    const out = await ingest(host, { name, data }, { onProgress: (p) => marks.push([p.phase, performance.now()]) });
    const total = performance.now() - t0;
    if (!out.ok || out.value.status !== 'loaded') throw new Error(JSON.stringify(out));
    if (out.value.rowsLoaded !== rows) throw new Error(`${name}: ${out.value.rowsLoaded} rows loaded, expected ${rows}`);
    totals.push(total);
    phases = Object.fromEntries(marks.map(([phase, at], i) => [phase, Math.round((marks[i + 1]?.[1] ?? at) - at)]));
    if (r === 0) console.log(name, (data.length / 1e6).toFixed(1), 'MB', JSON.stringify(out.value.dialect));
  }
  totals.sort((a, b) => a - b);
  console.log(name, `median ${(totals[Math.floor(totals.length / 2)] / 1000).toFixed(2)} s of ${totals.map((t) => (t / 1000).toFixed(2)).join(', ')}; last run by phase (ms): ${JSON.stringify(phases)}`);
}
host.wasm.close();

/**
 * A small canonical store (all seven tables, every column, awkward values: NULLs, guests,
 * refunds, quotes in names, millisecond timestamps, month edges), generated from a seeded
 * PRNG and written to Parquet by native DuckDB with bound inserts. The cross-engine test runs
 * on it beside the sample store, whose realistic data has fewer edge cases.
 */
import { canonicalTableNames, canonicalTables, createTableSql, type CanonicalTableName } from '../../src/lib/canonical';
import type { SqlValue } from '../../src/lib/db';
import type { NativeDb } from '../../src/cli/nativeDb';

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const start = Date.UTC(2023, 0, 1);
const days = 731;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function timestamp(ms: number): string {
  const d = new Date(ms);
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return d.getUTCMilliseconds() ? `${base}.${pad(d.getUTCMilliseconds(), 3)}` : base;
}

type Rows = SqlValue[][];

function generate(): Record<CanonicalTableName, Rows> {
  const rnd = mulberry32(20261122);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const maybe = <T>(p: number, v: T): T | null => (rnd() < p ? null : v);
  const at = (dayFrom = 0, dayTo = days) => start + Math.floor((dayFrom + rnd() * (dayTo - dayFrom)) * 86_400_000 / 1000) * 1000 + (rnd() < 0.1 ? Math.floor(rnd() * 1000) : 0);
  const channels = ['ads', 'organic', 'email', 'referral'] as const;
  const countries = [['IE', 'Dublin'], ['FR', 'Paris'], ['RO', 'Cluj-Napoca'], ['CI', "Cote d'Ivoire"], ['ES', 'Sevilla']] as const;
  const names = ["Siobhan O'Brien", 'Ana Pop', 'Luc Martin', 'José Núñez', 'Li "Lee" Wei'];

  const customers: Rows = [];
  const orders: Rows = [];
  for (let c = 1; c <= 200; c++) {
    const id = `c${pad(c, 3)}`;
    const [country, city] = pick(countries);
    const first = at(0, days - 30);
    const trial = rnd() < 0.15;
    customers.push([id, timestamp(first), maybe(0.1, `${id}@example.com`), pick(names), country, city, maybe(0.1, pick(channels)), trial]);
    const n = 1 + Math.floor(-Math.log(1 - rnd()) * 3);
    let t = first;
    for (let k = 0; k < n && t < start + days * 86_400_000; k++) {
      const lines = 1 + Math.floor(rnd() * 3);
      const orderId = `o${c}-${k}`;
      const refunded = rnd() < 0.08;
      for (let l = 0; l < lines; l++) {
        const revenue = Math.round(rnd() * 20000) / 100;
        orders.push([orderId, id, timestamp(t), revenue, `p${Math.floor(rnd() * 12)}`, 1 + Math.floor(rnd() * 3), maybe(0.2, Math.round(revenue * 55) / 100),
          refunded ? revenue : maybe(0.9, Math.round(revenue * 10) / 100), refunded ? 'refunded' : 'paid', country, city, pick(channels), 'EUR', trial && k === 0]);
      }
      t += Math.floor((5 + rnd() * 120) * 86_400_000);
    }
  }
  for (let g = 0; g < 40; g++) {
    orders.push([`g${g}`, null, timestamp(at()), Math.round(rnd() * 9000) / 100, null, null, null, null, 'paid', null, null, pick(channels), 'EUR', null]);
  }
  orders.push(['edge-1', 'c001', '2023-01-31 23:59:59.999', 10, 'p1', 1, 4, 0, 'paid', 'IE', 'Dublin', 'ads', 'EUR', false]);
  orders.push(['edge-2', 'c001', '2023-02-01 00:00:00', 0, null, null, null, 25.5, 'cancelled', 'IE', 'Dublin', 'ads', 'EUR', false]);

  const customerIds = customers.map((r) => r[0] as string);
  const tickets: Rows = [];
  for (let i = 0; i < 150; i++) {
    const opened = at();
    const resolved = rnd() < 0.1 ? null : opened + Math.floor(rnd() * 5 * 86_400_000);
    const contacts = 1 + Math.floor(rnd() * 4);
    tickets.push([`t${i}`, pick(customerIds), timestamp(opened), resolved === null ? null : timestamp(resolved), maybe(0.05, contacts), resolved === null ? null : contacts === 1, pick(['email', 'chat', 'phone'])]);
  }
  const surveys: Rows = [];
  for (let i = 0; i < 300; i++) {
    const kind = pick(['nps', 'csat', 'ces'] as const);
    const score = kind === 'nps' ? Math.floor(rnd() * 11) : kind === 'csat' ? 1 + Math.floor(rnd() * 5) : 1 + Math.floor(rnd() * 7);
    surveys.push([pick(customerIds), timestamp(at()), kind, score, maybe(0.6, pick(['great', "didn't arrive", 'ok']))]);
  }
  const marketing: Rows = [];
  for (let d = 0; d < days; d++) {
    const day = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
    for (const ch of ['ads', 'email', 'referral']) if (rnd() < 0.9) marketing.push([day, ch, Math.round(rnd() * 50000) / 100]);
  }
  const leads: Rows = [];
  for (let i = 0; i < 400; i++) {
    const created = at();
    const converted = rnd() < 0.3;
    leads.push([`l${i}`, timestamp(created), maybe(0.1, pick(channels)), converted ? timestamp(created + Math.floor(rnd() * 30 * 86_400_000)) : null, converted ? pick(customerIds) : null]);
  }
  const social: Rows = [];
  const texts = [['en', 'Love this shop!'], ['fr', "C'est nul, livraison en retard"], ['es', 'Muy bueno'], ['ro', 'Foarte bine'], [null, '¯\\_(ツ)_/¯']] as const;
  for (let i = 0; i < 100; i++) {
    const [lang, text] = pick(texts);
    social.push([timestamp(at()), text, pick(['x', 'instagram', 'reddit']), maybe(0.2, `@user${i}`), lang, maybe(0.5, Math.round((rnd() * 2 - 1) * 100) / 100)]);
  }
  const visits: Rows = [];
  for (let i = 0; i < 400; i++) {
    const customer = maybe(0.3, pick(customerIds));
    visits.push([customer ? `v-${customer}` : `anon${i}`, timestamp(at()), customer, maybe(0.2, pick(channels))]);
  }
  return { orders, customers, tickets, surveys, marketing_spend: marketing, leads, social_mentions: social, visits };
}

/** Writes the synthetic store as `<dir>/<table>.parquet`, one file per canonical table. */
export async function writeSyntheticStore(db: NativeDb, dir: string): Promise<string[]> {
  const data = generate();
  await db.exec('create schema if not exists synth');
  const files: string[] = [];
  for (const table of canonicalTableNames) {
    const target = `synth.${table}`;
    await db.exec(`drop table if exists ${target}`);
    await db.exec(createTableSql(table, target));
    const width = canonicalTables[table].columns.length;
    const rows = data[table];
    for (let i = 0; i < rows.length; i += 100) {
      const chunk = rows.slice(i, i + 100);
      const placeholders = chunk.map(() => `(${Array(width).fill('?').join(', ')})`).join(', ');
      await db.exec(`insert into ${target} values ${placeholders}`, chunk.flat());
    }
    const file = `${dir}/${table}.parquet`;
    await db.exec(`copy ${target} to '${file.replace(/'/g, "''")}' (format parquet)`);
    files.push(file);
  }
  return files;
}

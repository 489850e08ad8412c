/**
 * Generates the sample store as one CSV per canonical table (ids still provisional: orders
 * and tickets are numbered by time later, in write.ts). Customers arrive with growth and
 * seasonality, then buy and drop out as in model.ts.
 */
import { join } from 'node:path';
import { channels, firstNames, lastNames, places, products, trueParams } from './model';
import { CsvOut, day, timestamp } from './csvOut';
import { Random } from './prng';
import { mention } from './social';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const start = Date.parse(`${trueParams.start}T00:00:00Z`);
const end = Date.parse(`${trueParams.end}T23:59:59Z`);
const span = end - start;

export interface StoreCounts {
  customers: number;
  orders: number;
  orderLines: number;
  guestOrders: number;
  tickets: number;
  surveys: number;
  leads: number;
  spendDays: number;
  mentions: number;
}

/** Relative arrival intensity: growth over the years, a November-December peak, busier weekends. */
function intensity(ms: number): number {
  const d = new Date(ms);
  const dayOfYear = (ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY;
  const growth = 1 + 0.8 * ((ms - start) / span);
  const season = 1 + 0.9 * Math.exp(-(((dayOfYear - 332) / 18) ** 2)) + 0.5 * Math.exp(-(((dayOfYear - 355) / 8) ** 2)) - 0.15 * Math.exp(-(((dayOfYear - 215) / 25) ** 2));
  const weekday = [1.15, 1.05, 0.95, 0.95, 1.0, 0.9, 1.1][d.getUTCDay()];
  return growth * season * weekday;
}
const maxIntensity = 1.8 * 2.4 * 1.15;

/** A time in the range drawn with the arrival intensity, at a plausible hour of day. */
function arrivalTime(random: Random, from = start, to = end): number {
  for (;;) {
    const t = from + random.next() * (to - from);
    if (random.next() * maxIntensity < intensity(t)) return withHour(random, t);
  }
}

function withHour(random: Random, t: number): number {
  const midnight = Math.floor(t / DAY) * DAY;
  const hour = random.weighted([[7, 2], [9, 4], [11, 5], [13, 6], [15, 5], [18, 7], [20, 9], [22, 5], [0, 1]] as const);
  return midnight + (hour + random.next() * 2) * 3_600_000;
}

export function generateStore(dir: string, customerCount: number, seed = trueParams.seed): StoreCounts {
  const random = new Random(seed);
  const { r, alpha, a, b } = trueParams.bgnbd;
  const spend = trueParams.gammaGamma;
  const out = {
    customers: new CsvOut(join(dir, 'customers.csv'), ['customer_id', 'first_seen', 'email', 'name', 'country', 'city', 'channel', 'is_trial']),
    orders: new CsvOut(join(dir, 'orders.csv'), ['gen_order', 'customer_id', 'order_date', 'revenue', 'product', 'quantity', 'cost', 'refund', 'status', 'country', 'city', 'channel', 'currency', 'is_trial']),
    tickets: new CsvOut(join(dir, 'tickets.csv'), ['customer_id', 'opened_at', 'resolved_at', 'contacts', 'first_contact_resolved', 'channel']),
    surveys: new CsvOut(join(dir, 'surveys.csv'), ['customer_id', 'answered_at', 'kind', 'score', 'comment']),
    leads: new CsvOut(join(dir, 'leads.csv'), ['lead_id', 'created_at', 'channel', 'converted_at', 'customer_id']),
    spend: new CsvOut(join(dir, 'marketing_spend.csv'), ['day', 'channel', 'spend']),
    social: new CsvOut(join(dir, 'social_mentions.csv'), ['posted_at', 'text', 'platform', 'author', 'lang', 'sentiment']),
  };
  const days = Math.ceil(span / DAY);
  const paid = Object.keys(trueParams.cac);
  const acquired = new Map<string, Float64Array>(paid.map((c) => [c, new Float64Array(days)]));
  let orderCount = 0;
  let leadCount = 0;

  const arrivals = Array.from({ length: customerCount }, () => arrivalTime(random)).sort((x, y) => x - y);
  arrivals.forEach((arrival, index) => {
    const id = `C${String(index + 1).padStart(6, '0')}`;
    const [country, cities] = random.weighted(places.map(([c, cs, w]) => [[c, cs], w] as const));
    const city = random.pick(cities);
    const channel = random.weighted(channels);
    const first = random.pick(firstNames[country]);
    const last = random.pick(lastNames[country]);
    const email = `${ascii(first)}.${ascii(last)}${index + 1}@example.com`.toLowerCase();
    const trial = random.chance(trueParams.trialShare);
    const mood = random.normal();
    out.customers.write([id, timestamp(arrival), email, `${first} ${last}`, country, city, channel, trial]);
    if (acquired.has(channel)) acquired.get(channel)![Math.floor((arrival - start) / DAY)]++;
    if (channel !== 'organic' && random.chance(0.7)) {
      const created = arrival - (1 + random.next() * 20) * DAY;
      out.leads.write([`L${String(++leadCount).padStart(7, '0')}`, timestamp(Math.max(start, created)), channel, timestamp(arrival), id]);
    }

    const lambda = random.gamma(r, alpha); // purchases per week while alive
    const dropout = random.beta(a, b);
    const nu = random.gamma(spend.q, spend.gamma);
    let t = arrival;
    let sequence = 0;
    const place = [country, city];
    if (trial) {
      writeOrder(index, sequence++, t, [['Tasting box', 0, 1, 0]], 'completed', channel, place, true);
      if (!random.chance(trueParams.trialConversion)) {
        if (random.chance(0.3)) surveyNps(id, t + 10 * DAY, mood);
        return;
      }
      t += (14 + random.next() * 16) * DAY;
    }
    let orderChannel: string = channel;
    while (t <= end) {
      const z = random.gamma(spend.p, nu);
      const lines = orderLines(random, z);
      const roll = random.next();
      const status = roll < trueParams.cancelShare ? 'cancelled' : roll < trueParams.cancelShare + trueParams.refundShare ? 'refunded' : 'completed';
      writeOrder(index, sequence++, t, lines, status, orderChannel, place, false);
      afterOrder(id, t, status, mood);
      // BG/NBD's story: the chance to drop out follows every repeat purchase, not the first.
      if (sequence > 1 && random.chance(dropout)) break;
      t += random.exponential(lambda) * WEEK;
      orderChannel = random.weighted([['organic', 40], ['email', 35], ['paid_search', 15], ['paid_social', 10]] as const);
    }
    if (random.chance(0.25)) surveyNps(id, arrival + (20 + random.next() * 200) * DAY, mood);
  });

  function writeOrder(customer: number, seq: number, t: number, lines: Line[], status: string, channel: string, place: readonly string[], isTrial: boolean) {
    orderCount++;
    const refundLine = status === 'refunded' ? random.int(0, lines.length - 1) : -1;
    lines.forEach(([product, revenue, quantity, cost], i) => {
      const refund = status === 'cancelled' || i === refundLine ? revenue : 0;
      const lineStatus = status === 'refunded' && i !== refundLine ? 'completed' : status;
      out.orders.write([customer * 10_000 + seq, `C${String(customer + 1).padStart(6, '0')}`, timestamp(t), revenue, product, quantity, cost, refund, lineStatus, place[0], place[1], channel, trueParams.currency, isTrial]);
    });
  }

  function afterOrder(id: string, t: number, status: string, mood: number) {
    let trouble = status === 'completed' ? 0 : 1.2;
    if (random.chance(trueParams.ticketPerOrder + (status === 'completed' ? 0 : 0.5))) {
      const opened = t + (1 + random.next() * 9) * DAY;
      if (opened > end) return;
      const contacts = random.chance(0.68) ? 1 : random.int(2, 5);
      const hours = random.logNormal(Math.log(5) + 0.45 * (contacts - 1), 0.9);
      const resolved = opened + hours * 3_600_000;
      const open = resolved > end || random.chance(0.02);
      const channel = random.weighted([['email', 50], ['chat', 35], ['phone', 15]] as const);
      out.tickets.write([id, timestamp(opened), open ? null : timestamp(resolved), open ? null : contacts, open ? null : contacts === 1, channel]);
      trouble += 0.4 * (contacts - 1);
      if (random.chance(0.5) && !open) {
        const effort = Math.round(clamp(2 + 0.7 * (contacts - 1) - 0.4 * mood + random.normal(), 1, 7));
        survey(id, resolved + random.next() * 2 * DAY, 'ces', effort);
      }
    }
    if (random.chance(trueParams.surveyPerOrder)) {
      const latent = 4.1 + 0.7 * mood - trouble + 0.6 * random.normal();
      survey(id, t + (3 + random.next() * 11) * DAY, 'csat', Math.round(clamp(latent, 1, 5)));
    }
  }

  function surveyNps(id: string, t: number, mood: number) {
    const score = Math.round(clamp(8 + 1.8 * mood + 1.2 * random.normal(), 0, 10));
    survey(id, t, 'nps', score);
  }

  function survey(id: string, t: number, kind: string, score: number) {
    if (t > end) return;
    const good = kind === 'ces' ? score <= 3 : score >= (kind === 'nps' ? 9 : 4);
    const comment = random.chance(0.15) ? comments[kind][good ? 0 : 1] : null;
    out.surveys.write([id, timestamp(t), kind, score, comment]);
  }

  const guests = Math.round(orderCount * trueParams.guestOrderShare);
  for (let g = 0; g < guests; g++) {
    const t = arrivalTime(random);
    const [country, cities] = random.weighted(places.map(([c, cs, w]) => [[c, cs], w] as const));
    const lines = orderLines(random, random.gamma(spend.p, spend.p / 70));
    lines.forEach(([product, revenue, quantity, cost]) =>
      out.orders.write([900_000_000_000 + g, null, timestamp(t), revenue, product, quantity, cost, 0, 'completed', country, random.pick(cities), 'organic', trueParams.currency, false]),
    );
  }

  const unconverted = Math.round(leadCount * 1.6);
  for (let i = 0; i < unconverted; i++) {
    const channel = random.weighted(channels.filter(([c]) => c !== 'organic'));
    out.leads.write([`L${String(++leadCount).padStart(7, '0')}`, timestamp(arrivalTime(random)), channel, null, null]);
  }

  for (const [channel, perDay] of acquired) {
    const cac = trueParams.cac[channel];
    const week = (d: number) => perDay.slice(Math.max(0, d - 3), d + 4).reduce((s, v) => s + v, 0) / 7;
    for (let d = 0; d < days; d++) {
      const amount = cac * week(d) * random.logNormal(-0.02, 0.2);
      if (amount > 0) out.spend.write([day(start + d * DAY), channel, Math.round(amount * 100) / 100]);
    }
  }

  const mentionCount = Math.round(customerCount * 0.15);
  for (let i = 0; i < mentionCount; i++) {
    const m = mention(random, random.pick(products)[0]);
    const platform = random.weighted([['x', 30], ['instagram', 25], ['facebook', 20], ['tiktok', 15], ['reddit', 10]] as const);
    const author = `@${random.pick(['cafe', 'bean', 'morning', 'latte', 'brew', 'ceai', 'cafea', 'cafetito'])}_${random.int(10, 9999)}`;
    out.social.write([timestamp(arrivalTime(random)), m.text, platform, author, m.lang, null]);
  }

  for (const o of Object.values(out)) o.close();
  return {
    customers: out.customers.rows,
    orders: orderCount + guests,
    orderLines: out.orders.rows,
    guestOrders: guests,
    tickets: out.tickets.rows,
    surveys: out.surveys.rows,
    leads: out.leads.rows,
    spendDays: out.spend.rows,
    mentions: out.social.rows,
  };
}

type Line = [product: string, revenue: number, quantity: number, cost: number];

/** Splits an order's spend over 1-3 products in proportion to their prices. */
function orderLines(random: Random, total: number): Line[] {
  const count = random.weighted([[1, 55], [2, 30], [3, 15]] as const);
  const chosen = Array.from({ length: count }, () => random.weighted(products.map((p) => [p, p[0] === 'Gift card' ? 1 : 8] as const)));
  const weight = chosen.reduce((s, p) => s + p[2], 0);
  return chosen.map(([name, , price, costShare]) => {
    const revenue = Math.max(1, Math.round((total * price * 100) / weight) / 100);
    const quantity = Math.max(1, Math.round(revenue / price));
    const cost = Math.round(revenue * costShare * (0.95 + 0.1 * random.next()) * 100) / 100;
    return [name, revenue, quantity, cost];
  });
}

const comments: Record<string, [string, string]> = {
  nps: ['Great coffee, I tell all my friends.', 'Too expensive for what it is.'],
  csat: ['Arrived quickly, well packed.', 'Late and the box was damaged.'],
  ces: ['Sorted out in one message.', 'Had to explain my problem three times.'],
};

function clamp(x: number, lo: number, hi: number) {
  return Math.min(hi, Math.max(lo, x));
}

function ascii(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-zA-Z]/g, '');
}

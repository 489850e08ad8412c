/**
 * Generates the sample store as one CSV per canonical table, streaming (ids still provisional:
 * orders, tickets and leads are numbered by time in write.ts). Customers arrive with growth and
 * seasonality, then buy and drop out as in model.ts.
 */
import { join } from 'node:path';
import { DAY, WEEK, arrivalTime, dayIndex, days, end, start } from './calendar';
import { CsvOut, timestamp } from './csvOut';
import { writeSpend, writeUnconvertedLeads } from './marketing';
import { channels, firstNames, lastNames, places, trueParams } from './model';
import { orderLines, type Line } from './orders';
import { Random } from './prng';
import { writeMentions } from './social';
import { Support } from './support';

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

const header = {
  customers: ['customer_id', 'first_seen', 'email', 'name', 'country', 'city', 'channel', 'is_trial'],
  orders: ['gen_order', 'customer_id', 'order_date', 'revenue', 'product', 'quantity', 'cost', 'refund', 'status', 'country', 'city', 'channel', 'currency', 'is_trial'],
  tickets: ['customer_id', 'opened_at', 'resolved_at', 'contacts', 'first_contact_resolved', 'channel'],
  surveys: ['customer_id', 'answered_at', 'kind', 'score', 'comment'],
  leads: ['gen_lead', 'created_at', 'channel', 'converted_at', 'customer_id'],
  marketing_spend: ['day', 'channel', 'spend'],
  social_mentions: ['posted_at', 'text', 'platform', 'author', 'lang', 'sentiment'],
};

const placeWeights = places.map(([country, cities, w]) => [[country, cities], w] as const);
const repeatChannels = [['organic', 40], ['email', 35], ['paid_search', 15], ['paid_social', 10]] as const;
export function generateStore(dir: string, customerCount: number, seed = trueParams.seed): StoreCounts {
  const random = new Random(seed);
  const out = Object.fromEntries(Object.entries(header).map(([t, h]) => [t, new CsvOut(join(dir, `${t}.csv`), h)])) as Record<
    keyof typeof header,
    CsvOut
  >;
  const support = new Support(random, out.tickets, out.surveys);
  const { r, alpha, a, b } = trueParams.bgnbd;
  const spend = trueParams.gammaGamma;
  const acquired = new Map(Object.keys(trueParams.cac).map((c) => [c, new Float64Array(days)]));
  let orderCount = 0;
  let leadCount = 0;
  const idWidth = Math.max(6, String(customerCount).length);
  const customerId = (index: number) => `C${String(index + 1).padStart(idWidth, '0')}`;

  const arrivals = Float64Array.from({ length: customerCount }, () => arrivalTime(random)).sort();
  for (let index = 0; index < customerCount; index++) {
    const arrival = arrivals[index];
    const id = customerId(index);
    const [country, cities] = random.weighted(placeWeights);
    const city = random.pick(cities);
    const channel = random.weighted(channels);
    const first = random.pick(firstNames[country]);
    const last = random.pick(lastNames[country]);
    const email = `${ascii(first)}.${ascii(last)}${index + 1}@example.com`.toLowerCase();
    const trial = random.chance(trueParams.trialShare);
    const mood = random.normal();
    out.customers.write([id, timestamp(arrival), email, `${first} ${last}`, country, city, channel, trial]);
    const paidDays = acquired.get(channel);
    if (paidDays) paidDays[dayIndex(arrival)]++;
    if (channel !== 'organic' && random.chance(trueParams.leadShare)) {
      const asked = arrival - (1 + random.next() * 20) * DAY;
      const created = asked >= start ? asked : start + random.next() * (arrival - start);
      out.leads.write([++leadCount, timestamp(created), channel, timestamp(arrival), id]);
    }

    const lambda = random.gamma(r, alpha); // purchases per week while alive
    const dropout = random.beta(a, b);
    const nu = random.gamma(spend.q, spend.gamma);
    const npsAt = random.chance(0.25) ? arrival + (20 + random.next() * 200) * DAY : undefined;
    let worstBeforeNps = 0;
    let t = arrival;
    let sequence = 0;
    const place = [country, city] as const;
    if (trial) {
      writeOrder(index, sequence++, t, [['Tasting box', 0, 1, 0]], 'completed', channel, place, true);
      if (!random.chance(trueParams.trialConversion)) {
        if (random.chance(0.3)) support.nps(id, t + 10 * DAY, mood, 0);
        continue;
      }
      t += (14 + random.next() * 16) * DAY;
    }
    let orderChannel: string = channel;
    while (t <= end) {
      const lines = orderLines(random, random.gamma(spend.p, nu));
      const roll = random.next();
      const status = roll < trueParams.cancelShare ? 'cancelled' : roll < trueParams.cancelShare + trueParams.refundShare ? 'refunded' : 'completed';
      writeOrder(index, sequence++, t, lines, status, orderChannel, place, false);
      const trouble = support.afterOrder(id, t, status, mood);
      if (npsAt !== undefined && t < npsAt) worstBeforeNps = Math.max(worstBeforeNps, trouble);
      // BG/NBD's story: the chance to drop out follows every repeat purchase, not the first.
      if (sequence > 1 && random.chance(dropout)) break;
      t += random.exponential(lambda) * WEEK;
      orderChannel = random.weighted(repeatChannels);
    }
    if (npsAt !== undefined) support.nps(id, npsAt, mood, worstBeforeNps);
  }

  function writeOrder(customer: number, seq: number, t: number, lines: Line[], status: string, channel: string, place: readonly [string, string], isTrial: boolean) {
    orderCount++;
    const refundLine = status === 'refunded' ? random.int(0, lines.length - 1) : -1;
    lines.forEach(([product, revenue, quantity, cost], i) => {
      const refund = status === 'cancelled' || i === refundLine ? revenue : 0;
      const lineStatus = status === 'refunded' && i !== refundLine ? 'completed' : status;
      out.orders.write([customer * 10_000 + seq, customerId(customer), timestamp(t), revenue, product, quantity, cost, refund, lineStatus, place[0], place[1], channel, trueParams.currency, isTrial]);
    });
  }

  const guests = Math.round(orderCount * trueParams.guestOrderShare);
  for (let g = 0; g < guests; g++) {
    const t = arrivalTime(random);
    const [country, cities] = random.weighted(placeWeights);
    const city = random.pick(cities);
    for (const [product, revenue, quantity, cost] of orderLines(random, random.gamma(spend.p, spend.p / 70))) {
      out.orders.write([900_000_000_000 + g, null, timestamp(t), revenue, product, quantity, cost, 0, 'completed', country, city, 'organic', trueParams.currency, false]);
    }
  }

  writeUnconvertedLeads(random, out.leads, Math.round(leadCount * trueParams.unconvertedLeadsPerConverted), leadCount + 1);
  writeSpend(random, out.marketing_spend, acquired);
  writeMentions(random, out.social_mentions, Math.round(customerCount * trueParams.mentionsPerCustomer));

  for (const o of Object.values(out)) o.close();
  return {
    customers: out.customers.rows,
    orders: orderCount + guests,
    orderLines: out.orders.rows,
    guestOrders: guests,
    tickets: out.tickets.rows,
    surveys: out.surveys.rows,
    leads: out.leads.rows,
    spendDays: out.marketing_spend.rows,
    mentions: out.social_mentions.rows,
  };
}

function ascii(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-zA-Z]/g, '');
}

/**
 * Daily ad spend per paid channel and the leads that never bought. Spend follows the week
 * around each day's acquisitions, so spend / customers acquired is the channel's CAC.
 */
import { DAY, arrivalTime, days, start } from './calendar';
import { day, timestamp, type CsvOut } from './csvOut';
import { channels, trueParams } from './model';
import type { Random } from './prng';

/** `acquired` counts each paid channel's new customers by day index. */
export function writeSpend(random: Random, out: CsvOut, acquired: Map<string, Float64Array>) {
  for (const [channel, perDay] of acquired) {
    const cac = trueParams.cac[channel];
    for (let d = 0; d < days; d++) {
      let week = 0;
      for (let i = Math.max(0, d - 3); i <= Math.min(days - 1, d + 3); i++) week += perDay[i];
      const amount = ((cac * week) / 7) * random.logNormal(-0.02, 0.2);
      if (amount > 0) out.write([day(start + d * DAY), channel, Math.round(amount * 100) / 100]);
    }
  }
}

const leadChannels = channels.filter(([c]) => c !== 'organic');

/** Leads that did not convert; `nextId` numbers them after the converted ones (write.ts renumbers by time). */
export function writeUnconvertedLeads(random: Random, out: CsvOut, count: number, nextId: number) {
  for (let i = 0; i < count; i++) {
    out.write([nextId + i, timestamp(arrivalTime(random)), random.weighted(leadChannels), null, null]);
  }
}

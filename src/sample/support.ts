/**
 * Support tickets and survey answers. Trouble (a refund, a cancellation, a ticket that took
 * several contacts or stayed open) lowers the CSAT, CES and NPS answers that follow it.
 */
import type { CsvOut } from './csvOut';
import { DAY, end } from './calendar';
import { timestamp } from './csvOut';
import { trueParams } from './model';
import type { Random } from './prng';

const HOUR = 3_600_000;
const ticketChannels = [['email', 50], ['chat', 35], ['phone', 15]] as const;
const comments: Record<string, [good: string, bad: string]> = {
  nps: ['Great coffee, I tell all my friends.', 'Too expensive for what it is.'],
  csat: ['Arrived quickly, well packed.', 'Late and the box was damaged.'],
  ces: ['Sorted out in one message.', 'Had to explain my problem three times.'],
};

export class Support {
  constructor(
    private random: Random,
    private tickets: CsvOut,
    private surveys: CsvOut,
  ) {}

  /** Maybe a ticket (and a CES answer once it is resolved) and a CSAT answer; returns the trouble the order caused. */
  afterOrder(customerId: string, t: number, status: string, mood: number): number {
    const random = this.random;
    let trouble = status === 'completed' ? 0 : 1.2;
    const ticketChance = trueParams.ticketPerOrder + (status === 'completed' ? 0 : trueParams.ticketPerProblemOrder);
    if (random.chance(ticketChance)) {
      const opened = t + (1 + random.next() * 9) * DAY;
      if (opened > end) return trouble;
      const contacts = random.chance(0.68) ? 1 : random.int(2, 5);
      const { mu, sigma, perExtraContact } = trueParams.resolutionHours;
      const resolved = opened + random.logNormal(mu + perExtraContact * (contacts - 1), sigma) * HOUR;
      const open = resolved > end || random.chance(0.02);
      const channel = random.weighted(ticketChannels);
      this.tickets.write([customerId, timestamp(opened), open ? null : timestamp(resolved), open ? null : contacts, open ? null : contacts === 1, channel]);
      trouble += open ? 1.5 : 0.4 * (contacts - 1);
      if (!open && random.chance(0.5)) {
        const effort = Math.round(clamp(2 + 0.7 * (contacts - 1) - 0.4 * mood + random.normal(), 1, 7));
        this.survey(customerId, resolved + random.next() * 2 * DAY, 'ces', effort);
      }
    }
    if (random.chance(trueParams.surveyPerOrder)) {
      const latent = 4.1 + 0.7 * mood - trouble + 0.6 * random.normal();
      this.survey(customerId, t + (3 + random.next() * 11) * DAY, 'csat', Math.round(clamp(latent, 1, 5)));
    }
    return trouble;
  }

  /** An NPS answer; `trouble` is the worst the customer had met before answering. */
  nps(customerId: string, t: number, mood: number, trouble: number) {
    const score = 8 + 1.8 * mood - trueParams.npsPerTrouble * trouble + 1.2 * this.random.normal();
    this.survey(customerId, t, 'nps', Math.round(clamp(score, 0, 10)));
  }

  private survey(customerId: string, t: number, kind: string, score: number) {
    if (t > end) return;
    const good = kind === 'ces' ? score <= 3 : score >= (kind === 'nps' ? 9 : 4);
    const comment = this.random.chance(0.15) ? comments[kind][good ? 0 : 1] : null;
    this.surveys.write([customerId, timestamp(t), kind, score, comment]);
  }
}

function clamp(x: number, lo: number, hi: number) {
  return Math.min(hi, Math.max(lo, x));
}

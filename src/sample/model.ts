/**
 * The sample store's true parameters. Purchasing follows the BG/NBD story (Fader, Hardie &
 * Lee 2005) in weeks: a customer buys at rate lambda ~ Gamma(r, alpha) while alive and, after
 * every repeat purchase, drops out with probability p ~ Beta(a, b). Spend per order follows the
 * Gamma-Gamma model (Fader & Hardie 2013): z ~ Gamma(p, nu), nu ~ Gamma(q, gamma), rates.
 * These are written to params.json so fitted models can be checked against them.
 */
export const trueParams = {
  seed: 20240611,
  start: '2023-01-01',
  end: '2025-12-31',
  timeUnit: 'week',
  bgnbd: { r: 0.6, alpha: 9.0, a: 0.85, b: 5.0 },
  gammaGamma: { p: 6.0, q: 4.0, gamma: 50.0 },
  trialShare: 0.05,
  trialConversion: 0.35,
  guestOrderShare: 0.02,
  refundShare: 0.04,
  cancelShare: 0.015,
  ticketPerOrder: 0.03,
  ticketPerProblemOrder: 0.5,
  /** Hours to resolve a ticket: log-normal, exp(mu + perExtraContact * (contacts - 1) + sigma * N(0, 1)). */
  resolutionHours: { mu: Math.log(5), sigma: 0.9, perExtraContact: 0.45 },
  surveyPerOrder: 0.12,
  /** NPS points lost per unit of the worst trouble met before answering (refund 1.2, open ticket 1.5, 0.4 per extra contact). */
  npsPerTrouble: 0.8,
  /** Share of non-organic customers who were leads first, and unconverted leads per converted one. */
  leadShare: 0.7,
  unconvertedLeadsPerConverted: 1.6,
  mentionsPerCustomer: 0.15,
  currency: 'EUR',
  /** Spend per acquired customer in each paid channel (before noise): the CAC a module should find. */
  cac: { paid_search: 38, paid_social: 29, affiliate: 22 } as Record<string, number>,
};

export const channels = [
  ['organic', 30],
  ['paid_search', 24],
  ['paid_social', 18],
  ['email', 10],
  ['referral', 10],
  ['affiliate', 8],
] as const;

export const places = [
  ['France', ['Paris', 'Lyon', 'Besançon', 'Marseille', 'Nantes'], 22],
  ['Spain', ['Madrid', 'Barcelona', 'Málaga', 'Sevilla', 'A Coruña'], 18],
  ['Romania', ['Bucureşti', 'Cluj-Napoca', 'Iaşi', 'Timişoara', 'Braşov'], 14],
  ['Germany', ['Berlin', 'München', 'Köln', 'Hamburg'], 16],
  ['United Kingdom', ['London', 'Manchester', 'Edinburgh', 'Bristol'], 12],
  ['United States', ['New York', 'Austin', 'Chicago', 'Seattle'], 10],
  ['Italy', ['Roma', 'Milano', 'Torino'], 8],
] as const;

/** Product, category, unit price, cost share of price. */
export const products = [
  ['Espresso beans 1 kg', 'coffee', 24.9, 0.48],
  ['Filter roast 500 g', 'coffee', 13.5, 0.45],
  ['Decaf 250 g', 'coffee', 8.9, 0.5],
  ['Single origin Ethiopia', 'coffee', 16.0, 0.42],
  ['Green tea sencha', 'tea', 11.0, 0.38],
  ['Earl Grey 250 g', 'tea', 9.5, 0.4],
  ['Pour-over kettle', 'gear', 59.0, 0.55],
  ['Hand grinder', 'gear', 89.0, 0.6],
  ['Ceramic dripper', 'gear', 27.0, 0.5],
  ['Milk frother', 'gear', 39.0, 0.58],
  ['Gift card', 'gift', 50.0, 0.0],
  ['Tasting box', 'subscription', 29.0, 0.52],
] as const;

export const firstNames = {
  France: ['Émilie', 'Lucas', 'Chloé', 'Hugo', 'Léa', 'Théo', 'Inès', 'Noé'],
  Spain: ['Lucía', 'Martín', 'Sofía', 'Hugo', 'Álvaro', 'Carmen', 'Iñigo', 'Paula'],
  Romania: ['Ioana', 'Andrei', 'Maria', 'Ștefan', 'Elena', 'Mihai', 'Ana', 'Răzvan'],
  Germany: ['Jürgen', 'Anna', 'Lukas', 'Sophie', 'Felix', 'Mia', 'Jonas', 'Lena'],
  'United Kingdom': ['Oliver', 'Amelia', 'Siobhan', 'Harry', 'Isla', 'Jack', 'Niamh', 'George'],
  'United States': ['Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'Ethan', 'Mia', 'Logan'],
  Italy: ['Giulia', 'Marco', 'Chiara', 'Luca', 'Francesca', 'Matteo', 'Sara', 'Niccolò'],
} as Record<string, string[]>;

export const lastNames = {
  France: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', "D'Arcy", 'Moreau', 'Girard', 'Rousseau'],
  Spain: ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Núñez'],
  Romania: ['Popescu', 'Ionescu', 'Popa', 'Dumitru', 'Stoica', 'Munteanu', 'Constantinescu', 'Ţurcanu'],
  Germany: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weiß', 'Wagner', 'Becker', 'Hoffmann'],
  'United Kingdom': ["O'Brien", 'Smith', 'Jones', 'Taylor', 'Brown', "O'Neill", 'Davies', 'Evans'],
  'United States': ['Johnson', 'Williams', 'Miller', 'Davis', 'Rodriguez', "O'Connor", 'Wilson', 'Moore'],
  Italy: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci'],
} as Record<string, string[]>;

/**
 * One small hand-made store that the golden tests share, with the awkward rows: a refunded
 * line, a cancelled order, a guest order, a zero-revenue trial, a leap-day month edge, a
 * customer id with a quote, NULLs and out-of-range scores. Period: 2024-02-01 .. 2024-03-31
 * (60 days); the previous period is 2023-12-03 .. 2024-01-31.
 */
import type { FixtureRow } from '../support/loadTables';
import type { CanonicalTableName } from '../../src/lib/canonical';

export const period = { start: '2024-02-01', end: '2024-03-31' };

const order = (order_id: string, customer_id: string | null, order_date: string, revenue: number, cost: number, refund: number, status: string, channel: string, is_trial = false): FixtureRow => ({
  order_id, customer_id, order_date, revenue, cost, refund, status, channel, is_trial, currency: 'EUR',
});

export const store: Partial<Record<CanonicalTableName, FixtureRow[]>> = {
  orders: [
    order('O1', 'A', '2024-01-10 10:00:00', 100, 40, 0, 'completed', 'paid_search'),
    order('O2', 'A', '2024-02-05 09:00:00', 50, 20, 0, 'completed', 'email'),
    order('O2', 'A', '2024-02-05 09:00:00', 30, 10, 30, 'refunded', 'email'),
    order('O3', 'B', '2024-02-29 23:30:00', 80, 30, 0, 'completed', 'paid_social'),
    order('O4', 'B', '2024-03-01 00:10:00', 40, 15, 0, 'completed', 'organic'),
    order('O5', "O'Brien", '2024-03-15 12:00:00', 60, 25, 0, 'cancelled', 'paid_search'),
    order('O6', null, '2024-03-20 12:00:00', 70, 30, 0, 'completed', 'organic'),
    order('O7', 'D', '2024-03-31 23:59:00', 0, 0, 0, 'completed', 'paid_search', true),
    order('O8', 'E', '2023-12-20 12:00:00', 90, 30, 0, 'completed', 'referral'),
    order('O9', "O'Brien", '2024-03-16 12:00:00', 20, 5, 0, 'completed', 'paid_search'),
  ],
  marketing_spend: [
    { day: '2024-02-10', channel: 'paid_social', spend: 300 },
    { day: '2024-03-05', channel: 'paid_search', spend: 100 },
    { day: '2024-03-06', channel: 'paid_search', spend: 50 },
    { day: '2024-01-15', channel: 'paid_search', spend: 999 },
    { day: '2024-03-10', channel: 'affiliate', spend: 40 },
  ],
  leads: [
    { lead_id: 'L1', created_at: '2024-02-01 00:00:00', channel: 'paid_search', converted_at: '2024-02-10 00:00:00' },
    { lead_id: 'L2', created_at: '2024-02-15 00:00:00', channel: 'paid_search', converted_at: null },
    { lead_id: 'L3', created_at: '2024-03-31 12:00:00', channel: 'email', converted_at: '2024-04-05 00:00:00' },
    { lead_id: 'L4', created_at: '2024-01-31 23:59:00', channel: 'email', converted_at: '2024-02-02 00:00:00' },
    { lead_id: 'L5', created_at: '2024-03-02 00:00:00', channel: null, converted_at: null },
  ],
  surveys: [
    { customer_id: 'A', answered_at: '2024-02-01 00:00:00', kind: 'nps', score: 10 },
    { customer_id: 'B', answered_at: '2024-02-29 12:00:00', kind: 'nps', score: 9 },
    { customer_id: "O'Brien", answered_at: '2024-03-01 12:00:00', kind: 'nps', score: 7 },
    { customer_id: 'E', answered_at: '2024-03-31 23:00:00', kind: 'nps', score: 3 },
    { customer_id: 'A', answered_at: '2024-03-02 12:00:00', kind: 'nps', score: 11 },
    { customer_id: 'A', answered_at: '2024-03-03 12:00:00', kind: 'nps', score: null },
    { customer_id: 'B', answered_at: '2024-01-31 12:00:00', kind: 'nps', score: 0 },
    { customer_id: 'A', answered_at: '2024-02-10 12:00:00', kind: 'csat', score: 5 },
    { customer_id: 'B', answered_at: '2024-02-11 12:00:00', kind: 'csat', score: 4 },
    { customer_id: 'E', answered_at: '2024-02-12 12:00:00', kind: 'csat', score: 2 },
    { customer_id: 'A', answered_at: '2024-03-01 12:00:00', kind: 'csat', score: 3 },
    { customer_id: 'B', answered_at: '2024-03-02 12:00:00', kind: 'CSAT', score: 5 },
    { customer_id: 'B', answered_at: '2024-03-03 12:00:00', kind: 'csat', score: 0 },
    { customer_id: 'A', answered_at: '2024-02-05 12:00:00', kind: 'ces', score: 1 },
    { customer_id: 'B', answered_at: '2024-02-06 12:00:00', kind: 'ces', score: 4 },
    { customer_id: 'E', answered_at: '2024-03-07 12:00:00', kind: 'ces', score: 7 },
    { customer_id: 'E', answered_at: '2024-03-08 12:00:00', kind: 'ces', score: 8 },
  ],
  tickets: [
    { ticket_id: 'T1', customer_id: 'A', opened_at: '2024-02-01 08:00:00', resolved_at: '2024-02-01 10:00:00', contacts: 1, first_contact_resolved: true, channel: 'chat' },
    { ticket_id: 'T2', customer_id: 'B', opened_at: '2024-02-10 08:00:00', resolved_at: '2024-02-11 08:00:00', contacts: 3, first_contact_resolved: false, channel: 'email' },
    { ticket_id: 'T3', customer_id: "O'Brien", opened_at: '2024-03-05 00:00:00', resolved_at: null, contacts: null, first_contact_resolved: null, channel: 'email' },
    { ticket_id: 'T4', customer_id: 'E', opened_at: '2024-03-31 22:00:00', resolved_at: '2024-04-01 02:00:00', contacts: 1, first_contact_resolved: null, channel: null },
    { ticket_id: 'T5', customer_id: 'A', opened_at: '2024-01-31 08:00:00', resolved_at: '2024-02-01 08:00:00', contacts: 1, first_contact_resolved: true, channel: 'chat' },
    { ticket_id: 'T6', customer_id: 'B', opened_at: '2024-03-10 10:00:00', resolved_at: '2024-03-10 09:00:00', contacts: 1, first_contact_resolved: true, channel: 'chat' },
    { ticket_id: 'T7', customer_id: "O'Brien", opened_at: '2024-02-20 10:00:00', resolved_at: '2024-02-20 16:00:00', contacts: null, first_contact_resolved: null, channel: 'email' },
  ],
  social_mentions: [
    { posted_at: '2024-02-01 09:00:00', text: 'love it', sentiment: 0.5 },
    { posted_at: '2024-02-02 09:00:00', text: 'broken', sentiment: -0.5 },
    { posted_at: '2024-02-03 09:00:00', text: 'ordered', sentiment: 0.05 },
    { posted_at: '2024-02-04 09:00:00', text: 'fine', sentiment: 0.1 },
    { posted_at: '2024-03-01 09:00:00', text: 'great', sentiment: 0.8 },
    { posted_at: '2024-03-02 09:00:00', text: 'not scored', sentiment: null },
    { posted_at: '2024-01-31 09:00:00', text: 'before', sentiment: 0.9 },
  ],
  visits: [
    // A: two visits on 5 Feb make one visit day, then 20 Feb and 3 Mar.
    { visitor_id: 'vA', customer_id: 'A', visited_at: '2024-02-05 08:00:00', channel: 'email' },
    { visitor_id: 'vA', customer_id: 'A', visited_at: '2024-02-05 08:30:00', channel: 'email' },
    { visitor_id: 'vA', customer_id: 'A', visited_at: '2024-02-20 10:00:00', channel: 'organic' },
    { visitor_id: 'vA', customer_id: 'A', visited_at: '2024-03-03 12:00:00', channel: 'organic' },
    // B: either side of the month edge.
    { visitor_id: 'vB', customer_id: 'B', visited_at: '2024-02-29 23:00:00', channel: 'paid_social' },
    { visitor_id: 'vB', customer_id: 'B', visited_at: '2024-03-01 00:05:00', channel: 'organic' },
    { visitor_id: 'vO', customer_id: "O'Brien", visited_at: '2024-03-15 11:00:00', channel: 'paid_search' },
    // An anonymous visitor, and E before and after the period.
    { visitor_id: 'anon1', customer_id: null, visited_at: '2024-02-10 09:00:00', channel: 'organic' },
    { visitor_id: 'vE', customer_id: 'E', visited_at: '2024-01-20 09:00:00', channel: 'referral' },
    { visitor_id: 'vE', customer_id: 'E', visited_at: '2024-04-01 00:00:00', channel: 'referral' },
  ],
};

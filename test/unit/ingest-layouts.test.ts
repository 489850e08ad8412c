// Pins the known exports end to end (real DuckDB-WASM): Shopify line items (revenue = quantity
// x price), WooCommerce (customer 0 is a guest), Stripe payments (failed ones set aside) and
// customers, PayPal (a negative gross is a refund), Online Retail (C invoices and negative
// quantities are credit notes), a helpdesk export, status words as refunds and cancellations.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openIngestHost } from '../support/ingestHost';
import { loaded, rowsFrom } from '../support/ingestFixtures';

let host: Awaited<ReturnType<typeof openIngestHost>>;
beforeAll(async () => {
  host = await openIngestHost();
});
afterAll(() => host.wasm.close());

test('Shopify: one row per line item, revenue = quantity x price, the refunded order kept as a refund', async () => {
  const v = await loaded(host, 'shopify-orders.csv');
  expect(v).toMatchObject({ table: 'orders', rowsLoaded: 3, guestOrders: 1, refundOrders: 1 });
  expect(await rowsFrom(host, v, 'order_id, customer_id, order_date, product, quantity, revenue, refund, status')).toEqual([
    { order_id: '#1001', customer_id: 'ana@example.com', order_date: '2024-01-05 10:11:00', product: 'Green tea', quantity: 2, revenue: 16, refund: 0, status: 'paid' },
    { order_id: '#1001', customer_id: 'ana@example.com', order_date: '2024-01-05 10:11:00', product: 'Mug', quantity: 1, revenue: 7, refund: 0, status: null },
    { order_id: '#1002', customer_id: null, order_date: '2024-01-06 08:59:00', product: 'Black tea', quantity: 1, revenue: 15, refund: 15, status: 'refunded' },
  ]);
});

test('WooCommerce: customer 0 is a guest; refunded and cancelled orders keep their revenue and refund it', async () => {
  const v = await loaded(host, 'woocommerce-orders.csv');
  expect(v).toMatchObject({ rowsLoaded: 3, guestOrders: 1, refundOrders: 2 });
  expect(await rowsFrom(host, v, 'order_id, customer_id, revenue, refund, status, city')).toEqual([
    { order_id: '101', customer_id: '7', revenue: 30, refund: 0, status: 'completed', city: 'Lyon' },
    { order_id: '102', customer_id: null, revenue: 12, refund: 12, status: 'refunded', city: 'Nice' },
    { order_id: '103', customer_id: '8', revenue: 9, refund: 9, status: 'cancelled', city: 'Lyon' },
  ]);
});

test('Stripe payments: the failed charge is set aside, the refunded one refunded, "1,049.00" read as 1049', async () => {
  const v = await loaded(host, 'stripe-payments.csv');
  expect(v).toMatchObject({ rowsLoaded: 3, refundOrders: 1, setAside: [{ reason: 'failed payment (never a sale)', rows: 1 }] });
  expect(await rowsFrom(host, v, 'order_id, customer_id, revenue, refund, status, country')).toEqual([
    { order_id: 'ch_1', customer_id: 'cus_A', revenue: 49, refund: 0, status: 'paid', country: 'DE' },
    { order_id: 'ch_2', customer_id: 'cus_B', revenue: 49, refund: 49, status: 'refunded', country: 'DE' },
    { order_id: 'ch_4', customer_id: 'cus_A', revenue: 1049, refund: 0, status: 'paid', country: 'FR' },
  ]);
});

test('Stripe customers become customers', async () => {
  const v = await loaded(host, 'stripe-customers.csv');
  expect(v.table).toBe('customers');
  expect(await rowsFrom(host, v, 'customer_id, email, name, first_seen')).toEqual([
    { customer_id: 'cus_A', email: 'a@example.com', name: 'Ana', first_seen: '2024-01-01 09:00:00' },
    { customer_id: 'cus_B', email: 'b@example.com', name: 'Ben', first_seen: '2024-01-02 10:00:00' },
  ]);
});

test('PayPal: month-first dates, the negative gross a stand-alone refund', async () => {
  const v = await loaded(host, 'paypal-activity.csv');
  expect(await rowsFrom(host, v, 'order_id, customer_id, order_date, revenue, refund, status')).toEqual([
    { order_id: '7AB1', customer_id: 'ana@example.com', order_date: '2024-01-15 00:00:00', revenue: 1200, refund: 0, status: 'completed' },
    { order_id: '7AB2', customer_id: 'ana@example.com', order_date: '2024-01-20 00:00:00', revenue: 0, refund: 200, status: 'refunded' },
  ]);
});

test('Online Retail: C-prefixed invoices and negative quantities are credit notes; a blank CustomerID is a guest', async () => {
  const v = await loaded(host, 'online-retail.csv');
  expect(v).toMatchObject({ rowsLoaded: 4, guestOrders: 1, refundOrders: 2, dialect: { formats: { order_date: { dateOrder: 'mdy' } } } });
  expect(await rowsFrom(host, v, 'order_id, customer_id, order_date, quantity, round(revenue, 2) as revenue, round(refund, 2) as refund, status')).toEqual([
    { order_id: '536365', customer_id: '17850', order_date: '2010-12-01 08:26:00', quantity: 6, revenue: 15.3, refund: 0, status: null },
    { order_id: '536366', customer_id: null, order_date: '2010-12-01 08:28:00', quantity: 6, revenue: 11.1, refund: 0, status: null },
    { order_id: '536380', customer_id: '17850', order_date: '2010-12-13 09:41:00', quantity: 2, revenue: 0, refund: 3.7, status: 'refunded' },
    { order_id: 'C536379', customer_id: '14527', order_date: '2010-12-01 09:41:00', quantity: 1, revenue: 0, refund: 27.5, status: 'refunded' },
  ]);
});

test('status words in any language: Refunded, Cancelled and Remboursé are refunds, completed is a sale', async () => {
  const v = await loaded(host, 'orders-status-refunds.csv');
  expect(v.refundOrders).toBe(3);
  expect(await rowsFrom(host, v, 'order_id, revenue, refund, status')).toEqual([
    { order_id: 'S1', revenue: 10, refund: 0, status: 'completed' },
    { order_id: 'S2', revenue: 20, refund: 20, status: 'refunded' },
    { order_id: 'S3', revenue: 30, refund: 30, status: 'cancelled' },
    { order_id: 'S4', revenue: 40, refund: 40, status: 'refunded' },
  ]);
});

test('line items with quantity and unit price but no total', async () => {
  const v = await loaded(host, 'line-items.csv');
  expect(await rowsFrom(host, v, 'order_id, product, quantity, revenue')).toEqual([
    { order_id: 'L1', product: 'Mug', quantity: 1, revenue: 8 },
    { order_id: 'L1', product: 'Tea', quantity: 2, revenue: 7 },
    { order_id: 'L2', product: 'Tea', quantity: 3, revenue: 10.5 },
  ]);
});

test('helpdesk tickets: an open ticket has no resolution time', async () => {
  const v = await loaded(host, 'helpdesk-tickets.csv');
  expect(v.table).toBe('tickets');
  expect(await rowsFrom(host, v, 'ticket_id, customer_id, opened_at, resolved_at, contacts, channel')).toEqual([
    { ticket_id: '9001', customer_id: 'c1', opened_at: '2024-01-05 09:00:00', resolved_at: '2024-01-05 12:30:00', contacts: 1, channel: 'email' },
    { ticket_id: '9002', customer_id: 'c2', opened_at: '2024-01-06 10:00:00', resolved_at: null, contacts: 3, channel: 'chat' },
  ]);
});

test('a customer list found by synonyms; a name with a quote and a comma stays whole', async () => {
  const v = await loaded(host, 'customers-plain.csv');
  expect(v.table).toBe('customers');
  expect(await rowsFrom(host, v, 'customer_id, name, first_seen')).toEqual([
    { customer_id: 'c1', name: 'Ana', first_seen: '2023-11-02 00:00:00' },
    { customer_id: 'c2', name: "O'Brien, Pat", first_seen: '2023-12-24 00:00:00' },
  ]);
});

test('survey answers: kinds lower-cased, a blank comment kept as NULL', async () => {
  const v = await loaded(host, 'surveys-nps.csv');
  expect(v.table).toBe('surveys');
  expect(await rowsFrom(host, v, 'customer_id, answered_at, kind, score, comment')).toEqual([
    { customer_id: 'c1', answered_at: '2024-01-05 10:00:00', kind: 'nps', score: 9, comment: 'Great tea' },
    { customer_id: 'c2', answered_at: '2024-01-06 11:00:00', kind: 'csat', score: 4, comment: null },
    { customer_id: 'c3', answered_at: '2024-01-07 12:00:00', kind: 'nps', score: 3, comment: 'Late, again' },
  ]);
});

test('French marketing spend: Jour, Canal, Dépense; day-first dates become DATE', async () => {
  const v = await loaded(host, 'depenses-marketing.csv');
  expect(v.table).toBe('marketing_spend');
  expect(v.mapping.columns).toEqual({ day: 'Jour', channel: 'Canal', spend: 'Dépense' });
  expect(await rowsFrom(host, v, 'day, channel, spend')).toEqual([
    { day: '2024-03-01', channel: 'Google Ads', spend: 120.5 },
    { day: '2024-03-02', channel: 'Meta', spend: 80 },
    { day: '2024-03-13', channel: 'Google Ads', spend: 99.99 },
  ]);
});

test('social mentions', async () => {
  const v = await loaded(host, 'mentions.csv');
  expect(v.table).toBe('social_mentions');
  expect(await rowsFrom(host, v, 'posted_at, platform, author, text')).toEqual([
    { posted_at: '2024-01-05 08:00:00', platform: 'Instagram', author: '@ana', text: "J'adore ce thé !" },
    { posted_at: '2024-01-06 09:30:00', platform: 'X', author: '@ben', text: 'Delivery was slow' },
  ]);
});

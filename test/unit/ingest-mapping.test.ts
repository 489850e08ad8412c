// Pins the column recogniser on header lists alone: known export layouts load without asking,
// synonyms in English, French, Spanish and Romanian (any accents or case) map to the canonical
// columns, unclear files ask with a reason, and the header signature remembers corrections.
import { describe, expect, test } from 'vitest';
import { recognise } from '../../src/lib/mapping/recognise';
import { headerSignature } from '../../src/lib/mapping/signature';
import { foldHeader } from '../../src/lib/mapping/fold';
import { mappingTargets } from '../../src/lib/mapping/targets';

describe('known layouts', () => {
  test('Shopify orders: line items, email as the customer, quantity x price as revenue', () => {
    const p = recognise(['Name', 'Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Currency', 'Subtotal', 'Total', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Lineitem sku', 'Billing City', 'Billing Country', 'Refunded Amount', 'Id']);
    expect(p.decision).toBe('sure');
    expect(p.guesses[0].layout).toBe('shopify-orders');
    expect(p.guesses[0].mapping.columns).toEqual({
      order_id: 'Name', customer_id: 'Email', order_date: 'Created at', quantity: 'Lineitem quantity', unit_price: 'Lineitem price',
      product: 'Lineitem name', refund: 'Refunded Amount', status: 'Financial Status', currency: 'Currency', country: 'Billing Country', city: 'Billing City',
    });
  });

  test('WooCommerce treats customer 0 as a guest; Stripe payments and customers are told apart', () => {
    const woo = recognise(['Order ID', 'Order Number', 'Order Date', 'Order Status', 'Customer User', 'Billing Email', 'Order Total', 'Order Refund Amount']);
    expect(woo.guesses[0]).toMatchObject({ layout: 'woocommerce-orders', table: 'orders', mapping: { guestIds: ['0'], columns: { order_id: 'Order Number', customer_id: 'Customer User' } } });
    expect(recognise(['id', 'Created (UTC)', 'Amount', 'Amount Refunded', 'Currency', 'Status', 'Customer ID']).guesses[0].layout).toBe('stripe-payments');
    expect(recognise(['id', 'Email', 'Name', 'Created (UTC)', 'Delinquent']).guesses[0]).toMatchObject({ layout: 'stripe-customers', table: 'customers' });
  });

  test('PayPal activity, Online Retail (credit-note prefix C) and a helpdesk export', () => {
    expect(recognise(['Date', 'Time', 'TimeZone', 'Name', 'Type', 'Status', 'Currency', 'Gross', 'Fee', 'Net', 'From Email Address', 'Transaction ID']).guesses[0].mapping.columns).toMatchObject({ revenue: 'Gross', customer_id: 'From Email Address' });
    expect(recognise(['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country']).guesses[0].mapping.creditPrefix).toBe('C');
    expect(recognise(['Ticket ID', 'Subject', 'Requester', 'Created', 'Solved', 'Status', 'Channel', 'Replies']).guesses[0]).toMatchObject({ table: 'tickets', mapping: { columns: { contacts: 'Replies', resolved_at: 'Solved' } } });
  });
});

describe('synonyms', () => {
  test.each([
    ['French', ['N° de commande', 'Client', 'Date de commande', 'Montant TTC', 'Pays', 'Ville']],
    ['Spanish', ['Número de pedido', 'Cliente', 'Fecha', 'Importe', 'País', 'Ciudad']],
    ['Romanian', ['Număr comandă', 'Client', 'Data comenzii', 'Valoare', 'Țară', 'Oraș']],
    ['shouting, no accents', ['NUMERO DE PEDIDO', 'CLIENTE', 'FECHA', 'IMPORTE', 'PAIS', 'CIUDAD']],
  ])('%s order headers map to order_id, customer_id, order_date, revenue, country, city', (_, headers) => {
    const p = recognise(headers);
    expect(p.decision).toBe('sure');
    expect(p.guesses[0].table).toBe('orders');
    expect(Object.entries(p.guesses[0].mapping.columns).sort()).toEqual(
      [['city', headers[5]], ['country', headers[4]], ['customer_id', headers[1]], ['order_date', headers[2]], ['order_id', headers[0]], ['revenue', headers[3]]].sort(),
    );
  });

  test('a customer list is customers, not orders', () => {
    const p = recognise(['Customer ID', 'Email', 'Name', 'Country', 'Signup Date']);
    expect(p.decision).toBe('sure');
    expect(p.guesses[0].table).toBe('customers');
    expect(p.guesses[0].mapping.columns.first_seen).toBe('Signup Date');
  });

  test('quantity and unit price stand in for a missing line total', () => {
    const p = recognise(['Order', 'Customer', 'Date', 'Product', 'Qty', 'Unit Price']);
    expect(p.decision).toBe('sure');
    expect(p.guesses[0].missing).toEqual([]);
    expect(p.guesses[0].mapping.columns).toMatchObject({ quantity: 'Qty', unit_price: 'Unit Price' });
  });
});

describe('asking', () => {
  test('headers that name nothing ask, with a reason', () => {
    const p = recognise(['ref', 'who', 'when', 'how much']);
    expect(p.decision).toBe('ask');
    expect(p.reason).toBe('none of the columns look like orders, customers, tickets or another known table');
  });

  test('orders without a date column ask and say which column is missing, best guess filled in', () => {
    const p = recognise(['Order ID', 'Customer ID', 'Total']);
    expect(p.decision).toBe('ask');
    expect(p.reason).toBe('no column found for order_date');
    expect(p.guesses[0].mapping.columns).toEqual({ order_id: 'Order ID', customer_id: 'Customer ID', revenue: 'Total' });
  });
});

test('the signature is the same for the same headers in any case or accents, and differs when a column is added', () => {
  expect(headerSignature(['Date de commande', 'Montant'])).toBe(headerSignature(['DATE DE COMMANDE', 'montant']));
  expect(headerSignature(['Date de commande', 'Montant'])).not.toBe(headerSignature(['Date de commande', 'Montant', 'Pays']));
  expect(foldHeader('  Țară / Oraș ')).toBe('tara oras');
  expect(foldHeader('N° de commande')).toBe('no de commande');
});

test('the mapping step offers required columns first and the unit-price helper for orders', () => {
  const orders = mappingTargets('orders');
  expect(orders.slice(0, 4).map((t) => [t.column, t.required])).toEqual([['order_id', true], ['customer_id', true], ['order_date', true], ['revenue', true]]);
  expect(orders.at(-1)).toEqual({ column: 'unit_price', type: 'DOUBLE', required: false, helper: true });
  expect(mappingTargets('marketing_spend').map((t) => t.column)).toEqual(['day', 'channel', 'spend']);
});

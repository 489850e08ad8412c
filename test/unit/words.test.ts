// Pins the words a user reads about what a module needs and what its parameters are: the missing
// inputs name an export a user has ("an orders export with a cost column"), never a table or a
// column identifier, a prepared table is asked for as the orders it is built from, the runner
// says it with the same sentence, and every parameter of a shipped module has a label of its own.
import { expect, test } from 'vitest';
import { readCatalog } from '../../src/cli/readModules';
import { canonicalTables, derivedTables } from '../../src/lib/canonical';
import { hasMessage } from '../../src/lib/i18n';
import { explorerFamilies, scopeFamilies } from '../../src/lib/moduleCatalog';
import { availableColumns, missingInputs, missingNeeds } from '../../src/lib/loadedColumns';
import { needsSentence } from '../../src/lib/needsWords';
import { paramLabel } from '../../src/lib/paramLabel';
import { preparedTables } from '../../src/lib/prepared';
import { textReport } from '../../src/cli/textReport';

const catalog = readCatalog();
const module = (id: string) => catalog.current.find((m) => m.id === id)!;
const ordersColumns = ['order_id', 'customer_id', 'order_date', 'revenue', 'refund', 'status', 'channel', 'cost'];
const identifiers = [...Object.values(canonicalTables).flatMap((t) => [t.name, ...t.columns.map((c) => c.name)]), ...Object.entries(preparedTables).flatMap(([name, cols]) => [name, ...cols.map((c) => c.name)])].filter((n) => n.includes('_'));


/** Modules the notebook shows as cells: not the customer explorer's, not the scope layer's. */
const isCell = (m: { family: string }) => !explorerFamilies.includes(m.family) && !scopeFamilies.includes(m.family);

test('orders without a cost ask for an orders export with a cost column, not orders(cost)', () => {
  const available = availableColumns([{ table: 'orders', columns: ordersColumns, empty: ['cost'] }]);
  const profit = module('profit_per_customer');
  expect(missingNeeds(profit, available)).toEqual(['orders(cost)']);
  expect(needsSentence(profit.title, missingInputs(profit, available))).toBe(
    'Add an orders export with a cost column (Shopify, WooCommerce, an ERP) to see Average profit per customer.',
  );
});

test('a module reading the prepared orders asks for the orders when none are loaded, and two missing exports are listed together', () => {
  const available = availableColumns([{ table: 'tickets', columns: ['ticket_id', 'customer_id', 'opened_at', 'resolved_at'] }]);
  const cac = module('customer_acquisition_cost');
  const missing = missingInputs(cac, available);
  expect(missing.map((m) => m.table)).toEqual(['orders', 'marketing_spend']);
  expect(missingNeeds(cac, available)[0]).toBe('orders(customer_id, order_id, order_date, revenue)');
  expect(needsSentence(cac.title, missing)).toBe(
    'Add an orders export (Shopify, WooCommerce, Stripe, PayPal, an ERP) and your ad spend by day (Google Ads, Meta exports) to see Customer acquisition cost.',
  );
});

test('a table not loaded is asked for with only the columns its files may lack', () => {
  const available = availableColumns([{ table: 'orders', columns: ordersColumns }]);
  // contacts, first_contact_resolved and channel count as loaded with any tickets; a resolution date does not.
  expect(needsSentence('First-contact resolution', missingInputs(module('first_contact_resolution'), available))).toBe(
    'Add helpdesk tickets with a resolution date column (Zendesk, Freshdesk, Help Scout exports) to see First-contact resolution.',
  );
  expect(needsSentence('Sentiment', missingInputs(module('sentiment_share'), available))).toBe(
    'Add your social media mentions (a social listening export) to see Sentiment.',
  );
});

test('an optional column with an identifier for a name is said in words', () => {
  const available = availableColumns([{ table: 'orders', columns: ordersColumns }, { table: 'leads', columns: ['lead_id', 'created_at', 'channel', 'converted_at'], empty: ['converted_at'] }]);
  expect(needsSentence('Lead-to-customer rate', missingInputs(module('lead_conversion'), available))).toBe(
    'Add your leads with a conversion date column (a CRM export: HubSpot, Pipedrive, Salesforce) to see Lead-to-customer rate.',
  );
});

test('with only orders loaded, no module not shown is described with a table or column identifier', () => {
  const available = availableColumns([{ table: 'orders', columns: ordersColumns, empty: ['cost'] }]);
  const sentences = catalog.current
    .filter((m) => !m.needs.some((n) => n.table in derivedTables) && isCell(m))
    .map((m) => ({ m, missing: missingInputs(m, available) }))
    .filter(({ missing }) => missing.length)
    .map(({ m, missing }) => needsSentence(m.title, missing));
  expect(sentences.length).toBeGreaterThan(8);
  for (const s of sentences) {
    expect(s).toMatch(/^Add .+ to see .+\.$/);
    for (const id of identifiers) expect(s, id).not.toContain(id);
  }
});

test('the runner names the canonical table and says the same sentence', () => {
  const text = textReport({ period: { start: '2024-01-01', end: '2024-01-31' }, modules: [], skipped: [{ id: 'profit_per_customer', title: 'Average profit per customer', needs: ['orders(cost)'] }] });
  expect(text).toContain('profit_per_customer: needs orders(cost). Add an orders export with a cost column (Shopify, WooCommerce, an ERP) to see Average profit per customer.');
});

test('every parameter of a shipped module has a label of its own, in words', () => {
  // The explorer's and the scope layer's modules have no controls on the page: their parameters are set by code.
  const params = catalog.current.filter(isCell).flatMap((m) => m.params.map((p) => ({ id: m.id, p })));
  expect(params.length).toBeGreaterThan(10);
  for (const { id, p } of params) {
    const label = paramLabel(p);
    expect(label, `${id}.${p.name}`).not.toMatch(/_/);
    expect(hasMessage(`param.${p.name}`), `${id}.${p.name} has a label in the catalog`).toBe(true);
  }
  expect(paramLabel({ name: 'window_days', description: '' })).toBe('Lost after no order for');
  // A parameter the catalog does not know reads its description's first clause, or its name in words.
  expect(paramLabel({ name: 'min_orders', description: 'Orders a customer needs (at least 2)' })).toBe('Orders a customer needs');
  expect(paramLabel({ name: 'cut_off', description: 'false: everything; true: only the part of the history before the calibration end' })).toBe('Cut off');
});

/**
 * The canonical tables every KPI module reads. Ingestion maps any export onto these;
 * the sample store is written in this shape. One row of `orders` is one order line:
 * an order with three products is three rows sharing an order_id.
 *
 * Money: `revenue` is the gross amount of a sale line (>= 0). A refund or cancellation is
 * kept, not dropped: `refund` holds the amount given back (>= 0) and `status` says why
 * ('refunded', 'cancelled'); a stand-alone credit note is a row with revenue 0 and a refund.
 * Net revenue is revenue - refund. `cost` is the cost of goods for the line, when known.
 * Times are TIMESTAMP without time zone (DuckDB-WASM has no ICU offline), days are DATE.
 */
export type ColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN' | 'DATE' | 'TIMESTAMP';

export interface CanonicalColumn {
  name: string;
  type: ColumnType;
  required: boolean;
}

export interface CanonicalTable {
  name: CanonicalTableName;
  columns: CanonicalColumn[];
}

export const canonicalTableNames = [
  'orders',
  'customers',
  'tickets',
  'surveys',
  'marketing_spend',
  'leads',
  'social_mentions',
  'visits',
] as const;

export type CanonicalTableName = (typeof canonicalTableNames)[number];

const col = (name: string, type: ColumnType, required = false): CanonicalColumn => ({ name, type, required });

export const canonicalTables: Record<CanonicalTableName, CanonicalTable> = {
  orders: {
    name: 'orders',
    columns: [
      col('order_id', 'VARCHAR', true),
      col('customer_id', 'VARCHAR', true), // NULL for a guest order: kept, counted apart
      col('order_date', 'TIMESTAMP', true),
      col('revenue', 'DOUBLE', true),
      col('product', 'VARCHAR'),
      col('quantity', 'DOUBLE'),
      col('cost', 'DOUBLE'),
      col('refund', 'DOUBLE'),
      col('status', 'VARCHAR'),
      col('country', 'VARCHAR'),
      col('city', 'VARCHAR'),
      col('channel', 'VARCHAR'),
      col('currency', 'VARCHAR'),
      col('is_trial', 'BOOLEAN'),
    ],
  },
  customers: {
    name: 'customers',
    columns: [
      col('customer_id', 'VARCHAR', true),
      col('first_seen', 'TIMESTAMP'),
      col('email', 'VARCHAR'),
      col('name', 'VARCHAR'),
      col('country', 'VARCHAR'),
      col('city', 'VARCHAR'),
      col('channel', 'VARCHAR'),
      col('is_trial', 'BOOLEAN'),
    ],
  },
  tickets: {
    name: 'tickets',
    columns: [
      col('ticket_id', 'VARCHAR', true),
      col('customer_id', 'VARCHAR', true),
      col('opened_at', 'TIMESTAMP', true),
      col('resolved_at', 'TIMESTAMP'),
      col('contacts', 'INTEGER'), // touches until resolved
      col('first_contact_resolved', 'BOOLEAN'),
      col('channel', 'VARCHAR'),
    ],
  },
  surveys: {
    name: 'surveys',
    columns: [
      col('customer_id', 'VARCHAR', true),
      col('answered_at', 'TIMESTAMP', true),
      col('kind', 'VARCHAR', true), // 'nps' (0-10), 'csat' and 'ces' (1-5, 1-7, 1-10 or 0-10)
      col('score', 'DOUBLE', true),
      col('comment', 'VARCHAR'),
    ],
  },
  marketing_spend: {
    name: 'marketing_spend',
    columns: [col('day', 'DATE', true), col('channel', 'VARCHAR', true), col('spend', 'DOUBLE', true)],
  },
  leads: {
    name: 'leads',
    columns: [
      col('lead_id', 'VARCHAR', true),
      col('created_at', 'TIMESTAMP', true),
      col('channel', 'VARCHAR'),
      col('converted_at', 'TIMESTAMP'),
      col('customer_id', 'VARCHAR'),
    ],
  },
  social_mentions: {
    name: 'social_mentions',
    columns: [
      col('posted_at', 'TIMESTAMP', true),
      col('text', 'VARCHAR', true),
      col('platform', 'VARCHAR'),
      col('author', 'VARCHAR'),
      col('lang', 'VARCHAR'), // 'en' | 'fr' | 'es' | 'ro' when known
      col('sentiment', 'DOUBLE'), // -1 .. 1; filled by the in-browser scorer when absent
    ],
  },
  visits: {
    name: 'visits',
    columns: [
      col('visitor_id', 'VARCHAR', true), // the site's visitor id (Matomo visitorId, GA4 user_pseudo_id); a customer id will do
      col('visited_at', 'TIMESTAMP', true),
      col('customer_id', 'VARCHAR'), // the logged-in customer, when known (Matomo userId, GA4 user_id)
      col('channel', 'VARCHAR'),
    ],
  },
};

/**
 * Tables the app computes rather than loads (model predictions). Modules may read them in
 * `needs`; they exist once the model has been fitted on the orders in scope.
 */
export const derivedTables: Record<string, CanonicalColumn[]> = {
  clv_predictions: [
    col('customer_id', 'VARCHAR', true),
    col('frequency', 'DOUBLE', true),
    col('recency', 'DOUBLE', true),
    col('T', 'DOUBLE', true),
    col('monetary_value', 'DOUBLE', true),
    col('p_alive', 'DOUBLE', true),
    col('expected_purchases', 'DOUBLE', true),
    col('expected_spend', 'DOUBLE', true),
    col('predicted_clv', 'DOUBLE', true),
  ],
};

/** `create table` DDL for an empty canonical table (used by tests and the contract check). */
export function createTableSql(table: CanonicalTableName, qualifiedName: string = table): string {
  const cols = canonicalTables[table].columns.map((c) => `"${c.name}" ${c.type}`).join(', ');
  return `create table ${qualifiedName} (${cols})`;
}

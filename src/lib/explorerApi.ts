/**
 * The customer explorer's half of the worker API (issue 14): facets with their weights, the
 * customer list paged from the worker, one customer's report, the list as CSV. Declared apart
 * so the page can be built against it while the worker side is written; `ClienteleApi` extends
 * it once the worker implements every method.
 *
 * Everything here is computed by SQL modules (`queries/customers/`, `queries/facets/`,
 * `queries/segments/`) over the scope applied with `setScope`, never by a second query path in
 * TypeScript; the runner reads the same modules.
 */
import type { ColumnInfo, Outcome } from './api';
import type { Row } from './db';
import type { SegmentDef } from './customerSets';

/** One value of a facet, with the customers in scope who have it and their net revenue in the range. */
export interface FacetValue {
  value: string;
  customers: number;
  revenue: number;
}

/** The RFM map's two answers, as the modules rfm_segments and rfm_grid give them. */
export interface RfmMap {
  segments: Row[];
  grid: Row[];
}

export interface FacetInfo {
  /** The facet module's id: 'country', 'city', 'product', 'channel', 'customer_since', 'revenue_contribution', 'rfm_segment'. */
  id: string;
  title: string;
  /** Sorted by weight (customers, then revenue), heaviest first. */
  values: FacetValue[];
  /** Values not listed (past the limit asked for). */
  more: number;
}

export interface CustomerListQuery {
  /** Matched against name, e-mail and customer id, case- and accent-insensitive. */
  search?: string;
  /** A column of the customer facts (`queries/customers/customer_facts.sql`). */
  sort: string;
  descending: boolean;
  offset: number;
  /** At most `firstPageRows` (src/lib/api.ts). */
  limit: number;
}

export interface CustomerListPage {
  /** Arrow IPC stream of the page's rows (transferred, not copied). */
  ipc: Uint8Array;
  rows: number;
  /** Customers in scope that match the search. */
  total: number;
  columns: ColumnInfo[];
}

/** One customer's page: each part is one module's answer; absent parts had no table to read. */
export interface CustomerReport {
  identity: Row;
  /** Revenue, total sales, refunds, orders, first and last order, profit where costs exist. */
  summary: Row;
  /** Orders and revenue per month. */
  monthly: Row[];
  products: Row[];
  /** Tickets, survey answers and mentions, newest first, where those tables exist. */
  activity: Row[];
  /** P(alive) and predicted value as of the range's end, once the lifetime-value model is fitted. */
  prediction?: Row;
}

export interface CsvOptions extends Omit<CustomerListQuery, 'offset' | 'limit'> {
  /** Columns shown in the list, in order. */
  columns: string[];
  /** ',' for most tools, ';' for Excel set to a European locale. */
  delimiter: ',' | ';';
}

export interface ExplorerApi {
  /**
   * Every facet's values for the scope applied, `limit` per facet (heaviest first), from
   * `queries/scope/facet_values.sql` over the facet modules (`queries/facets/`). A facet's counts
   * are those it would have if it were off (the usual faceted-search rule: with FR chosen, the
   * other countries still show their customers under the other facets); the RFM facet's values
   * are scored among the customers the other facets keep. Values of `revenue_contribution` are
   * codes (top_20, next_30, bottom_50: `facet.value.*` in src/lib/i18n.ts); a facet's missing
   * country, city or channel is the value 'unknown'.
   */
  facetValues(limit?: number): Promise<Outcome<FacetInfo[]>>;
  /** The RFM segment map for the scope applied: rfm_segments' rows and rfm_grid's 25 cells. */
  rfmMap(): Promise<Outcome<RfmMap>>;
  /** A page of the customers in scope, sorted and searched. */
  customerPage(query: CustomerListQuery): Promise<Outcome<CustomerListPage>>;
  customerReport(customerId: string): Promise<Outcome<CustomerReport>>;
  /** The list (all of it, not a page) as CSV: UTF-8 with a BOM, the columns shown, machine-readable values. */
  customerCsv(options: CsvOptions): Promise<Outcome<Uint8Array>>;
  /**
   * Customers and net revenue a segment would hold under the scope applied: the builder's live
   * count. 'segment': a bad condition (unknown field, an operator the field's type does not take,
   * a between with one value...), with the sentence saying which and what to write.
   */
  segmentSize(segment: SegmentDef): Promise<Outcome<{ customers: number; revenue: number }>>;
}

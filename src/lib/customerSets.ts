/**
 * Facets and segments select customers, never order lines (../shared/DESIGN.md, "Facets and
 * segments select customers"): under "bought product X" every KPI reads those buyers' whole
 * records, their other orders included.
 *
 * Contract shared by the scope layer (src/lib/scope.ts), the page's facet panel and segment
 * builder, the notebook document (src/lib/notebookDoc.ts), the link codec and the runner
 * (`--facet country=FR`, `--segment file.json`).
 */

/**
 * Facet id -> the values chosen. A customer is in scope when, for every facet with values, one of
 * their values is chosen (values of one facet are OR'ed, facets AND'ed). Each facet id names a
 * facet module (`queries/facets/<id>.sql`) that lists (customer_id, value) pairs.
 */
export type FacetChoices = Record<string, string[]>;

export type ConditionOp = 'is' | 'is_not' | 'in' | 'gte' | 'lte' | 'between' | 'before' | 'after' | 'contains';

/** One condition on a customer attribute or aggregate (a column of the customer facts). */
export interface SegmentCondition {
  /** Column of `customer_facts` (orders, revenue, city, rfm_segment, ...) or 'product' (bought product X). */
  field: string;
  op: ConditionOp;
  /** One value, or two for 'between', or several for 'in'. Bound, never pasted into SQL. */
  value: string | number | (string | number)[];
}

export interface SegmentDef {
  /** Unique within a notebook; shown on the page and in the runner's report. */
  name: string;
  /** 'all': every condition holds (AND); 'any': one does (OR). */
  match: 'all' | 'any';
  conditions: SegmentCondition[];
}

import type { CanonicalTableName } from '../canonical';

/**
 * How one file's columns become one canonical table. `columns` maps a canonical column
 * (or the helper `unit_price`) to a header exactly as it appears in the file.
 */
export interface ColumnMapping {
  table: CanonicalTableName;
  columns: Record<string, string>;
  /** Invoice numbers starting with this mark credit notes (Online Retail's 'C536379'). */
  creditPrefix?: string;
  /** Customer ids that mean "no customer" (WooCommerce writes 0 for a guest). */
  guestIds?: string[];
}

/** A known export, recognised by its exact headers. */
export interface ExportLayout {
  id: string;
  title: string;
  table: CanonicalTableName;
  /** Headers that must all be present for the layout to match. */
  signature: string[];
  /** canonical column -> headers to try, first present wins. */
  columns: Record<string, string[]>;
  creditPrefix?: string;
  guestIds?: string[];
}

export type Decision = 'sure' | 'ask';

export interface TableGuess {
  table: CanonicalTableName;
  mapping: ColumnMapping;
  /** 0..1: how well the headers fit this table. */
  score: number;
  /** Required canonical columns no header was found for. */
  missing: string[];
  /** The known export layout this matched, if any. */
  layout?: string;
  /** Required columns found by their values because no header named them ("Jour" all dates -> order_date). */
  fromContent?: string[];
}

/**
 * What one column's values look like, counted over the file's first rows: recognition reads
 * them where headers say nothing. Counts, not flags, so a rule can say "every" or "none".
 */
export interface ColumnFacts {
  /** Non-empty cells. */
  values: number;
  /** Cells that read as a date, with or without a time (2024-01-05, 05/01/2024 10:00, 05.01.24). */
  dates: number;
  /** Cells that read as a number (thousands separators, decimal comma, currency sign, parentheses). */
  numbers: number;
  /** Numbers with one or two decimals (12.50, 1 234,50 €): the shape of an amount. */
  decimals: number;
  /** One token holding a digit (F-001, 17850): the shape of a key. */
  codes: number;
  /** Distinct non-empty cells. */
  distinct: number;
}

export interface Proposal {
  /** Best guess first; empty when nothing fits at all. */
  guesses: TableGuess[];
  /** 'sure' loads without asking; 'ask' shows the mapping with the best guess filled in. */
  decision: Decision;
  /** Why it asks, for the mapping step ("no date column found", "could be orders or customers"). */
  reason?: string;
  /** Key under which a user's correction is remembered for files with the same headers. */
  signature: string;
}

/**
 * What a mapping step offers per table: every canonical column (required ones first) plus the
 * helper columns a mapping may use. `unit_price` lets an orders export without a line total
 * give revenue = quantity x unit price.
 */
import { canonicalTables, type CanonicalTableName, type ColumnType } from '../canonical';

export interface MappingTarget {
  column: string;
  type: ColumnType;
  required: boolean;
  /** Not stored in the table; used to compute a column that is. */
  helper?: boolean;
}

const helpers: Partial<Record<CanonicalTableName, MappingTarget[]>> = {
  orders: [{ column: 'unit_price', type: 'DOUBLE', required: false, helper: true }],
};

export function mappingTargets(table: CanonicalTableName): MappingTarget[] {
  const columns = canonicalTables[table].columns.map((c) => ({ column: c.name, type: c.type, required: c.required }));
  return [...columns.filter((c) => c.required), ...columns.filter((c) => !c.required), ...(helpers[table] ?? [])];
}

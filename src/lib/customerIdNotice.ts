/**
 * A customer list whose ids differ from the orders' in case or surrounding spaces (" ab12" in the
 * CRM, "AB12" in the shop) is matched to them (queries/customers/customer_identity.sql); the load
 * report says how many ids were, so a user sees the files were joined loosely. The page (after a
 * customer list or orders file loads) and the runner (after its files) both ask here, and the count
 * is the customer_id_matches module's.
 */
import type { Db } from './db';
import { tn } from './i18n';
import type { QueryModule } from './queryModule';
import type { Notice } from '../worker/ingest/types';

/** The notice, when both tables are loaded and some ids matched only loosely; read from the loaded files (schema base), not the scope. */
export async function customerIdNotice(db: Db, matches: QueryModule, loaded: readonly string[]): Promise<Notice | undefined> {
  if (!loaded.includes('orders') || !loaded.includes('customers')) return undefined;
  await db.exec("set search_path = 'base'");
  let row;
  try {
    [row] = await db.rows(matches.sql);
  } finally {
    await db.exec('reset search_path');
  }
  const ids = Number(row?.matched_loosely ?? 0);
  return ids > 0 ? { code: 'customer-ids-matched', message: tn('load.customerIdsMatched', ids, { ids }) } : undefined;
}

/**
 * Mappings the user confirmed, kept in this browser by header signature, so the next file
 * with the same headers (next month's export) loads without asking.
 */
import type { ColumnMapping } from '../lib/mapping/types';

const storageKey = 'clientele.mappings.v1';

export function rememberedMappings(): Record<string, ColumnMapping> {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey) ?? '{}');
    return saved && typeof saved === 'object' ? saved : {};
  } catch {
    return {};
  }
}

export function rememberMapping(signature: string, mapping: ColumnMapping): void {
  const all = { ...rememberedMappings(), [signature]: mapping };
  try {
    localStorage.setItem(storageKey, JSON.stringify(all));
  } catch {
    // Storage full or disabled (a private window): the mapping is asked for again next time.
  }
}

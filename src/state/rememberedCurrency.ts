/**
 * The currency the user set for data that names none, kept in this browser: next month's export
 * from the same shop has no currency column either.
 */
import { isCurrencyCode } from '../lib/currency';

const storageKey = 'clientele.currency.v1';

export function rememberedCurrency(): string | undefined {
  try {
    const saved = localStorage.getItem(storageKey);
    return isCurrencyCode(saved) ? saved : undefined;
  } catch {
    return undefined;
  }
}

export function rememberCurrency(code: string | undefined): void {
  try {
    if (code) localStorage.setItem(storageKey, code);
    else localStorage.removeItem(storageKey);
  } catch {
    // Storage disabled (a private window): the choice lasts as long as the page.
  }
}

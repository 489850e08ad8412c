/**
 * Which currency the money is in. The orders say so (their `currency` column) or the user does;
 * money in several currencies is never added up: one of them is kept, as part of the scope
 * (src/lib/scope.ts), so every KPI reads only that currency's orders.
 *
 * The rules, the same in the page and the runner:
 * - one currency in the orders: that one, whatever the user chose for data without one;
 *   lines with no currency are taken to be in it;
 * - none in the orders: the user's choice, or no symbol at all (plain numbers);
 * - several: one is kept (the page keeps the user's choice or the one with most orders and says
 *   so; the runner refuses without --currency), and lines with no currency are left out, since
 *   nothing says which currency they are in.
 */
import type { Db } from './db';
import { t, tn } from './i18n';
import { Said } from './said';

export interface CurrencyCount {
  code: string;
  orders: number;
}

/** What the orders say about their currency. */
export type DataCurrencies =
  | { kind: 'none' }
  | { kind: 'single'; code: string }
  | { kind: 'several'; currencies: CurrencyCount[]; linesWithout: number };

/** A well-formed ISO 4217 code: what Intl can put a symbol on. */
export const isCurrencyCode = (value: unknown): value is string => typeof value === 'string' && /^[A-Z]{3}$/.test(value);

/** How a currency value reads once written the usual way ('gbp ' is GBP); SQL below does the same. */
export const currencyKey = (column: string) => `nullif(upper(trim(${column})), '')`;

/**
 * Each currency with its orders, and the lines with none, over the whole table: a second currency
 * after the first thousands of lines must not be added up unseen.
 */
export const currencyBreakdownSql = `
select ${currencyKey('currency')} as code,
       count(distinct order_id)::double as orders,
       count(*)::double as lines
from base.orders
group by all
order by orders desc, code`;

/** The rows of `currencyBreakdownSql`, read as what the orders say. */
export function fromBreakdown(rows: { code: unknown; orders: unknown; lines: unknown }[]): DataCurrencies {
  const currencies = rows.filter((r) => r.code !== null).map((r) => ({ code: String(r.code), orders: Number(r.orders) }));
  if (currencies.length === 0) return { kind: 'none' };
  if (currencies.length === 1) return { kind: 'single', code: currencies[0].code };
  const linesWithout = Number(rows.find((r) => r.code === null)?.lines ?? 0);
  return { kind: 'several', currencies, linesWithout };
}

/**
 * The one currency every line with one is in (null when none is, or when the lines hold several
 * values), and whether they hold several: one cheap pass that the page's data facts read too
 * (src/sample/notebookSnapshot.ts). Only several values (perhaps 'GBP' and 'gbp ') call for the
 * breakdown, whose count of distinct orders took 46 s over 100M lines in the runner.
 */
export const currencySpreadColumns = `case when min(currency) = max(currency) then ${currencyKey('min(currency)')} end as currency,
  coalesce(min(currency) <> max(currency), false) as several_currencies`;

/** What the orders say about their currency, read as the page reads it: the breakdown only when the lines hold several values. */
export async function readCurrencies(db: Db): Promise<DataCurrencies> {
  const [spread] = await db.rows(`select ${currencySpreadColumns} from base.orders`);
  if (!spread?.several_currencies) return spread?.currency ? { kind: 'single', code: String(spread.currency) } : { kind: 'none' };
  return fromBreakdown((await db.rows(currencyBreakdownSql)) as { code: unknown; orders: unknown; lines: unknown }[]);
}

/** The currency the page shows money in, where it comes from, and the one kept when there are several. */
export interface PageCurrency {
  /** Undefined: no symbol, plain numbers. */
  code?: string;
  source: 'data' | 'choice' | 'none' | 'kept';
  /** Set only with several currencies: the scope keeps this one's orders. */
  keep?: string;
}

export function pageCurrency(data: DataCurrencies, chosen?: string): PageCurrency {
  if (data.kind === 'single') return { code: data.code, source: 'data' };
  if (data.kind === 'none') return isCurrencyCode(chosen) ? { code: chosen, source: 'choice' } : { source: 'none' };
  const kept = data.currencies.find((c) => c.code === chosen) ?? data.currencies[0];
  return { code: kept.code, source: 'kept', keep: kept.code };
}

/** `GBP (120 orders), EUR (30 orders)`, for sentences in the page and the runner. */
export function listCurrencies(currencies: CurrencyCount[], orders: (count: number) => string): string {
  return currencies.map((c) => `${c.code} (${orders(c.orders)})`).join(', ');
}

/**
 * The runner's currency: the data's own, or `--currency`; throws a sentence when the orders hold
 * several and none was given, or when the flag names a currency the orders are not in.
 */
export function runnerCurrency(data: DataCurrencies, flag?: string): { code?: string; keep?: string } {
  const plural = (n: number) => tn('currency.orders', n, { orders: n });
  if (data.kind === 'none') return { code: flag };
  if (data.kind === 'single') {
    if (flag && flag !== data.code) throw new Said(t('currency.runnerNoneMatch', { code: data.code, flag }));
    return { code: data.code };
  }
  const list = listCurrencies(data.currencies, plural);
  if (!flag) throw new Said(t('currency.runnerSeveral', { list, first: data.currencies[0].code }));
  if (!data.currencies.some((c) => c.code === flag)) throw new Said(t('currency.runnerNotIn', { flag, list }));
  return { code: flag, keep: flag };
}

/** The currencies a user can pick for data without one, most common first. */
export function currencyCodes(): string[] {
  const common = ['EUR', 'USD', 'GBP', 'CHF', 'CAD', 'AUD', 'JPY', 'RON', 'PLN', 'SEK', 'NOK', 'DKK'];
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
  return [...common, ...all.filter((c) => !common.includes(c))];
}

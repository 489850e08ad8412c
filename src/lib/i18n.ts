/**
 * Every sentence the page shows comes from this catalog, and every number and date is
 * formatted with Intl for the reader's locale. English is the reference: French, Spanish and
 * Romanian live beside it in src/lib/i18n/ with the same keys (test/unit/i18nCatalogs.test.ts
 * fails when one lacks a key or has an extra one). A count's forms: the key itself is the
 * plural ("other"), `<key>.one` the singular, and a language with more forms adds them by
 * their Intl.PluralRules name (Romanian's `<key>.few`: "3 rânduri" beside "20 de rânduri").
 */
import { fr } from './i18n/fr';
import { es } from './i18n/es';
import { ro } from './i18n/ro';

const en = {
  'app.title': 'Clientele',
  'app.tagline': 'Customer analytics on the exports you already have. Your data never leaves this browser.',
  'engine.starting': 'Starting the database…',
  'engine.failed': 'The database could not start: {detail}',
  'sample.loading': 'Loading the sample store…',
  'sample.preview': 'The sample store’s numbers below were computed ahead of time; the database is starting and will recompute them live in a few seconds.',
  'sample.name': 'Sample store',
  'data.title': 'Data',
  'data.close': 'Close the data panel',
  'data.drop': 'Drop CSV, Parquet or JSON files here',
  'data.pick': 'Choose files…',
  'data.rows': '{rows} rows',
  'data.rows.one': '{rows} row',
  'data.columns': '{count} columns',
  'data.remove': 'Remove {name}',
  'data.source': 'from {source}',
  'data.sample': 'built-in sample',
  'data.total': '{rows} rows in {tables} tables',
  'load.reading': 'Reading {name}: {done} of {total}',
  'load.readingStart': 'Reading {name}…',
  'load.readingUnknown': 'Reading {name}: {done}',
  'load.decoding': 'Decoding {name}…',
  'load.inserting': 'Loading {name} into the database…',
  'load.counting': 'Counting rows of {name}…',
  'load.compressing': '{name} is large: moving the data to compressed storage first…',
  'load.preparing': 'Preparing the customer tables the KPIs read ({name})…',
  'load.done': '{name} loaded: {rows} rows.',
  'load.done.one': '{name} loaded: {rows} row.',
  'load.failed': '{message}',
  'load.sniffing': 'Looking at {name}…',
  'load.mapping': 'Recognising the columns of {name}…',
  'load.mapIt': 'Map its columns…',
  'load.notLoaded': '{name} was not loaded.',
  'load.canonical': '{name}: {rows} rows loaded into {table}.',
  'load.canonical.one': '{name}: {rows} row loaded into {table}.',
  'load.guests': '{orders} guest orders (no customer id) kept and counted apart.',
  'load.guests.one': '{orders} guest order (no customer id) kept and counted apart.',
  'load.refunds': '{orders} orders are refunded or cancelled.',
  'load.refunds.one': '{orders} order is refunded or cancelled.',
  'load.sampleAway': 'The sample store was put away so your data is not mixed with it.',
  'load.setAside': '{rows} rows of {name} were set aside: {reasons}.',
  'load.setAside.one': '{rows} row of {name} was set aside: {reasons}.',
  'load.showSetAside': 'Show them',
  'log.open': 'What was loaded',
  'log.openCount': 'What was loaded ({count})',
  'log.title': 'What was loaded this session',
  'log.empty': 'Nothing was loaded yet.',
  'log.close': 'Close',
  'log.sampleTables': '{tables} tables',
  'log.sampleTables.one': '{tables} table',
  'log.rows': '{rows} rows loaded into {table}',
  'log.rows.one': '{rows} row loaded into {table}',
  'log.plain': '{rows} rows, as a table of its own: {table}',
  'log.plain.one': '{rows} row, as a table of its own: {table}',
  'log.sample': '{rows} rows',
  'log.setAside': '{rows} set aside',
  'log.notices': '{count} notices',
  'log.notices.one': '{count} notice',
  'log.failed': 'not loaded',
  'log.removed': 'removed: {rows} rows from {table}',
  'log.removed.one': 'removed: {rows} row from {table}',
  'log.restored': 'back after Undo: {rows} rows in {table}',
  'log.restored.one': 'back after Undo: {rows} row in {table}',
  'mapping.title': 'Which columns are which in “{name}”?',
  'mapping.unsure': 'Clientele is not sure about this file: {reason}. The best guess is filled in; correct anything that is wrong, then load it.',
  'mapping.table': 'Load into',
  'mapping.plain': 'a table of its own (no KPIs)',
  'mapping.column': 'Column',
  'mapping.fromFile': 'From the file’s column',
  'mapping.none': '— not in this file —',
  'mapping.required': 'required',
  'mapping.helper': 'used to compute revenue',
  'mapping.missing': 'Choose a column for {columns} to load this file.',
  'mapping.preview': 'The first rows as they will be read',
  'mapping.previewing': 'Reading the preview…',
  'mapping.load': 'Load',
  'mapping.cancel': 'Cancel',
  'mapping.plainButton': 'Keep as a table of its own',
  'mapping.headersSeen': 'Its columns: {headers}.',
  'runner.giveMapping': 'To load it here, map it once in the page, choose “Export mapping” under its table in the data panel, and pass that file with --mapping.',
  'mapping.export': 'Export mapping',
  'mapping.exportHint': 'Save this file’s mapping for the command-line runner (npm run kpis -- --mapping FILE)',
  'mapping.remembered': 'Your choice is remembered for files with the same columns.',
  'mapping.reading': 'Reading the file',
  'mapping.header': 'First row holds the column names',
  'mapping.delimiter': 'Columns separated by',
  'mapping.delim.comma': 'comma (,)',
  'mapping.delim.semicolon': 'semicolon (;)',
  'mapping.delim.tab': 'tab',
  'mapping.delim.pipe': 'bar (|)',
  'mapping.delim.blanks': 'spaces',
  'mapping.dateOrder': 'Dates like 03/04/2024 are',
  'mapping.dmy': 'day first (3 April)',
  'mapping.mdy': 'month first (March 4)',
  'mapping.lineIsOrder': 'Without an order id, each line is an order of its own.',
  'data.changeMapping': 'Change mapping…',
  'data.changeMappingOf': 'Change the mapping of {name}',
  'setAside.title': 'Rows of “{name}” that were set aside',
  'setAside.shown': 'Showing {shown} of {total}.',
  'setAside.where': 'Where',
  'setAside.line': 'line {n}',
  'setAside.row': 'row {n}',
  'setAside.reason': 'Why',
  'setAside.content': 'What it held',
  'setAside.close': 'Close',
  'data.files': 'Files',
  'data.url': 'Or load a CSV, Parquet or JSON file from a web address',
  'data.urlLoad': 'Load',
  'data.removeFile': 'Remove {name}',
  'data.setAside': '{rows} set aside',
  'remove.done': '{name} removed ({rows} rows).',
  'remove.done.one': '{name} removed ({rows} row).',
  'remove.undo': 'Undo',
  'remove.undone': '{name} is back ({rows} rows).',
  'remove.undone.one': '{name} is back ({rows} row).',
  'remove.sampleBack': 'Nothing of yours is left, so the sample store is back.',
  'remove.rangeReset': 'The date range is back to “{preset}”: it reached dates that are no longer in the data.',
  'currency.label': 'Currency',
  'currency.none': 'None: plain numbers',
  'currency.option': '{code} · {name}',
  'currency.fromData': '{code} · from the data',
  'currency.fromDataHint': 'The orders’ currency column says {code}.',
  'currency.keptOption': '{code} · {orders}',
  'currency.keptHint': 'The orders are in several currencies; every KPI counts only the ones in {code}.',
  'currency.noneHint': 'The orders name no currency: choose the one they are in.',
  'currency.orders': '{orders} orders',
  'currency.orders.one': '{orders} order',
  'currency.several': 'The orders are in {count} currencies: {list}. Amounts in different currencies are never added up: every KPI counts only the {code} orders.',
  'currency.linesWithout': '{lines} order lines name no currency and are left out.',
  'currency.linesWithout.one': '{lines} order line names no currency and is left out.',
  'currency.choose': 'Choose currency',
  'notebook.title': 'Notebook',
  'notebook.sections': 'Sections',
  'notebook.addSql': 'Add a SQL cell',
  'notebook.family.sales': 'Sales',
  'notebook.family.acquisition': 'Acquisition',
  'notebook.family.satisfaction': 'Satisfaction',
  'notebook.family.value': 'Value',
  'notebook.family.retention': 'Retention',
  'notebook.family.service': 'Service',
  'notebook.family.social': 'Social',
  'notebook.family.segments': 'Segments',
  'notebook.family.clv': 'Predicted lifetime value',
  'notebook.family.explore': 'Your queries',
  'notebook.missing': 'Not shown yet',
  'notebook.needs': 'Add {what} to see {title}.',
  'needs.orders': 'an orders export (Shopify, WooCommerce, Stripe, PayPal, an ERP)',
  'needs.orders.with': 'an orders export with {columns} (Shopify, WooCommerce, an ERP)',
  'needs.customers': 'a customer list (your shop’s or CRM’s export)',
  'needs.customers.with': 'a customer list with {columns} (your shop’s or CRM’s export)',
  'needs.tickets': 'your helpdesk tickets (Zendesk, Freshdesk, Help Scout exports)',
  'needs.tickets.with': 'helpdesk tickets with {columns} (Zendesk, Freshdesk, Help Scout exports)',
  'needs.surveys': 'your survey answers (NPS, CSAT or CES, from Typeform, Delighted or your helpdesk)',
  'needs.surveys.with': 'survey answers with {columns} (Typeform, Delighted or your helpdesk)',
  'needs.marketing_spend': 'your ad spend by day (Google Ads, Meta exports)',
  'needs.marketing_spend.with': 'your ad spend by day with {columns} (Google Ads, Meta exports)',
  'needs.leads': 'your leads (a CRM export: HubSpot, Pipedrive, Salesforce)',
  'needs.leads.with': 'your leads with {columns} (a CRM export: HubSpot, Pipedrive, Salesforce)',
  'needs.social_mentions': 'your social media mentions (a social listening export)',
  'needs.social_mentions.with': 'social media mentions with {columns} (a social listening export)',
  'needs.visits': 'your site visits (a Matomo or Google Analytics export)',
  'needs.visits.with': 'site visits with {columns} (a Matomo or Google Analytics export)',
  'needs.column': 'a {name} column',
  'needs.columns': '{names} columns',
  'column.customer_id': 'customer id',
  'column.order_id': 'order id',
  'column.order_date': 'order date',
  'column.is_trial': 'free trial',
  'column.first_seen': 'first seen date',
  'column.opened_at': 'opening date',
  'column.resolved_at': 'resolution date',
  'column.first_contact_resolved': 'first-contact resolution',
  'column.answered_at': 'answer date',
  'column.converted_at': 'conversion date',
  'column.created_at': 'creation date',
  'column.posted_at': 'posting date',
  'column.visited_at': 'visit date',
  'column.lang': 'language',
  'column.revenue': 'revenue',
  'column.product': 'product',
  'column.quantity': 'quantity',
  'column.cost': 'cost',
  'column.refund': 'refund',
  'column.status': 'status',
  'column.country': 'country',
  'column.city': 'city',
  'column.channel': 'channel',
  'column.currency': 'currency',
  'column.email': 'email',
  'column.name': 'name',
  'column.ticket_id': 'ticket id',
  'column.contacts': 'contacts',
  'column.kind': 'kind',
  'column.score': 'score',
  'column.comment': 'comment',
  'column.day': 'day',
  'column.spend': 'spend',
  'column.lead_id': 'lead id',
  'column.text': 'text',
  'column.platform': 'platform',
  'column.author': 'author',
  'column.sentiment': 'sentiment',
  'column.visitor_id': 'visitor id',
  'cell.run': 'Run',
  'cell.runHint': 'Run (Ctrl+Enter)',
  'cell.cancel': 'Cancel',
  'cell.running': 'Running…',
  'cell.remove': 'Remove cell',
  'cell.sql': 'SQL',
  'cell.showSql': 'Show SQL',
  'cell.hideSql': 'Hide SQL',
  'cell.showTable': 'Show as table',
  'cell.showChart': 'Show as chart',
  'chart.actions': 'Chart actions for {title}',
  'chart.saveSvg': 'Save as SVG',
  'chart.savePng': 'Save as PNG',
  'chart.cohortSize': 'Cohort size',
  'cell.rows': '{rows} rows in {ms} ms',
  'cell.rows.one': '{rows} row in {ms} ms',
  'cell.precomputed': 'Computed ahead of time for the sample; recomputing live…',
  'cell.noRows': 'The query returned no rows.',
  'cell.chartFirst': 'The chart shows the first {shown} of {total} rows.',
  'cell.error': 'This cell failed: {message}',
  'cell.cancelled': 'Cancelled —',
  'cell.cancelledKept': 'Cancelled; showing the last result —',
  'cell.vsPrevious': 'vs previous period',
  'cell.noPrevious': 'no previous period',
  'cell.vsLastYear': 'vs same period last year',
  'cell.covered.previous': 'previous period: {percent} covered by data',
  'cell.covered.lastYear': 'same period last year: {percent} covered by data',
  'cell.noData.previous': 'no data in the previous period',
  'cell.noData.lastYear': 'no data in the same period last year',
  'params.auto': 'automatic',
  'param.grain': 'Bars per',
  'param.max_p_alive': 'Chance of staying below',
  'param.top': 'Show',
  'param.holdout_check': 'Holdout check',
  'param.calibration_end': 'Models learn up to',
  'param.time_unit_days': 'Time unit',
  'param.window_days': 'Lost after no order for',
  'param.scale': 'Answer scale',
  'param.days': 'Recent: the last',
  'param.within_days': 'Spend in the first',
  'param.top_share': 'Top customers',
  'params.autoHint': 'empty: automatic',
  'params.range': 'From {min} to {max}',
  'params.choice': 'One of {list}',
  'params.required': 'Needs a value',
  'params.number': 'Type a number',
  'params.integer': 'Type a whole number',
  'params.date': 'Type a whole date',
  'params.refused': '{problem}: not applied (Esc puts back the last value)',
  'change.pp': '{value} pp',
  'change.points': '{value} pts',
  'change.points.one': '{value} pt',
  'cell.sqlLabel': 'SQL for {title}',
  'cell.edited': 'edited',
  'cell.revert': 'Revert to module SQL',
  'cell.untitled': 'SQL cell',
  'cell.defaultSql': 'select * from orders limit 100',
  'table.orders': 'orders',
  'table.customers': 'customers',
  'table.tickets': 'tickets',
  'table.surveys': 'surveys',
  'table.marketing_spend': 'marketing_spend',
  'table.leads': 'leads',
  'table.social_mentions': 'social_mentions',
  'table.visits': 'visits',
  'table.page': 'Rows {from}–{to} of {total}',
  'table.prev': 'Previous rows',
  'table.next': 'Next rows',
  'table.first': 'First rows',
  'table.last': 'Last rows',
  'scope.range': 'Date range',
  'scope.last30': 'Last 30 days',
  'scope.last90': 'Last 90 days',
  'scope.last365': 'Last 365 days',
  'scope.ytd': 'Year to date',
  'scope.all': 'All time',
  'scope.custom': 'Custom',
  'scope.from': 'From',
  'scope.to': 'To',
  'scope.compare': 'Compared with the period before: {start} – {end}',
  'scope.compare.lastYear': 'Compared with the same period last year: {start} – {end}',
  'scope.compareWith': 'Compare with',
  'scope.mode.previous': 'the period before',
  'scope.mode.lastYear': 'the same period last year',
  'scope.covered': '{percent} of it covered by data',
  'scope.noData': 'no data in it',
  'scope.order': 'From is after To: the range was not changed.',
  'scope.incomplete': 'Type a whole date (or pick one): the range was not changed.',
  'scope.movedFirst': '{field} moved to {date}, the first day with data.',
  'scope.movedLast': '{field} moved to {date}, the last day with data.',
  'error.dismiss': 'Dismiss',
  'notices.label': 'Messages',
  'clv.intro': 'What customers will spend, predicted as of the end of the date range from every purchase up to it: how often and how recently they bought (BG/NBD) and what they spend (Gamma-Gamma).',
  'clv.calibrationEnd': 'Holdout check learns up to',
  'clv.auto': 'automatic',
  'clv.autoEnd': 'Automatic: {date}, 60% of the way from the first to the last purchase day in the date range.',
  'clv.autoEndPending': 'Automatic: 60% of the way from the first to the last purchase day in the date range.',
  'clv.chosenEnd': 'Chosen by you.',
  'clv.useAuto': 'Use the automatic date',
  'clv.horizon': 'Horizon (months)',
  'clv.discount': 'Monthly discount (%)',
  'clv.horizonProblem': 'The horizon is a whole number of months from {min} to {max}.',
  'clv.discountProblem': 'The monthly discount is a percent from {min} to {max}.',
  'clv.fixFirst': 'Fix the value above to fit again.',
  'clv.refit': 'Fit again',
  'clv.fitting': 'Fitting the models…',
  'clv.waiting': 'The models are fitted once the KPI cells above are done…',
  'clv.failed': 'The models could not be fitted: {message}',
  'clv.fitted': 'Predicted as of {end} for {customers} customers ({repeaters} with repeat purchases), in {seconds} s.',
  'clv.purchases': 'Purchases (BG/NBD)',
  'clv.spend': 'Spend (Gamma-Gamma)',
  'clv.logLikelihood': 'log-likelihood',
  'clv.converged': 'converged',
  'clv.notConverged': 'did not converge',
  'clv.check': 'Holdout check: purchases per customer after the calibration end, predicted vs actual',
  'clv.checkFit': 'A separate fit on the history up to {end} ({customers} customers), predicting their purchases up to {holdoutEnd}. It judges the model; the predictions above do not come from it.',
  'clv.checkFailed': 'No holdout check: {message}',
  'clv.noHoldoutDays': 'the calibration end ({end}) leaves {days} days of purchases after it; the check needs at least {min}.',
  'clv.noHoldoutPurchases': 'customers made {purchases} purchases after the calibration end ({end}); the check needs at least {min}.',
  'clv.repeatPurchases': 'Repeat purchases before the calibration end',
  'clv.perCustomer': 'Purchases per customer',
  'clv.total': 'predicted revenue from these customers over the next {months} months from {date}, the end of the date range',
  'clv.total.one': 'predicted revenue from these customers over the next month from {date}, the end of the date range',
  'format.weekOf': 'week of {day}',
  'language.label': 'Language',
  'option.day': 'Day',
  'option.week': 'Week',
  'option.month': 'Month',
  'value.trial_only': 'trial only',
  'value.one_time': 'One time',
  'value.repeat': 'Repeat',
  'value.new': 'New',
  'value.loyal': 'Loyal',
  'value.lost': 'Lost',
  'value.positive': 'Positive',
  'value.negative': 'Negative',
  'value.neutral': 'Neutral',
  'value.unknown': 'Unknown',
  'value.affiliate': 'Affiliate',
  'value.chat': 'Chat',
  'value.email': 'Email',
  'value.organic': 'Organic',
  'value.paid_search': 'Paid search',
  'value.paid_social': 'Paid social',
  'value.phone': 'Phone',
  'value.referral': 'Referral',
  'value.direct': 'Direct',
  'value.social': 'Social',
  'report.files': 'Files',
  'report.file': '{file} -> {table}: {rows} rows loaded, {setAside} set aside ({seconds} s)',
  'report.file.one': '{file} -> {table}: {rows} row loaded, {setAside} set aside ({seconds} s)',
  'report.fileInPlace': '{file} -> {table}: {rows} rows read in place, {setAside} set aside ({seconds} s)',
  'report.fileInPlace.one': '{file} -> {table}: {rows} row read in place, {setAside} set aside ({seconds} s)',
  'report.notRead': 'Not read (give a mapping file to read them):',
  'report.period': 'Period {start} to {end}',
  'report.noCurrency': 'Money: no currency named (plain numbers; give --currency CODE to name it)',
  'report.money': 'Money in {code}',
  'report.moneyKept': 'Money in {code}: only the {code} orders are counted; left out: {others}',
  'report.moneyKeptLines': 'Money in {code}: only the {code} orders are counted; left out: {others}, and {lines} order lines with no currency',
  'report.moneyKeptLines.one': 'Money in {code}: only the {code} orders are counted; left out: {others}, and {lines} order line with no currency',
  'report.currencyOrders': '{code} ({orders} orders)',
  'report.currencyOrders.one': '{code} ({orders} order)',
  'report.clvFailed': 'Lifetime value: not fitted: {error}',
  'report.clv': 'Lifetime value predicted as of {date} for {customers} customers: {total} over the next {months} months from {date}, the end of the period (monthly discount {discount}%)',
  'report.holdout': 'Holdout check: fitted on {customers} customers up to {end}, purchases after it to {holdoutEnd}',
  'report.notConverged': ' (did not converge)',
  'report.module': '{title} ({ref})',
  'report.moduleHeadline': '{title} ({ref}): {value}',
  'report.failed': 'FAILED: {error}',
  'report.noRows': '(no rows)',
  'report.moreRows': '… {rows} more rows',
  'report.moreRows.one': '… {rows} more row',
  'report.skipped': 'Not run, inputs missing:',
  'report.needs': '{id}: needs {needs}',
} as const;

export type MessageKey = keyof typeof en;
type Vars = Record<string, string | number>;
/** A translation: the English catalog's keys (and plural forms), each with its sentence. */
export type Messages = { readonly [key: string]: string };

export const english: Messages = en;
export const dictionaries: Record<string, Messages> = { en, fr, es, ro };

/**
 * Where the current locale (a BCP 47 tag: `fr-FR`) is kept. A plain variable by default (the
 * runner, tests); the page puts it in Svelte state (src/state/language.svelte.ts) so that
 * everything written with `t` follows a change of language at once.
 */
export interface LocaleStore {
  get(): string;
  set(next: string): void;
}

let plain = typeof navigator !== 'undefined' ? navigator.language : 'en';
let store: LocaleStore = { get: () => plain, set: (next) => (plain = next) };

export function useLocaleStore(next: LocaleStore) {
  next.set(store.get());
  store = next;
}

export function setLocale(next: string) {
  store.set(next);
}

export function getLocale(): string {
  return store.get();
}

/** The language part of the current locale (`fr` for `fr-CA`). */
export function currentLanguage(): string {
  return getLocale().split('-')[0].toLowerCase();
}

function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (_, name) => {
    const v = vars[name];
    return v === undefined ? `{${name}}` : typeof v === 'number' ? formatNumber(v) : v;
  });
}

/** The sentence for `key` in the current language, with `{name}` placeholders filled. */
export function t(key: MessageKey, vars: Vars = {}): string {
  return fill(dictionaries[currentLanguage()]?.[key] ?? en[key], vars);
}

/** Whether the catalog has a sentence for `key` (for keys built from a table or column name). */
export function hasMessage(key: string): key is MessageKey {
  return key in en;
}

/** `items` joined as a list in the reader's language ("a, b and c"). */
export function formatList(items: string[]): string {
  return new Intl.ListFormat(getLocale(), { style: 'long', type: 'conjunction' }).format(items);
}

/**
 * Like `t`, in the form `count` takes in this language: `<key>.<plural category>` when the
 * language has it (`.one`, Romanian's `.few`), else the key itself, the plural.
 */
export function tn(key: MessageKey, count: number, vars: Vars = {}): string {
  const category = new Intl.PluralRules(getLocale()).select(count);
  const dict = dictionaries[currentLanguage()] ?? en;
  const form = `${key}.${category}`;
  if (category !== 'other' && form in en) return t(form as MessageKey, vars);
  if (category !== 'other' && dict[form] !== undefined) return fill(dict[form], vars);
  return t(key, vars);
}

export function formatNumber(n: number, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(getLocale(), { maximumFractionDigits: 2, ...options }).format(n);
}

export function formatBytes(n: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return new Intl.NumberFormat(getLocale(), { style: 'unit', unit: units[i], unitDisplay: 'short', maximumFractionDigits: 1 }).format(n);
}

const utcDay = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return Date.UTC(y, m - 1, d);
};

/** A 'YYYY-MM-DD' date for the reader, without a time zone shift. */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(utcDay(iso));
}

/** Two 'YYYY-MM-DD' dates as one short range ("Jan 1 – Dec 31, 2025"), without a time zone shift. */
export function formatDateRange(start: string, end: string): string {
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(utcDay(start), utcDay(end));
}

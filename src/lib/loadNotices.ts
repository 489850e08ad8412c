/**
 * What a file's load means for the user, in the page's words: rows loaded into which table,
 * guest orders and refunds, what to know (encoding, date order, unreadable values) and rows set
 * aside. The page shows these as notices and the command-line runner prints them, so one file
 * reads the same wherever it was loaded.
 */
import { formatList, formatNumber, hasMessage, t, tn } from './i18n';

/** The parts of an ingestion's result these sentences are made from. */
export interface LoadFacts {
  file: string;
  table: string;
  rowsLoaded: number;
  guestOrders?: number;
  refundOrders?: number;
  setAside: { reason: string; rows: number }[];
  warnings: { code: string; message: string; column?: string }[];
}

export interface LoadNotice {
  level: 'info' | 'warning';
  text: string;
  /** The ingestion notice's code (encoding, date-order-assumed, …), for a warning. */
  code?: string;
  /** The notice about rows set aside (the page offers to list them). */
  setAside?: boolean;
}

export function loadNotices(facts: LoadFacts, extra: string[] = []): LoadNotice[] {
  const parts = [tn('load.canonical', facts.rowsLoaded, { name: facts.file, rows: facts.rowsLoaded, table: tableWords(facts.table) })];
  if (facts.guestOrders) parts.push(tn('load.guests', facts.guestOrders, { orders: facts.guestOrders }));
  if (facts.refundOrders) parts.push(tn('load.refunds', facts.refundOrders, { orders: facts.refundOrders }));
  const notices: LoadNotice[] = [{ level: 'info', text: [...parts, ...extra].join(' ') }];
  for (const warning of facts.warnings) notices.push({ level: 'warning', text: warning.message, code: warning.code });
  const setAside = setAsideTotal(facts);
  if (setAside) {
    const reasons = facts.setAside.map((s) => `${s.reason} (${formatNumber(s.rows)})`).join(', ');
    notices.push({ level: 'warning', text: tn('load.setAside', setAside, { rows: setAside, name: facts.file, reasons }), setAside: true });
  }
  return notices;
}

export const setAsideTotal = (facts: Pick<LoadFacts, 'setAside'>) => facts.setAside.reduce((n, s) => n + s.rows, 0);

/** The mapping step's question, for a runner that cannot show the step. */
export function mappingQuestion(file: string, reason: string | undefined, headers: string[]): string {
  const question = t('mapping.title', { name: file });
  const why = reason ? ` ${t('mapping.unsure', { reason })}` : '';
  return `${question}${why} ${t('mapping.headersSeen', { headers: headers.map((h) => `"${h}"`).join(', ') })}`;
}

/** A canonical table as the reader's language names it (`orders` in English, « commandes » in French). */
export function tableWords(table: string): string {
  const key = `table.${table}`;
  return hasMessage(key) ? t(key) : table;
}

/** A kept file read again on start: its name, the rows it gave, and how many notices its load wrote. */
export interface KeptBack {
  name: string;
  rows: number;
  notes: number;
}

/**
 * The one sentence or two the page says when the files kept in this browser are read again on
 * start: which files, with their rows, and where the notes from reading them are (the load log,
 * named by `log`). Empty when none came back.
 */
export function keptBackText(back: KeptBack[], log: string): string {
  if (!back.length) return '';
  const files = formatList(back.map((b) => tn('keep.dataBackFile', b.rows, { name: b.name, rows: b.rows })));
  const notes = back.reduce((n, b) => n + b.notes, 0);
  return [t('keep.dataBack', { files }), ...(notes ? [tn('keep.dataBackNotes', notes, { count: notes, log })] : [])].join(' ');
}

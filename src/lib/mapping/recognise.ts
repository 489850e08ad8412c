/**
 * Which canonical table a file's headers describe, and which header feeds which column.
 * A known export layout (layouts.ts) wins outright; otherwise every table is scored on its
 * synonyms (synonyms.ts, compared word by word after words.ts writes out abbreviations) and
 * key names (keys.ts), and the best fit is proposed. Where the headers leave a required column
 * empty, the columns' values (evidence.ts, when the caller counted them) may fill it. Decides
 * whether to load without asking ('sure') or to show the mapping with the best guess filled
 * in ('ask').
 */
import { t, tn } from '../i18n';
import { canonicalTableNames, canonicalTables, type CanonicalTableName } from '../canonical';
import { contradiction, fillFromContent } from './evidence';
import { foldHeader } from './fold';
import { keyScore, namesKey } from './keys';
import { layouts } from './layouts';
import { headerSignature } from './signature';
import { synonyms } from './synonyms';
import type { ColumnFacts, ColumnMapping, ExportLayout, Proposal, TableGuess } from './types';
import { headerWords } from './words';

/** A sure guess must beat the runner-up by this much. */
const clearMargin = 0.15;

/** A column's values fill a guess less surely than its header would. */
const contentScore = 0.5;

/**
 * `facts`, one per header in the same order, are what each column's values look like
 * (src/worker/ingest/columnFacts.ts); without them recognition reads the headers alone.
 */
export function recognise(headers: string[], fileName = '', facts?: ColumnFacts[]): Proposal {
  const signature = headerSignature(headers);
  const layout = matchLayout(headers);
  // Headers some table's names claim, whatever the values: content never turns one into another table's key.
  const claimed = new Set(facts ? canonicalTableNames.flatMap((t) => Object.values(guessTable(t, headers, fileName).mapping.columns)) : []);
  const guesses = canonicalTableNames
    .map((t) => guessTable(t, headers, fileName, facts, claimed))
    .filter((g) => g.score > 0)
    .sort((a, b) => b.score - a.score);
  if (layout) {
    const fromLayout = layoutGuess(layout, headers);
    return { guesses: [fromLayout, ...guesses.filter((g) => g.table !== layout.table)], decision: 'sure', signature };
  }
  const [best, second] = guesses;
  if (!best) return { guesses, decision: 'ask', reason: t('mapping.reasonNothing'), signature };
  if (best.missing.length) return { guesses, decision: 'ask', reason: t('mapping.reasonMissing', { columns: best.missing.join(', ') }), signature };
  if (second && best.score - second.score < clearMargin && second.missing.length === 0) {
    return { guesses, decision: 'ask', reason: t('mapping.reasonEither', { first: best.table, second: second.table }), signature };
  }
  const doubt = (facts && contradiction(best, headers, facts)) ?? weakGuess(best, headers, fileName);
  if (doubt) return { guesses, decision: 'ask', reason: doubt, signature };
  return { guesses, decision: 'sure', signature };
}

/**
 * A file fits no table when even the best guess lacks most of its table's required columns
 * (a price list whose "day" column is all it shares with marketing spend): the page loads it
 * as a table of its own (the user can still map it by hand), the command-line runner refuses it.
 */
export function fitsNoTable(proposal: Proposal): boolean {
  const best = proposal.guesses[0];
  if (!best) return true;
  const required = canonicalTables[best.table].columns.filter((c) => c.required).length;
  return best.missing.length * 2 > required;
}

function matchLayout(headers: string[]): ExportLayout | undefined {
  const have = new Set(headers.map(foldHeader));
  return layouts
    .filter((l) => l.signature.every((h) => have.has(foldHeader(h))))
    .sort((a, b) => b.signature.length - a.signature.length)[0];
}

function layoutGuess(layout: ExportLayout, headers: string[]): TableGuess {
  const byFolded = new Map(headers.map((h) => [foldHeader(h), h]));
  const columns: Record<string, string> = {};
  for (const [column, candidates] of Object.entries(layout.columns)) {
    const found = candidates.map((c) => byFolded.get(foldHeader(c))).find((h) => h !== undefined);
    if (found !== undefined) columns[column] = found;
  }
  const mapping: ColumnMapping = { table: layout.table, columns, creditPrefix: layout.creditPrefix, guestIds: layout.guestIds };
  return { table: layout.table, mapping, score: 1, missing: missingRequired(layout.table, columns), layout: layout.id };
}

/** The synonym lists in headerWords form, worked out once. */
const synonymWords = Object.fromEntries(
  canonicalTableNames.map((t) => [t, Object.entries(synonyms[t]).map(([column, names]) => [column, names.map(headerWords)] as const)]),
) as Record<CanonicalTableName, (readonly [string, string[]])[]>;

/**
 * Scores each (column, header) pair, then assigns greedily, best pairs first, each header once;
 * required columns still empty may then be filled from the values.
 */
function guessTable(table: CanonicalTableName, headers: string[], fileName: string, facts?: ColumnFacts[], claimed?: Set<string>): TableGuess {
  const pairs: { column: string; header: string; score: number }[] = [];
  const words = headers.map(headerWords);
  for (const [column, names] of synonymWords[table]) {
    names.forEach((name, rank) => {
      words.forEach((w, i) => {
        const score = w === name ? 1 - rank * 0.005 : containsWords(w, name) ? 0.6 - rank * 0.005 : 0;
        if (score > 0) pairs.push({ column, header: headers[i], score });
      });
    });
    words.forEach((w, i) => {
      if (namesKey(column, w)) pairs.push({ column, header: headers[i], score: keyScore });
    });
  }
  pairs.sort((a, b) => b.score - a.score);
  const columns: Record<string, string> = {};
  const used = new Set<string>();
  let quality = 0;
  for (const p of pairs) {
    if (columns[p.column] !== undefined || used.has(p.header)) continue;
    columns[p.column] = p.header;
    used.add(p.header);
    quality += p.score;
  }
  // Values fill only a table the headers already point to: a file of dates and amounts alone is anything's.
  const fromContent = facts && used.size ? fillFromContent(table, columns, headers, facts, new Set([...(claimed ?? [])].filter((h) => !used.has(h)))) : {};
  Object.assign(columns, fromContent);
  quality += contentScore * Object.keys(fromContent).length;
  const missing = missingRequired(table, columns);
  const required = canonicalTables[table].columns.filter((c) => c.required).length;
  const assigned = Object.keys(columns).length;
  const named = namesTable(fileName, table) ? 0.1 : 0;
  const score = assigned === 0 ? 0 : 0.6 * ((required - missing.length) / required) + 0.4 * (quality / Math.max(1, headers.filter((h) => h.trim()).length)) + named;
  const filled = Object.keys(fromContent);
  return { table, mapping: { table, columns }, score: Math.min(1, score), missing, ...(filled.length ? { fromContent: filled } : {}) };
}

/**
 * A guess that fits by its required columns can still be thin: a bare "id" is any table's
 * key, and a file whose columns mostly go unused is probably something else. Either way,
 * unless the file is named for the table, the user is asked.
 */
function weakGuess(guess: TableGuess, headers: string[], fileName: string): string | undefined {
  if (namesTable(fileName, guess.table)) return undefined;
  const required = new Set(canonicalTables[guess.table].columns.filter((c) => c.required).map((c) => c.name));
  const bareId = Object.entries(guess.mapping.columns).find(([column, header]) => required.has(column) && foldHeader(header) === 'id');
  if (bareId) return t('mapping.reasonBareId', { column: bareId[1] });
  const used = Object.keys(guess.mapping.columns).length;
  const given = headers.filter((h) => h.trim()).length;
  if (used * 2 < given) return tn('mapping.reasonFewRecognised', given, { used: String(used), given: String(given) });
  return undefined;
}

const namesTable = (fileName: string, table: CanonicalTableName) => ` ${foldHeader(fileName)} `.includes(` ${table.replace('_', ' ')} `);

const containsWords = (header: string, name: string) => name.includes(' ') && ` ${header} `.includes(` ${name} `);

function missingRequired(table: CanonicalTableName, columns: Record<string, string>): string[] {
  return canonicalTables[table].columns
    .filter((c) => c.required && columns[c.name] === undefined)
    .filter((c) => !(table === 'orders' && c.name === 'revenue' && columns.quantity !== undefined && columns.unit_price !== undefined))
    .map((c) => c.name);
}

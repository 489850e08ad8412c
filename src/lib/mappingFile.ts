/**
 * Mappings confirmed in the page, as a file the command-line runner reads
 * (`npm run kpis -- --mapping orders.mapping.json orders.csv`): the same file then loads the
 * same way headless, without the mapping step. An entry applies to the file of that name, or
 * else to any file with the same headers (its signature, as the page remembers mappings).
 */
import { canonicalTableNames, type CanonicalTableName } from './canonical';
import type { ColumnMapping } from './mapping/types';

export interface MappingEntry {
  /** The file's name as loaded (no folder). */
  file?: string;
  /** Header signature (Proposal.signature): applies to any file with these headers. */
  signature?: string;
  mapping: ColumnMapping;
  /** How the file was read, where the user chose it in the mapping step. */
  read?: ReadChoices;
}

/** The mapping step's reading choices (as ingestion's options take them). */
export interface ReadChoices {
  header?: boolean;
  /** ',', ';', '\t', '|', or ' ' for runs of spaces and tabs. */
  delimiter?: string;
  dateOrder?: 'dmy' | 'mdy';
}

const format = 'clientele-mapping';

export function mappingFileText(entries: MappingEntry[]): string {
  return `${JSON.stringify({ format, version: 1, mappings: entries }, null, 2)}\n`;
}

/** Reads a mapping file; throws a sentence naming the file and what is wrong. */
export function parseMappingFile(text: string, name: string): MappingEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(`${name} is not JSON: ${(e as Error).message}`);
  }
  const file = parsed as { format?: unknown; mappings?: unknown };
  if (!file || file.format !== format || !Array.isArray(file.mappings)) {
    throw new Error(`${name} is not a Clientele mapping file (export one from the page's data panel, "Export mapping")`);
  }
  return file.mappings.map((entry, i) => checkEntry(entry, `${name}, mapping ${i + 1}`));
}

function checkEntry(entry: unknown, where: string): MappingEntry {
  const e = entry as Partial<MappingEntry> | null;
  if (!e || typeof e !== 'object' || (!e.file && !e.signature)) throw new Error(`${where}: names no file and no signature`);
  const m = e.mapping as Partial<ColumnMapping> | undefined;
  if (!m || !canonicalTableNames.includes(m.table as CanonicalTableName)) {
    throw new Error(`${where}: its table must be one of ${canonicalTableNames.join(', ')}`);
  }
  if (!m.columns || typeof m.columns !== 'object' || Object.values(m.columns).some((h) => typeof h !== 'string')) {
    throw new Error(`${where}: its columns must map canonical columns to the file's headers`);
  }
  const read = e.read;
  if (read !== undefined && (typeof read !== 'object' || (read.dateOrder !== undefined && read.dateOrder !== 'dmy' && read.dateOrder !== 'mdy'))) {
    throw new Error(`${where}: its read choices must be { header, delimiter, dateOrder: "dmy" | "mdy" }`);
  }
  return { ...(e.file ? { file: String(e.file) } : {}), ...(e.signature ? { signature: String(e.signature) } : {}), mapping: m as ColumnMapping, ...(read ? { read } : {}) };
}

/** The entry given for a file by its name (entries by signature go to ingestion as `remembered`). */
export function mappingFor(entries: MappingEntry[], fileName: string): MappingEntry | undefined {
  return entries.find((e) => e.file === fileName);
}

/** Entries that apply by signature, as ingestion's `remembered` option. */
export function rememberedFrom(entries: MappingEntry[]): Record<string, ColumnMapping> {
  return Object.fromEntries(entries.filter((e) => e.signature).map((e) => [e.signature!, e.mapping]));
}

/**
 * Mappings confirmed in the page, as a file the command-line runner reads
 * (`npm run kpis -- --mapping orders.mapping.json orders.csv`): the same file then loads the
 * same way headless, without the mapping step. An entry applies to the file of that name, or
 * else to any file with the same headers (its signature, as the page remembers mappings).
 */
import { canonicalTableNames, type CanonicalTableName } from './canonical';
import type { ColumnMapping } from './mapping/types';
import { t } from './i18n';
import { Said } from './said';

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
    throw new Said(t('mappingFile.notJson', { name, detail: (e as Error).message }));
  }
  const file = parsed as { format?: unknown; mappings?: unknown };
  if (!file || file.format !== format || !Array.isArray(file.mappings)) {
    throw new Said(t('mappingFile.notMapping', { name }));
  }
  return file.mappings.map((entry, i) => checkEntry(entry, t('mappingFile.entry', { name, n: String(i + 1) })));
}

function checkEntry(entry: unknown, where: string): MappingEntry {
  const e = entry as Partial<MappingEntry> | null;
  if (!e || typeof e !== 'object' || (!e.file && !e.signature)) throw new Said(t('mappingFile.noFile', { where }));
  const m = e.mapping as Partial<ColumnMapping> | undefined;
  if (!m || !canonicalTableNames.includes(m.table as CanonicalTableName)) {
    throw new Said(t('mappingFile.badTable', { where, tables: canonicalTableNames.join(', ') }));
  }
  if (!m.columns || typeof m.columns !== 'object' || Object.values(m.columns).some((h) => typeof h !== 'string')) {
    throw new Said(t('mappingFile.badColumns', { where }));
  }
  const read = e.read;
  if (read !== undefined && (typeof read !== 'object' || (read.dateOrder !== undefined && read.dateOrder !== 'dmy' && read.dateOrder !== 'mdy'))) {
    throw new Said(t('mappingFile.badRead', { where }));
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

/**
 * The mapping step for one file: which canonical table it feeds and which of its headers
 * feeds each column, starting from the best guess, with a preview of the first rows as they
 * will be read. The page awaits `choice`.
 */
import type { CanonicalTableName } from '../lib/canonical';
import type { Row } from '../lib/db';
import { mappingTargets, type MappingTarget } from '../lib/mapping/targets';
import type { ColumnMapping, MappingRequest } from '../lib/api';
import type { Client } from './client';

export type MappingChoice = { kind: 'mapping'; mapping: ColumnMapping } | { kind: 'plain' } | { kind: 'cancel' };

export class MappingStep {
  table = $state<CanonicalTableName>('orders');
  columns = $state<Record<string, string>>({});
  preview = $state.raw<Row[]>([]);
  previewError = $state<string | undefined>();
  previewing = $state(false);
  readonly choice: Promise<MappingChoice>;
  private settle!: (choice: MappingChoice) => void;
  private previewRun = 0;
  private previewTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private client: Client,
    readonly file: File,
    readonly request: MappingRequest,
  ) {
    this.choice = new Promise((resolve) => (this.settle = resolve));
    const best = request.proposal.guesses[0];
    if (best) {
      this.table = best.table;
      this.columns = { ...best.mapping.columns };
      this.preview = request.preview;
    }
  }

  get targets(): MappingTarget[] {
    return mappingTargets(this.table);
  }

  /** Required columns no header is chosen for. */
  get missing(): string[] {
    return this.targets.filter((t) => t.required && !this.columns[t.column]).map((t) => t.column);
  }

  get mapping(): ColumnMapping {
    const guess = this.request.proposal.guesses.find((g) => g.table === this.table)?.mapping;
    const columns = Object.fromEntries(Object.entries(this.columns).filter(([, header]) => header));
    return { table: this.table, columns, creditPrefix: guess?.creditPrefix, guestIds: guess?.guestIds };
  }

  chooseTable(table: CanonicalTableName) {
    this.table = table;
    const guess = this.request.proposal.guesses.find((g) => g.table === table);
    this.columns = guess ? { ...guess.mapping.columns } : {};
    this.schedulePreview();
  }

  setColumn(column: string, header: string) {
    this.columns = { ...this.columns, [column]: header };
    this.schedulePreview();
  }

  confirm() {
    if (this.missing.length === 0) this.finish({ kind: 'mapping', mapping: this.mapping });
  }

  asPlainTable() {
    this.finish({ kind: 'plain' });
  }

  cancel() {
    this.finish({ kind: 'cancel' });
  }

  private finish(choice: MappingChoice) {
    clearTimeout(this.previewTimer);
    this.previewRun++;
    this.settle(choice);
  }

  /** Reading the preview re-reads the file, so a burst of changes asks once. */
  private schedulePreview() {
    clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(() => void this.refreshPreview(), 250);
  }

  private async refreshPreview() {
    const run = ++this.previewRun;
    this.previewError = undefined;
    if (this.missing.length) {
      this.preview = [];
      return;
    }
    this.previewing = true;
    const outcome = await this.client.previewMapping(this.file, this.mapping);
    if (run !== this.previewRun) return;
    this.previewing = false;
    if (outcome.ok) this.preview = outcome.value;
    else {
      this.preview = [];
      this.previewError = outcome.error.message;
    }
  }
}

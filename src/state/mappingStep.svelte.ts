/**
 * The mapping step for one file: which canonical table it feeds and which of its headers
 * feeds each column, starting from the best guess, with a preview of the first rows as they
 * will be read. For a text file the user also chooses whether it has a header row and its
 * delimiter (both re-read the file: the headers change), and for every file the order of
 * dates like 03/04. A loaded file's mapping reopens here with what it was loaded with.
 * The page awaits `choice`.
 */
import type { CanonicalTableName } from '../lib/canonical';
import type { Row } from '../lib/db';
import { mappingTargets, type MappingTarget } from '../lib/mapping/targets';
import type { ColumnMapping, MappingRequest, ReadChoices } from '../lib/api';
import type { Client } from './client';

export type MappingChoice = { kind: 'mapping'; mapping: ColumnMapping; choices: ReadChoices } | { kind: 'plain' } | { kind: 'cancel' };

/** What a reopened mapping step starts from: the file's mapping and reading choices when it was loaded. */
export interface CurrentMapping {
  mapping: ColumnMapping;
  choices: ReadChoices;
}

export type DateOrder = NonNullable<ReadChoices['dateOrder']>;

export class MappingStep {
  table = $state<CanonicalTableName>('orders');
  columns = $state<Record<string, string>>({});
  preview = $state.raw<Row[]>([]);
  previewError = $state<string | undefined>();
  previewing = $state(false);
  /** Load was asked for while the file was being read for a preview: it goes ahead once that read is done. */
  loadWaiting = $state(false);
  /** The file's headers, proposal and dialect; replaced when the header row or delimiter changes. */
  request = $state.raw<MappingRequest>(undefined!);
  header = $state(true);
  delimiter = $state<string | undefined>();
  /** Unset until the user (or the file's earlier load) chooses: the data then decides, day first when it cannot. */
  dateOrder = $state<DateOrder | undefined>();
  readonly choice: Promise<MappingChoice>;
  private settle!: (choice: MappingChoice) => void;
  private previewRun = 0;
  private previewTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private client: Client,
    readonly file: File,
    request: MappingRequest,
    current?: CurrentMapping,
  ) {
    this.choice = new Promise((resolve) => (this.settle = resolve));
    this.request = request;
    this.header = request.dialect.header !== false;
    this.delimiter = request.dialect.delimiter;
    this.dateOrder = current?.choices.dateOrder;
    const start = current?.mapping ?? request.proposal.guesses[0]?.mapping;
    if (start) {
      this.table = start.table as CanonicalTableName;
      this.columns = { ...start.columns };
      this.preview = request.preview;
    }
  }

  /** Whether the file is delimited text, whose header row and delimiter can be chosen. */
  get isText(): boolean {
    return this.request.dialect.kind === 'csv';
  }

  get choices(): ReadChoices {
    const order = this.dateOrder ? { dateOrder: this.dateOrder } : {};
    return this.isText ? { header: this.header, delimiter: this.delimiter, ...order } : order;
  }

  get targets(): MappingTarget[] {
    return mappingTargets(this.table);
  }

  /** Required columns no header is chosen for. */
  get missing(): string[] {
    // An orders file without order ids (CDNOW's) loads with each line an order of its own.
    return this.targets.filter((t) => t.required && !this.columns[t.column] && !(this.table === 'orders' && t.column === 'order_id')).map((t) => t.column);
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

  setDateOrder(order: DateOrder) {
    this.dateOrder = order;
    this.schedulePreview();
  }

  setHeader(header: boolean) {
    this.header = header;
    void this.reread();
  }

  setDelimiter(delimiter: string) {
    this.delimiter = delimiter;
    void this.reread();
  }

  /**
   * Loads the file with the mapping chosen. Asked while a preview or a new reading of the file is
   * under way (a click can land between the preview starting and the button showing it), the
   * load waits for it and then goes ahead, unless the new reading left a required column unmapped.
   */
  confirm() {
    if (this.missing.length) return;
    if (this.previewing) {
      this.loadWaiting = true;
      return;
    }
    this.finish({ kind: 'mapping', mapping: this.mapping, choices: this.choices });
  }

  /** A preview or a new reading ended; a load asked for meanwhile goes ahead unless it failed. */
  private readDone(failed: boolean) {
    this.previewing = false;
    const waiting = this.loadWaiting;
    this.loadWaiting = false;
    if (waiting && !failed) this.confirm();
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

  /**
   * A new header row or delimiter gives new headers: the file is read again for them, a new
   * best guess and its preview; columns whose header still exists keep their choice.
   */
  private async reread() {
    clearTimeout(this.previewTimer);
    const run = ++this.previewRun;
    this.previewError = undefined;
    this.previewing = true;
    const outcome = await this.client.loadFile(this.file, undefined, { askMapping: true, ...this.choices });
    if (run !== this.previewRun) return;
    if (!outcome.ok) {
      this.preview = [];
      this.previewError = outcome.error.message;
      return this.readDone(true);
    }
    if (outcome.value.status !== 'needs-mapping') return this.readDone(true);
    const request = outcome.value.request;
    this.request = request;
    const kept = Object.fromEntries(Object.entries(this.columns).filter(([, h]) => request.headers.includes(h)));
    const guess = request.proposal.guesses.find((g) => g.table === this.table)?.mapping.columns ?? {};
    this.columns = { ...guess, ...kept };
    this.schedulePreview();
    this.readDone(false);
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
    const outcome = await this.client.previewMapping(this.file, this.mapping, this.choices);
    if (run !== this.previewRun) return;
    if (outcome.ok) this.preview = outcome.value;
    else {
      this.preview = [];
      this.previewError = outcome.error.message;
    }
    this.readDone(!outcome.ok);
  }
}

/**
 * The customer explorer (issue 14): facets over customers, the RFM segment map, the customer
 * list, one customer's report, segments, export. Everything it shows is the worker's answer for
 * the scope applied (src/lib/explorerApi.ts, the modules in queries/); a change of scope, from
 * here or the notebook, marks it stale and it asks again when it is on show.
 */
import type { WorkerError } from '../lib/api';
import type { Row } from '../lib/db';
import type { CustomerReport, FacetInfo } from '../lib/explorerApi';
import type { SegmentDef } from '../lib/customerSets';
import { moduleCatalog } from '../lib/queryModules';
import type { QueryModule } from '../lib/queryModule';
import { CustomerList } from './customerList.svelte';
import { callExplorer } from './explorerClient';
import type { AppState } from './app.svelte';

/** Values asked per facet: the panel shows the heaviest few and searches the rest. */
export const facetLimit = 500;
export const rfmModuleId = 'rfm_segments';
export const rfmFacet = 'rfm_segment';

export type Status = 'idle' | 'loading' | 'ready' | 'error';

export interface ReportView {
  customerId: string;
  status: Status;
  report?: CustomerReport;
  error?: WorkerError;
}

export class ExplorerState {
  /** Which view the page shows: the notebook or the customers. */
  view = $state<'notebook' | 'customers'>('notebook');
  facets = $state.raw<FacetInfo[]>([]);
  facetStatus = $state<Status>('idle');
  facetError = $state.raw<WorkerError | undefined>();
  /** One row per RFM segment (rfm_segments) and the 25 cells of the map (rfm_grid). */
  rfm = $state.raw<Row[]>([]);
  rfmGrid = $state.raw<Row[]>([]);
  rfmStatus = $state<Status>('idle');
  rfmError = $state.raw<WorkerError | undefined>();
  report = $state.raw<ReportView | undefined>();
  readonly list: CustomerList;
  /**
   * Counts the times the view asked for everything again (a change of scope on show): the page
   * writes it as data-run beside each piece's data-state, so a reader (the bench) knows an
   * answer is the new one.
   */
  generation = $state(0);
  /** The scope changed since the explorer last asked. */
  private stale = true;
  /** A fit wrote predictions since the list last asked. */
  private listStale = false;

  constructor(private app: AppState) {
    this.list = new CustomerList(app.client);
  }

  get rfmModule(): QueryModule | undefined {
    return moduleCatalog().current.find((m) => m.id === rfmModuleId);
  }

  /** The customer facts module: its `show:` lines label and format the list's columns. */
  get factsModule(): QueryModule | undefined {
    return moduleCatalog().current.find((m) => m.id === 'customer_facts');
  }

  show(view: 'notebook' | 'customers') {
    this.view = view;
    this.app.notebook.setShown(view === 'notebook');
    if (view !== 'customers') return;
    if (this.stale) void this.refresh();
    else if (this.listStale) {
      this.listStale = false;
      this.list.refresh();
    }
  }

  /**
   * The lifetime-value fit wrote predictions for the scope: the list and the open report ask
   * again (until then the worker gives them none for new dates), now if on show.
   */
  predictionsChanged() {
    if (this.view !== 'customers') {
      this.listStale = true;
      return;
    }
    this.list.refresh();
    if (this.report) void this.openReport(this.report.customerId);
  }

  /** Whether the predictions are being fitted for the scope on show: the list says so. */
  get predictionsPending(): boolean {
    const status = this.app.notebook.clv?.status;
    return status === 'waiting' || status === 'fitting';
  }

  /** The scope was applied anew (dates, facets, segment, data): ask again, now if on show. */
  scopeChanged() {
    this.stale = true;
    if (this.report) this.report = { ...this.report, status: 'loading' };
    if (this.view === 'customers') void this.refresh();
  }

  async refresh() {
    this.stale = false;
    this.listStale = false;
    const generation = ++this.generation;
    this.list.reload();
    if (this.report) void this.openReport(this.report.customerId);
    await Promise.all([this.loadFacets(generation), this.loadRfm(generation)]);
  }

  private async loadFacets(generation: number) {
    this.facetStatus = 'loading';
    const outcome = await callExplorer(this.app.client, 'facetValues', facetLimit);
    if (generation !== this.generation || (!outcome.ok && outcome.error.code === 'data-changed')) return;
    if (!outcome.ok) {
      this.facetError = outcome.error;
      this.facetStatus = 'error';
      return;
    }
    this.facets = outcome.value;
    this.facetError = undefined;
    this.facetStatus = 'ready';
  }

  private async loadRfm(generation: number) {
    this.rfmStatus = 'loading';
    const outcome = await callExplorer(this.app.client, 'rfmMap');
    if (generation !== this.generation || (!outcome.ok && outcome.error.code === 'data-changed')) return;
    if (!outcome.ok) {
      this.rfmError = outcome.error;
      this.rfmStatus = 'error';
      return;
    }
    this.rfm = outcome.value.segments;
    this.rfmGrid = outcome.value.grid;
    this.rfmError = undefined;
    this.rfmStatus = 'ready';
  }

  async openReport(customerId: string) {
    this.report = { customerId, status: 'loading', report: this.report?.customerId === customerId ? this.report.report : undefined };
    const outcome = await callExplorer(this.app.client, 'customerReport', customerId);
    if (this.report?.customerId !== customerId) return;
    if (!outcome.ok && outcome.error.code === 'data-changed') return;
    this.report = outcome.ok ? { customerId, status: 'ready', report: outcome.value } : { customerId, status: 'error', error: outcome.error };
  }

  closeReport() {
    this.report = undefined;
  }

  // Facets: the values chosen live in the scope, so the notebook reads the same customers.

  isChosen(facet: string, value: string): boolean {
    return this.app.scope.facets[facet]?.includes(value) ?? false;
  }

  async toggleFacet(facet: string, value: string) {
    const chosen = this.app.scope.facets[facet] ?? [];
    await this.setFacet(facet, chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value]);
  }

  async setFacet(facet: string, values: string[]) {
    const next = { ...this.app.scope.facets };
    if (values.length) next[facet] = values;
    else delete next[facet];
    this.app.scope.facets = next;
    await this.app.applyFilters();
  }

  /** Every facet, the segment filter and the comparison off, in one change of scope. */
  async clearAll() {
    this.app.scope.facets = {};
    this.app.scope.segment = undefined;
    this.app.scope.compareSegment = undefined;
    await this.app.applyFilters();
  }

  /** Lists one RFM segment's customers: the segment becomes the only value of its facet. */
  async showSegment(segment: string) {
    this.report = undefined;
    await this.setFacet(rfmFacet, [segment]);
  }

  // Segments: kept with the notebook, applied as a filter or compared with everyone else.

  get segments(): SegmentDef[] {
    return this.app.notebook.segments;
  }

  saveSegment(segment: SegmentDef, replacing?: string) {
    const others = this.segments.filter((s) => s.name !== segment.name && s.name !== replacing);
    this.app.notebook.segments = [...others, segment];
    const scope = this.app.scope;
    if (replacing && scope.segment === replacing) scope.segment = segment.name;
    if (replacing && scope.compareSegment === replacing) scope.compareSegment = segment.name;
    if (scope.segment === segment.name || scope.compareSegment === segment.name) void this.app.applyFilters();
  }

  async deleteSegment(name: string) {
    this.app.notebook.segments = this.segments.filter((s) => s.name !== name);
    const scope = this.app.scope;
    const inUse = scope.segment === name || scope.compareSegment === name;
    if (scope.segment === name) scope.segment = undefined;
    if (scope.compareSegment === name) scope.compareSegment = undefined;
    if (inUse) await this.app.applyFilters();
  }

  /** Applies a kept segment as the filter (undefined: everyone). */
  async useSegment(name: string | undefined) {
    this.app.scope.segment = name;
    if (name && this.app.scope.compareSegment === name) this.app.scope.compareSegment = undefined;
    await this.app.applyFilters();
  }

  /** Shows a kept segment beside everyone else in every KPI cell (undefined: no comparison). */
  async compareSegment(name: string | undefined) {
    this.app.scope.compareSegment = name;
    if (name && this.app.scope.segment === name) this.app.scope.segment = undefined;
    await this.app.applyFilters();
  }
}

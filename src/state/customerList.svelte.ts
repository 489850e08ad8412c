/**
 * The customer list: the customers in scope, sorted and searched by the worker and fetched a
 * page at a time as the list scrolls (`customerPage`), so 275,000 customers never cross the
 * thread boundary at once. Each query (sort, search, scope) has a generation; a page that
 * answers an older one is dropped.
 */
import { tableFromIPC } from 'apache-arrow';
import { arrowToRows } from '../lib/arrowRows';
import type { ColumnInfo, WorkerError } from '../lib/api';
import type { Row } from '../lib/db';
import { callExplorer } from './explorerClient';
import type { Client } from './client';

/** Rows per page asked of the worker. */
export const listPageRows = 200;
/** Pages kept at hand; the farthest from the last asked go first. */
const keptPages = 40;

export type ListStatus = 'idle' | 'loading' | 'ready' | 'error';

export class CustomerList {
  /** The search applied (the field's text once typing pauses). */
  search = $state('');
  sort = $state('revenue');
  descending = $state(true);
  /** Customers in scope matching the search; undefined until the first page answers. */
  total = $state<number | undefined>();
  columns = $state.raw<ColumnInfo[]>([]);
  status = $state<ListStatus>('idle');
  error = $state.raw<WorkerError | undefined>();
  /** Pages at hand by page number; replaced (not mutated) so the list redraws. */
  pages = $state.raw(new Map<number, Row[]>());
  /** Counts the queries asked (sort, search, scope): the list goes back to its top on a new one. */
  generation = $state(0);
  /** Counts the answers asked for (a new query, or the same one answered anew): a page from an older one is dropped. */
  private epoch = 0;
  private asked = new Set<number>();

  constructor(private client: Client) {}

  /** The row at `index`, if its page is at hand. */
  row(index: number): Row | undefined {
    return this.pages.get(Math.floor(index / listPageRows))?.[index % listPageRows];
  }

  /** Asks for every page that rows `from` to `to` fall in and that is not at hand or asked. */
  want(from: number, to: number) {
    const last = this.total === undefined ? 0 : Math.max(0, Math.ceil(this.total / listPageRows) - 1);
    for (let p = Math.max(0, Math.floor(from / listPageRows)); p <= Math.min(last, Math.floor(to / listPageRows)); p++) {
      if (!this.pages.has(p) && !this.asked.has(p)) void this.fetch(p, this.epoch);
    }
  }

  /** Starts again from the first page: the scope, the sort or the search changed. */
  reload() {
    this.generation++;
    this.epoch++;
    this.asked.clear();
    this.pages = new Map();
    this.status = 'loading';
    void this.fetch(0, this.epoch);
  }

  /**
   * The same query answered anew (the predictions were fitted): the pages at hand are asked
   * again and stay on screen, where they are, until their new rows come.
   */
  refresh() {
    this.epoch++;
    this.asked.clear();
    const pages = this.pages.size ? [...this.pages.keys()] : [0];
    for (const page of pages) void this.fetch(page, this.epoch);
  }

  sortBy(column: string) {
    if (this.sort === column) this.descending = !this.descending;
    else {
      this.sort = column;
      // Names and places read A to Z first; amounts and counts largest first.
      const type = this.columns.find((c) => c.name === column)?.type ?? '';
      this.descending = !/utf8|string|varchar/i.test(type);
    }
    this.reload();
  }

  setSearch(text: string) {
    if (text.trim() === this.search) return;
    this.search = text.trim();
    this.reload();
  }

  private async fetch(page: number, epoch: number) {
    this.asked.add(page);
    const outcome = await callExplorer(this.client, 'customerPage', {
      search: this.search || undefined,
      sort: this.sort,
      descending: this.descending,
      offset: page * listPageRows,
      limit: listPageRows,
    });
    if (epoch !== this.epoch) return;
    this.asked.delete(page);
    if (!outcome.ok) {
      // A change of data stopped it: the page asks again once the new scope is applied.
      if (outcome.error.code === 'data-changed') return;
      this.error = outcome.error;
      this.status = 'error';
      return;
    }
    const { ipc, total, columns } = outcome.value;
    const pages = new Map(this.pages);
    pages.set(page, arrowToRows(tableFromIPC(ipc)));
    if (pages.size > keptPages) {
      const far = [...pages.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page));
      for (const p of far.slice(0, pages.size - keptPages)) pages.delete(p);
    }
    this.pages = pages;
    this.total = total;
    if (columns.length) this.columns = columns;
    this.error = undefined;
    this.status = 'ready';
  }
}

/**
 * The scope as the worker holds it: the views rebuilt over what is loaded, the prepared tables
 * and the facets' fixed pairs rebuilt only when they must be, and the period set on each
 * query's connection. Callers hold the data gate's change while they rescope.
 *
 * Rebuild rules. The prepared tables and the facets' pairs that do not depend on the dates are
 * built over every customer (src/lib/scope.ts), so they follow only the data and the kept
 * currency. The customers in scope are chosen again on every other change of scope; a change of
 * dates alone changes nothing in the database (the period is a variable each connection sets)
 * unless a facet or segment depends on the dates: revenue contribution and the RFM segment rank
 * the customers of the range, and a segment reads the customer facts of the range, so with one
 * of those on the customers in scope follow the dates.
 */
import { ensureFacetPairs, periodFacets, scopeModules, type ScopeModules } from '../lib/customerScope';
import { t } from '../lib/i18n';
import { Said } from '../lib/said';
import { moduleCatalog } from '../lib/queryModules';
import { applyScope, setPeriod, type Scope } from '../lib/scope';
import type { ParamValues } from '../lib/runModule';
import type { ConnectionDb } from './browserDb';
import type { Store } from './store';

export class Scoping {
  scope?: Scope;
  /** What the prepared tables were last built for (kept currency, tables); cleared when data changes. */
  private preparedFor?: string;
  /** The whole scope last applied, but its dates. */
  private appliedFor?: string;
  /** The facets' pairs being kept by the first read that asked (src/lib/customerScope.ts). */
  private facetPairs?: Promise<void>;
  /**
   * Counts the builds of the `everyone` schema (every customer's rows, the prepared tables): what
   * is worked out from it alone, over every customer, holds until the next one.
   */
  everyoneBuilds = 0;
  /**
   * What the lifetime-value predictions in `clv_predictions` were fitted for (`fitKey` as the
   * last fit began): they are as of that range's end and fitted on that scope's customers, so
   * they hold for it alone.
   */
  predictionsFor?: string;

  constructor(private store: Store) {}

  /** What a fit reads: the data's build and the whole scope applied, dates included. */
  get fitKey(): string {
    return this.fitKeyOf(this.scope);
  }

  /** Whether `clv_predictions` holds the predictions for the scope applied. */
  get predictionsCurrent(): boolean {
    return this.predictionsCurrentFor(this.scope);
  }

  /** Whether `clv_predictions` holds the predictions for `scope` (e.g. the one a connection was given). */
  predictionsCurrentFor(scope: Scope | undefined): boolean {
    return this.predictionsFor === this.fitKeyOf(scope);
  }

  private fitKeyOf(scope: Scope | undefined): string {
    return JSON.stringify([this.everyoneBuilds, scope ?? null]);
  }

  /** The facet modules and the customer facts, from the bundled catalog. */
  get modules(): ScopeModules {
    return scopeModules(moduleCatalog().current);
  }

  /** The data moved or changed under the prepared tables: the next rescope rebuilds them. */
  forgetPrepared() {
    this.preparedFor = undefined;
    this.appliedFor = undefined;
    this.facetPairs = undefined;
  }

  /**
   * The facets' pairs over every customer, kept once per load when a read first needs them (the
   * facets' counts, a segment's size): reads run side by side, so the second waits for the first.
   */
  ensureFacetPairs(c: ConnectionDb): Promise<void> {
    this.facetPairs ??= ensureFacetPairs(c, this.modules, this.store.canonical).catch((e: unknown) => {
      this.facetPairs = undefined;
      throw e;
    });
    return this.facetPairs;
  }

  /** Recreates the views; the prepared tables only when the data or the kept currency changed. */
  async rescope(dataChanged = true) {
    if (dataChanged) this.forgetPrepared();
    const { scope } = this;
    const loaded = this.store.canonical;
    if (!scope) return;
    const dataKey = JSON.stringify([scope.currency ?? null, [...loaded].sort()]);
    const prepare = dataKey !== this.preparedFor;
    if (prepare) this.facetPairs = undefined;
    // Forget the keys first: a build that fails must be tried again next time.
    this.preparedFor = undefined;
    this.appliedFor = undefined;
    if (prepare) this.everyoneBuilds++;
    await this.store.withConnection((db) => applyScope(db, scope, loaded, prepare, undefined, this.modules));
    this.preparedFor = dataKey;
    this.appliedFor = this.keyOf(scope);
  }

  /**
   * Whether `scope` differs from the one applied only in its dates, and nothing applied depends
   * on the dates: then nothing in the database changes (the period is set on each query's
   * connection), and queries under way need not stop.
   */
  onlyPeriodChanges(scope: Scope): boolean {
    return this.appliedFor !== undefined && this.keyOf(scope) === this.appliedFor && !this.followsDates(scope);
  }

  /** A facet that ranks the customers of the range, or a segment (it reads the customer facts of the range). */
  followsDates(scope: Scope): boolean {
    const dated = periodFacets(this.modules);
    return Boolean(scope.segment || scope.compareSegment) || Object.entries(scope.facets ?? {}).some(([id, values]) => values.length > 0 && dated.includes(id));
  }

  private keyOf(scope: Scope): string {
    const facets = Object.entries(scope.facets ?? {})
      .filter(([, values]) => values.length > 0)
      .map(([id, values]) => [id, [...values].sort()])
      .sort();
    return JSON.stringify([facets, scope.segment ?? null, scope.compareSegment ?? null, scope.currency ?? null, [...this.store.canonical].sort()]);
  }

  /**
   * A fresh connection sees the views, but variables are per connection: set the period (of
   * `scope`, the one applied unless given). A change of dates alone moves the scope applied
   * without waiting for the queries under way, so a caller that keys what it keeps by the scope
   * takes the scope first and passes it here.
   */
  async prepareConnection(c: ConnectionDb, params?: ParamValues, scope = this.scope) {
    if (scope) await setPeriod(c, scope.start, scope.end);
    for (const [name, value] of Object.entries(params ?? {})) {
      if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Said(t('worker.badParamName', { name }));
      await c.exec(`set variable ${name} = ?`, [value]);
    }
  }
}

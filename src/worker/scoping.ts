/**
 * The scope as the worker holds it: the scoped views rebuilt over what is loaded, the prepared
 * tables rebuilt only when they must be, and the period set on each query's connection.
 * Callers hold the data gate's change while they rescope.
 */
import { applyScope, setPeriod, type Scope } from '../lib/scope';
import type { ParamValues } from '../lib/runModule';
import type { ConnectionDb } from './browserDb';
import type { Store } from './store';

export class Scoping {
  scope?: Scope;
  /** What the prepared tables were last built for (facets, tables); cleared when data changes. */
  private preparedFor?: string;

  constructor(private store: Store) {}

  /** The data moved or changed under the prepared tables: the next rescope rebuilds them. */
  forgetPrepared() {
    this.preparedFor = undefined;
  }

  /**
   * Recreates the scoped views. The prepared tables are rebuilt only when the data, the facets or
   * the segment changed: a new date range just reruns the modules over them.
   */
  async rescope(dataChanged = true) {
    if (dataChanged) this.preparedFor = undefined;
    const { scope } = this;
    const loaded = this.store.canonical;
    // With no canonical table left the prepared tables are dropped, not left on data that went.
    if (!scope) return;
    const key = this.keyOf(scope);
    // A segment is a list of customers whose content the key cannot see: rebuild while one is on.
    const prepare = key !== this.preparedFor || Boolean(scope.segment);
    // Forget the key first: a build that fails must be tried again next time.
    this.preparedFor = undefined;
    await this.store.withConnection((db) => applyScope(db, scope, loaded, prepare));
    this.preparedFor = key;
  }

  /**
   * Whether `scope` differs from the one applied only in its dates, over views and prepared
   * tables built for it: then nothing in the database changes (the period is set on each
   * query's connection), and queries under way need not stop.
   */
  onlyPeriodChanges(scope: Scope): boolean {
    return this.preparedFor !== undefined && !scope.segment && !this.scope?.segment && this.keyOf(scope) === this.preparedFor;
  }

  private keyOf(scope: Scope): string {
    return JSON.stringify([scope.facets ?? {}, scope.currency ?? null, [...this.store.canonical].sort()]);
  }

  /** A fresh connection sees the views, but variables are per connection: set the period. */
  async prepareConnection(c: ConnectionDb, params?: ParamValues) {
    if (this.scope) await setPeriod(c, this.scope.start, this.scope.end);
    for (const [name, value] of Object.entries(params ?? {})) {
      if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`"${name}" is not a valid parameter name`);
      await c.exec(`set variable ${name} = ?`, [value]);
    }
  }
}

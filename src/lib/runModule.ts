/**
 * Runs a query module on any `Db`: binds its parameters as DuckDB variables, runs its SQL,
 * and finds the headline row. The caller must not run two modules at once on one
 * connection (variables are per connection); the engines queue module runs.
 */
import type { Db, Row, SqlValue } from './db';
import { paramProblem, type QueryModule } from './queryModule';
import { Said } from './said';

export type ParamValues = Record<string, string | number | boolean | null>;

const sqlType = { integer: 'integer', double: 'double', date: 'date', varchar: 'varchar', boolean: 'boolean' } as const;

/**
 * Sets every parameter of the module (the given value, or its default) as a variable. A given
 * value the module refuses (`paramProblem`: out of its range, not one of its choices) stops the
 * run, on the page as in the runner, whatever brought it (a control, a shared link, --param).
 */
export async function bindParams(db: Db, module: QueryModule, values: ParamValues = {}): Promise<void> {
  for (const p of module.params) {
    const given = values[p.name];
    const problem = given === undefined || given === null ? undefined : paramProblem(p, given);
    if (problem) throw new Said(`${module.id}: ${problem}`);
  }
  for (const p of module.params) {
    const value = (values[p.name] ?? p.default) as SqlValue;
    await db.exec(`set variable ${p.name} = cast(? as ${sqlType[p.type]})`, [value]);
  }
}

/**
 * Makes each module `module` uses a temporary view named by its id, on this connection only: it is
 * computed when the module reads it, with the same period and parameters.
 */
export async function moduleViews(db: Db, module: QueryModule): Promise<void> {
  for (const view of module.views ?? []) await db.exec(`create or replace temp view ${view.id} as\n${view.sql.replace(/;\s*$/, '')}`);
}

/** What a module needs set on its connection before its SQL runs: its parameters and the modules it uses. */
export async function prepareModule(db: Db, module: QueryModule, values: ParamValues = {}): Promise<void> {
  await bindParams(db, module, values);
  await moduleViews(db, module);
}

/** Runs the module (or `sqlOverride`, the user's edit of it) and returns its rows. */
export async function runModule(db: Db, module: QueryModule, values: ParamValues = {}, sqlOverride?: string): Promise<Row[]> {
  await prepareModule(db, module, values);
  return db.rows(sqlOverride ?? module.sql);
}

/** The headline row: the only row, or the first whose chart x is NULL (the grand total). */
export function headlineRow(module: QueryModule, rows: Row[]): Row | undefined {
  if (!module.headline) return undefined;
  if (rows.length === 1) return rows[0];
  const x = module.view.fields[0];
  return x ? rows.find((r) => r[x] === null) : undefined;
}

/** The rows a chart draws: all but the grand-total row. */
export function chartRows(module: QueryModule, rows: Row[]): Row[] {
  const x = module.view.fields[0];
  return x && rows.length > 1 ? rows.filter((r) => r[x] !== null) : rows;
}

/**
 * The chart types a cell's result can be switched to, and the spec for the one chosen: a module
 * draws its own `view` fields, a SQL result its first column across and first number up. Line and
 * area need an ordered axis (dates or numbers); a heatmap needs the module's three fields; a
 * metric needs a headline; a table always fits.
 */
import type { Row } from './db';
import { guessedColumns, viewSpec, type ChartColumn, type ChartContext, type VegaLiteSpec } from './chartSpec';
import type { ChartDoc } from './notebookDoc';
import type { QueryModule } from './queryModule';

export type ChartType = Extract<ChartDoc, { type: string }>['type'];

export interface ChartShape {
  columns: ChartColumn[];
  /** x, y, then colour or the heatmap's value. */
  fields: string[];
}

export function chartShape(module: QueryModule | undefined, resultColumns: { name: string; type: string }[]): ChartShape {
  if (module) {
    const fields = module.view.fields.length >= 2 ? module.view.fields : guessFields(module.columns);
    return { columns: module.columns, fields };
  }
  const columns = guessedColumns(resultColumns);
  return { columns, fields: guessFields(columns) };
}

function guessFields(columns: ChartColumn[]): string[] {
  const [x] = columns;
  const y = columns.slice(1).find((c) => c.type === 'double' || c.type === 'integer');
  return x && y ? [x.name, y.name] : [];
}

export function chartChoices(shape: ChartShape, module?: QueryModule): ChartType[] {
  const choices: ChartType[] = [];
  if (module?.headline) choices.push('metric');
  const [xName, , zName] = shape.fields;
  const x = shape.columns.find((c) => c.name === xName);
  if (x && shape.fields.length >= 2) {
    const ordered = x.type === 'date' || x.type === 'timestamp' || x.type === 'integer' || x.type === 'double';
    if (ordered) choices.push('line', 'area');
    choices.push('bar', 'hbar', 'point');
    if (module?.view.kind === 'heatmap' && zName) choices.push('heatmap');
  }
  choices.push('table');
  return choices;
}

/** The spec for a chosen type; undefined for 'table' and 'metric' (no chart) or a shape with nothing to draw. */
export function chosenSpec(type: ChartType, shape: ChartShape, context: ChartContext): VegaLiteSpec | undefined {
  if (type === 'table' || type === 'metric') return undefined;
  return viewSpec({ kind: type, fields: shape.fields }, shape.columns, context);
}

/** A spec the user wrote, given the rows by name as every chart of the page is. */
export function userSpec(spec: Record<string, unknown>): VegaLiteSpec {
  return { width: 'container', ...spec, data: { name: 'rows' } };
}

export type { Row };

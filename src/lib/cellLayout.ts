/**
 * Where each cell of a section sits on a 12-column grid, in the user's order, so that no card
 * carries a blank half: headline-only cells next to each other become a row of compact tiles
 * (evenly sized, at most four a row), chart cards pair up two a row, and a chart card that would
 * sit alone in a half row (before a tile, a wide card or the end) spans the row.
 */

/** 'tile': a headline only; 'chart': a headline with a chart or table; 'wide': always the full row. */
export type CellShape = 'tile' | 'chart' | 'wide';

export interface Placement {
  tile: boolean;
  /** Columns of 12. */
  span: number;
}

export const columns = 12;
const tilesPerRow = 4;

export function placeCells(shapes: readonly CellShape[]): Placement[] {
  const placements: Placement[] = new Array(shapes.length);
  let tiles: number[] = [];
  let run: number[] = [];
  const closeTiles = () => {
    tileRows(tiles.length).reduce((first, count) => {
      for (const i of tiles.slice(first, first + count)) placements[i] = { tile: true, span: columns / count };
      return first + count;
    }, 0);
    tiles = [];
  };
  // Chart cards between two other kinds form a run; an odd run's last card takes the whole row.
  const closeRun = () => {
    if (run.length % 2 === 1) placements[run[run.length - 1]].span = columns;
    run = [];
  };
  shapes.forEach((shape, i) => {
    if (shape === 'tile') {
      closeRun();
      tiles.push(i);
      return;
    }
    closeTiles();
    placements[i] = { tile: false, span: shape === 'wide' ? columns : columns / 2 };
    if (shape === 'wide') closeRun();
    else run.push(i);
  });
  closeTiles();
  closeRun();
  return placements;
}

/** How many tiles each row holds: as few rows as four a row allows, their counts as even as can be. */
export function tileRows(count: number): number[] {
  if (count === 0) return [];
  const rows = Math.ceil(count / tilesPerRow);
  const base = Math.floor(count / rows);
  return Array.from({ length: rows }, (_, r) => base + (r < count % rows ? 1 : 0));
}

/**
 * The RFM segment map's layout: the module's grid (recency score by frequency-and-monetary score,
 * each cell named by its segment: queries/customers/rfm_grid.sql) turned into tiles, one or more
 * rectangles per segment, so the map follows the module's rules rather than a copy of them. The
 * tiles of one segment say which of their sides touch each other, so the map draws them as one
 * region (an L-shaped segment is not read as two segments of one name).
 */
import type { Row } from './db';

export type Side = 'top' | 'bottom' | 'left' | 'right';
export type Corner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

export interface Tile {
  segment: string;
  /** Grid lines, 1-based: columns are recency 1..5 left to right, rows frequency-and-monetary 5..1 top to bottom. */
  column: [number, number];
  row: [number, number];
  /** The segment's first tile carries its button; the others only widen its target. */
  first: boolean;
  /** The sides along which another tile of the same segment lies. */
  joins: Side[];
  /** The corners where the region goes on (drawn square): those that another tile of the segment reaches. */
  corners: Corner[];
}

/** Tiles from the grid's 25 rows (`r`, `fm`, `rfm_segment`): per segment, runs of recency per row, stacked when equal. */
export function mapTiles(grid: Row[]): Tile[] {
  const at = new Map<string, string>();
  for (const cell of grid) at.set(`${cell.r}:${cell.fm}`, String(cell.rfm_segment));
  const tiles: Tile[] = [];
  const open = new Map<string, Tile>();
  for (let fm = 5; fm >= 1; fm--) {
    const rowLine = 6 - fm;
    const runs: { segment: string; from: number; to: number }[] = [];
    for (let r = 1; r <= 5; r++) {
      const segment = at.get(`${r}:${fm}`);
      if (!segment) continue;
      const last = runs.at(-1);
      if (last && last.segment === segment && last.to === r - 1) last.to = r;
      else runs.push({ segment, from: r, to: r });
    }
    for (const run of runs) {
      const key = `${run.segment}:${run.from}:${run.to}`;
      const above = open.get(key);
      if (above && above.row[1] === rowLine) above.row[1] = rowLine + 1;
      else {
        const tile: Tile = { segment: run.segment, column: [run.from, run.to + 1], row: [rowLine, rowLine + 1], first: !tiles.some((t) => t.segment === run.segment), joins: [], corners: [] };
        tiles.push(tile);
        open.set(key, tile);
      }
    }
  }
  for (const tile of tiles) joinTiles(tile, tiles);
  return tiles;
}

/** Where `tile` shares an edge with another tile of its segment, and which of its corners that edge reaches. */
function joinTiles(tile: Tile, tiles: Tile[]) {
  const overlap = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];
  for (const other of tiles) {
    if (other === tile || other.segment !== tile.segment) continue;
    const across = overlap(tile.column, other.column);
    const along = overlap(tile.row, other.row);
    const [starts, ends] = across ? [other.column[0] <= tile.column[0], other.column[1] >= tile.column[1]] : [other.row[0] <= tile.row[0], other.row[1] >= tile.row[1]];
    const meet = (side: Side, first: Corner, last: Corner) => {
      tile.joins.push(side);
      if (starts) tile.corners.push(first);
      if (ends) tile.corners.push(last);
    };
    if (across && other.row[1] === tile.row[0]) meet('top', 'top-left', 'top-right');
    if (across && other.row[0] === tile.row[1]) meet('bottom', 'bottom-left', 'bottom-right');
    if (along && other.column[1] === tile.column[0]) meet('left', 'top-left', 'bottom-left');
    if (along && other.column[0] === tile.column[1]) meet('right', 'top-right', 'bottom-right');
  }
}

/** Tone per segment, from engaged (green) through wavering (amber) to gone (grey). */
export const segmentTone: Record<string, string> = {
  Champions: 'best',
  Loyal: 'good',
  'Potential loyalists': 'good',
  New: 'fresh',
  Promising: 'fresh',
  'Need attention': 'watch',
  'About to sleep': 'watch',
  'At risk': 'risk',
  "Can't lose them": 'risk',
  Hibernating: 'gone',
  Lost: 'gone',
};

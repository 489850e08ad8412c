// Pins how the RFM grid becomes the map's tiles: a rectangle per segment where its cells make one,
// and an L-shaped segment as two tiles of which only the first carries the segment's button, each
// saying where it meets the other so the map draws them as one region.
import { describe, expect, it } from 'vitest';
import { mapTiles } from '../../src/lib/segmentMap';

// The rules of queries/customers/rfm_grid.sql, written out cell by cell.
function segmentOf(r: number, fm: number): string {
  if (r === 5 && fm >= 4) return 'Champions';
  if (r >= 3 && r <= 4 && fm >= 4) return 'Loyal';
  if (r >= 4 && fm >= 2 && fm <= 3) return 'Potential loyalists';
  if (r === 5 && fm === 1) return 'New';
  if (r === 4 && fm === 1) return 'Promising';
  if (r === 3 && fm === 3) return 'Need attention';
  if (r === 3 && fm <= 2) return 'About to sleep';
  if (r <= 2 && fm === 5) return "Can't lose them";
  if (r <= 2 && fm >= 3 && fm <= 4) return 'At risk';
  if (r === 1 && fm === 1) return 'Lost';
  return 'Hibernating';
}
const grid = Array.from({ length: 25 }, (_, i) => ({ r: (i % 5) + 1, fm: Math.floor(i / 5) + 1, rfm_segment: segmentOf((i % 5) + 1, Math.floor(i / 5) + 1) }));

describe('mapTiles', () => {
  const tiles = mapTiles(grid);
  const of = (segment: string) => tiles.filter((t) => t.segment === segment).map(({ column, row, first }) => ({ column, row, first }));

  it('makes one tile of a rectangular segment, spanning its scores', () => {
    // Champions: recency 5, FM 4-5 -> column line 5 to 6, rows 1 (FM 5) to 3.
    expect(of('Champions')).toEqual([{ column: [5, 6], row: [1, 3], first: true }]);
    expect(of('Loyal')).toEqual([{ column: [3, 5], row: [1, 3], first: true }]);
    expect(of('At risk')).toEqual([{ column: [1, 3], row: [2, 4], first: true }]);
    expect(of('Lost')).toEqual([{ column: [1, 2], row: [5, 6], first: true }]);
  });

  it('splits an L-shaped segment into tiles, the first carrying the button', () => {
    // Hibernating: (1,2), (2,2), (2,1): the FM-2 row's run, then recency 2 at FM 1.
    expect(of('Hibernating')).toEqual([
      { column: [1, 3], row: [4, 5], first: true },
      { column: [2, 3], row: [5, 6], first: false },
    ]);
  });

  it('says where the tiles of one segment meet, and nothing for a segment of one tile', () => {
    const joins = (segment: string) => tiles.filter((t) => t.segment === segment).map((t) => t.joins);
    expect(joins('Hibernating')).toEqual([['bottom'], ['top']]);
    // The first tile spans recency 1-2, the second only recency 2: one square corner, two.
    expect(tiles.filter((t) => t.segment === 'Hibernating').map((t) => t.corners)).toEqual([['bottom-right'], ['top-left', 'top-right']]);
    expect(joins('Lost')).toEqual([[]]);
    expect(joins('Champions')).toEqual([[]]);
    // Beside each other, not of one segment: Lost (recency 1) and Hibernating's second tile (recency 2).
    expect(mapTiles(grid.map((c) => (c.r === 2 && c.fm === 1 ? { ...c, rfm_segment: 'Lost' } : c))).filter((t) => t.segment === 'Lost').map((t) => t.joins)).toEqual([[]]);
  });

  it('joins the tiles of an L the other way round', () => {
    // Recency 2 at FM 2, recency 1-2 at FM 1: the short run above, the long one below.
    const sideBySide = grid.map((c) => ({ ...c, rfm_segment: (c.r === 1 && c.fm === 1) || (c.r === 2 && c.fm <= 2) ? 'Step' : `cell ${c.r}:${c.fm}` }));
    const step = mapTiles(sideBySide).filter((t) => t.segment === 'Step');
    expect(step.map(({ column, row, joins, corners }) => ({ column, row, joins, corners }))).toEqual([
      { column: [2, 3], row: [4, 5], joins: ['bottom'], corners: ['bottom-left', 'bottom-right'] },
      { column: [1, 3], row: [5, 6], joins: ['top'], corners: ['top-right'] },
    ]);
  });

  it('covers all 25 cells exactly once', () => {
    const area = tiles.reduce((n, t) => n + (t.column[1] - t.column[0]) * (t.row[1] - t.row[0]), 0);
    expect(area).toBe(25);
    expect(new Set(tiles.filter((t) => t.first).map((t) => t.segment)).size).toBe(11);
  });
});

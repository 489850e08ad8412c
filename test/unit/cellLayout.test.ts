// Pins how a section's cards share the grid in the notebook's order: tiles next to each other sized
// evenly in rows of at most four, chart cards two a row, and no chart card left alone in a half row
// (before a tile, a wide card or at the end).
import { describe, expect, it } from 'vitest';
import { placeCells, tileRows } from '../../src/lib/cellLayout';

describe('placeCells', () => {
  it('keeps the order; a tile closes a run of chart cards, the odd last chart card takes the row', () => {
    expect(placeCells(['chart', 'tile', 'chart', 'chart'])).toEqual([
      { tile: false, span: 12 },
      { tile: true, span: 12 },
      { tile: false, span: 6 },
      { tile: false, span: 6 },
    ]);
    expect(placeCells(['tile', 'tile', 'chart', 'chart', 'chart', 'tile']).map((p) => p.span)).toEqual([6, 6, 6, 6, 12, 12]);
  });

  it('closes a run of chart cards at a wide card, so none sits alone beside it', () => {
    const spans = placeCells(['chart', 'wide', 'chart', 'chart', 'chart', 'wide']).map((p) => p.span);
    expect(spans).toEqual([12, 12, 6, 6, 12, 12]);
  });

  it('keeps an even run in halves', () => {
    expect(placeCells(['wide', 'chart', 'chart']).map((p) => p.span)).toEqual([12, 6, 6]);
  });

  it('sizes tiles so every tile row is full', () => {
    expect(placeCells(['tile', 'tile', 'tile']).map((p) => p.span)).toEqual([4, 4, 4]);
    expect(placeCells(['tile', 'tile', 'tile', 'tile', 'tile']).map((p) => p.span)).toEqual([4, 4, 4, 6, 6]);
  });
});

describe('tileRows', () => {
  it('uses as few rows of at most four as it can, as even as it can', () => {
    expect(tileRows(0)).toEqual([]);
    expect(tileRows(1)).toEqual([1]);
    expect(tileRows(4)).toEqual([4]);
    expect(tileRows(5)).toEqual([3, 2]);
    expect(tileRows(7)).toEqual([4, 3]);
    expect(tileRows(9)).toEqual([3, 3, 3]);
  });
});

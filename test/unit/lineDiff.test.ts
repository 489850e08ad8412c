// The SQL diff a cell shows against its module: kept lines, removed ones and added ones in reading
// order, the smallest change (longest common subsequence), trailing spaces and line endings ignored.
import { describe, expect, test } from 'vitest';
import { diffCounts, lineDiff } from '../../src/lib/lineDiff';

const kinds = (before: string, after: string) => lineDiff(before, after).map((l) => `${l.kind === 'same' ? ' ' : l.kind === 'removed' ? '-' : '+'}${l.text}`);

describe('lineDiff', () => {
  test('equal texts are all kept', () => {
    expect(kinds('a\nb', 'a\nb')).toEqual([' a', ' b']);
    expect(kinds('a  \r\nb', 'a\nb')).toEqual([' a', ' b']);
  });

  test('a changed line is removed then added, in its place', () => {
    expect(kinds('select a\nfrom t\nwhere x', 'select a\nfrom u\nwhere x')).toEqual([' select a', '-from t', '+from u', ' where x']);
  });

  test('insertions and deletions keep the lines around them', () => {
    expect(kinds('a\nb\nc\nd', 'a\nc\nd\ne')).toEqual([' a', '-b', ' c', ' d', '+e']);
    expect(kinds('', 'x')).toEqual(['-', '+x']);
  });

  test('finds the longest common subsequence, not the first match', () => {
    // Greedy matching of the first "x" would keep one line; the LCS keeps three (b, c, d).
    expect(kinds('x\nb\nc\nd', 'b\nc\nd\nx')).toEqual(['-x', ' b', ' c', ' d', '+x']);
    expect(diffCounts(lineDiff('x\nb\nc\nd', 'b\nc\nd\nx'))).toEqual({ removed: 1, added: 1 });
  });
});

/**
 * A line diff between a module's SQL and the user's edit, for the cell's "Changes" view: the
 * longest common subsequence of lines (trailing spaces ignored), then each line kept, removed or
 * added in reading order. Module SQL is tens of lines, so the quadratic table is small; past
 * `maxCells` the middle is shown as all removed then all added rather than holding the page.
 */
export type DiffLine = { kind: 'same' | 'removed' | 'added'; text: string };

const maxCells = 4_000_000;

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.replace(/\r\n?/g, '\n').split('\n');
  const b = after.replace(/\r\n?/g, '\n').split('\n');
  const same = (x: string, y: string) => x.trimEnd() === y.trimEnd();
  // Common head and tail first: an edit touches a few lines of a long query.
  let head = 0;
  while (head < a.length && head < b.length && same(a[head], b[head])) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && same(a[a.length - 1 - tail], b[b.length - 1 - tail])) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const out: DiffLine[] = b.slice(0, head).map((text) => ({ kind: 'same', text }));
  if ((midA.length + 1) * (midB.length + 1) > maxCells) {
    out.push(...midA.map((text) => ({ kind: 'removed' as const, text })), ...midB.map((text) => ({ kind: 'added' as const, text })));
  } else out.push(...lcsDiff(midA, midB, same));
  out.push(...b.slice(b.length - tail).map((text) => ({ kind: 'same' as const, text })));
  return out;
}

function lcsDiff(a: string[], b: string[], same: (x: string, y: string) => boolean): DiffLine[] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lengths = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lengths[i][j] = same(a[i], b[j]) ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(a[i], b[j])) {
      out.push({ kind: 'same', text: b[j] });
      i++;
      j++;
    } else if (lengths[i + 1][j] >= lengths[i][j + 1]) out.push({ kind: 'removed', text: a[i++] });
    else out.push({ kind: 'added', text: b[j++] });
  }
  while (i < n) out.push({ kind: 'removed', text: a[i++] });
  while (j < m) out.push({ kind: 'added', text: b[j++] });
  return out;
}

/** How many lines were removed and added. */
export function diffCounts(lines: DiffLine[]): { removed: number; added: number } {
  return { removed: lines.filter((l) => l.kind === 'removed').length, added: lines.filter((l) => l.kind === 'added').length };
}

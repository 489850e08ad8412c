/**
 * Focus after a cell moved, was duplicated or deleted: a moved cell's DOM node is rebuilt or moved,
 * which drops the focus, so the same tool of the cell (or the neighbour's) takes it back once drawn.
 */
import { tick } from 'svelte';

export async function focusCellTool(cellId: string, tool: string) {
  await tick();
  const root = document.querySelector(`[data-cell-id="${cellId}"]`);
  if (!root) return;
  const wanted = root.querySelector<HTMLButtonElement>(`[data-tool="${tool}"]:not(:disabled)`) ?? root.querySelector<HTMLButtonElement>('[data-tool]:not(:disabled)');
  wanted?.focus();
  root.scrollIntoView({ block: 'nearest' });
}

/** Alt+Up/Down, Alt+Shift+D, Alt+Delete inside a cell: the tool they stand for. Editors keep their own keys. */
export function cellShortcut(event: KeyboardEvent): 'up' | 'down' | 'duplicate' | 'delete' | undefined {
  if (!event.altKey || event.ctrlKey || event.metaKey) return undefined;
  const target = event.target as HTMLElement | null;
  if (target?.closest('.cm-editor, textarea, input, select')) return undefined;
  if (event.key === 'ArrowUp' && !event.shiftKey) return 'up';
  if (event.key === 'ArrowDown' && !event.shiftKey) return 'down';
  if (event.code === 'KeyD' && event.shiftKey) return 'duplicate';
  if (event.key === 'Delete' || event.key === 'Backspace') return 'delete';
  return undefined;
}

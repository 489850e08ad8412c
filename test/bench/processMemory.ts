/** Resident memory of a process and all its descendants (Linux /proc), sampled for a peak. */
import { readdirSync, readFileSync } from 'node:fs';

const pageSize = 4096;

function children(): Map<number, number[]> {
  const byParent = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      byParent.set(ppid, [...(byParent.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  return byParent;
}

const command = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
};

/** Resident bytes of the processes named `name` started by `parent`, and of all their descendants. */
export function treeRssBytes(parent: number, name: string): number {
  const byParent = children();
  let total = 0;
  for (const stack = (byParent.get(parent) ?? []).filter((pid) => command(pid).startsWith(name)); stack.length; ) {
    const pid = stack.pop()!;
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * pageSize;
    } catch {
      continue;
    }
    stack.push(...(byParent.get(pid) ?? []));
  }
  return total;
}

/** Samples the tree every `everyMs` until stopped; returns the peak in bytes. */
export function watchPeak(parent: number, name: string, everyMs = 250): { stop(): number } {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, treeRssBytes(parent, name))), everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, treeRssBytes(parent, name));
    },
  };
}

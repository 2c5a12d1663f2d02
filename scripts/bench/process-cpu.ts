/** CPU seconds spent by a process tree, read from /proc (Linux): where a bench's time went. */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS = 100;

function stat(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** A process's CPU seconds, with those of its children it waited for and those still running. */
export function treeCpuSeconds(root: number): number {
  const fields = stat(root);
  if (!fields) return Number.NaN;
  // After the command: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
  let ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!pid) continue;
    const child = stat(pid);
    if (child && Number(child[1]) === root) ticks += Number(child[11]) + Number(child[12]);
  }
  return ticks / TICKS;
}

/** The pid of the process whose command line contains `needle`, or null. */
export function findProcess(needle: string): number | null {
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!pid) continue;
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle)) return pid;
    } catch {}
  }
  return null;
}

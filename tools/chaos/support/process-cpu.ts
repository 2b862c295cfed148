// CPU time of processes from /proc (Linux): where a run's CPU went — the API, or the stack's
// servers (FerretDB, PostgreSQL and its backends, Kafka). Elsewhere it reports nothing.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat: 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100;

function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** User + system CPU seconds of a process, and of its live children with `children` (PostgreSQL's backends). */
export function cpuSeconds(pid: number, { children = false } = {}): number {
  const own = (fields: string[] | null) => (fields ? (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND : 0);
  let total = own(statFields(pid));
  if (children) {
    for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      const fields = statFields(Number(entry));
      if (fields && Number(fields[1]) === pid) total += own(fields);
    }
  }
  return total;
}

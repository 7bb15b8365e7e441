// What the kernel says a process has used: CPU time (clock ticks and nanoseconds) and memory.
// Linux only (/proc); every reader returns undefined where /proc does not have the answer.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let cachedClockTicks: number | undefined;

/** Clock ticks per second (`getconf CLK_TCK`), the unit of utime/stime in /proc/<pid>/stat. */
export function clockTicksPerSecond(): number {
  if (cachedClockTicks === undefined) {
    try {
      const value = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
      cachedClockTicks = Number.isFinite(value) && value > 0 ? value : 100;
    } catch {
      cachedClockTicks = 100;
    }
  }
  return cachedClockTicks;
}

/** utime + stime of the whole process (all threads), in clock ticks, from /proc/<pid>/stat. */
export function cpuTicks(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may hold spaces: split after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 (utime) and 15 (stime) of the full line are 11 and 12 after the state field (3).
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return Number.isFinite(utime) && Number.isFinite(stime) ? utime + stime : undefined;
}

/** CPU milliseconds from a difference of `cpuTicks`. */
export function ticksToMs(ticks: number): number {
  return (ticks * 1000) / clockTicksPerSecond();
}

/**
 * Nanoseconds spent on a CPU by all live threads of the process, summed from
 * /proc/<pid>/task/<tid>/schedstat. Much finer than clock ticks, so one validation can be
 * measured on its own; undefined when the kernel has no schedstat.
 */
export function cpuNanos(pid: number): number | undefined {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return undefined;
  }
  let total = 0;
  let seen = 0;
  for (const tid of tids) {
    try {
      const runNs = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      if (Number.isFinite(runNs)) {
        total += runNs;
        seen++;
      }
    } catch {
      // The thread ended between the listing and the read; its time is lost either way.
    }
  }
  return seen > 0 ? total : undefined;
}

/** Resident set size in kB (VmRSS of /proc/<pid>/status). */
export function rssKb(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

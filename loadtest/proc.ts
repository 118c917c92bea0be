import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** One reading of a process from /proc: CPU time used so far, resident and peak resident memory. */
export type ProcSample = { atMs: number; cpuMs: number; rssMb: number; peakRssMb: number };

let ticksPerSecond: number | null = null;

function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** A process's name and the CPU time it has used so far, from the text of its /proc/<pid>/stat. */
function readStat(stat: string): { name: string; cpuMs: number } {
  // The name is in parentheses and may itself hold spaces and parentheses: the fields come after the last one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
  return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), cpuMs: (ticks * 1000) / clockTicks() };
}

/** Reads /proc/<pid>/stat and status; null when the process is gone or this is not Linux. */
export function sampleProcess(pid: number): ProcSample | null {
  try {
    const { cpuMs } = readStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { atMs: performance.now(), cpuMs, rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** CPU time so far of every process with one name (its /proc `comm`), by pid. */
export type GroupSample = { atMs: number; cpuMsByPid: Map<number, number> };

/**
 * Reads every process named `name`, e.g. `postgres` for the database server
 * and each connection's backend; empty when there is none or this is not Linux.
 */
export function sampleProcessGroup(name: string): GroupSample {
  const cpuMsByPid = new Map<number, number>();
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    // not Linux
  }
  for (const pid of pids) {
    try {
      const stat = readStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      if (stat.name === name) cpuMsByPid.set(Number(pid), stat.cpuMs);
    } catch {
      // gone since the listing
    }
  }
  return { atMs: performance.now(), cpuMsByPid };
}

/**
 * The group's CPU use between two samples, in percent of one core; null when
 * no such process ran. A process that started in between counts all its time,
 * one that ended in between none of it.
 */
export function groupCpuPercent(from: GroupSample, to: GroupSample): number | null {
  const wall = to.atMs - from.atMs;
  if (to.cpuMsByPid.size === 0 || wall <= 0) return null;
  let cpuMs = 0;
  for (const [pid, end] of to.cpuMsByPid) cpuMs += end - (from.cpuMsByPid.get(pid) ?? 0);
  return Math.round((1000 * cpuMs) / wall) / 10;
}

/** CPU use between two samples, in percent of one core. */
export function cpuPercent(from: ProcSample, to: ProcSample): number {
  const wall = to.atMs - from.atMs;
  return wall > 0 ? Math.round((1000 * (to.cpuMs - from.cpuMs)) / wall) / 10 : 0;
}

/** Busy and total jiffies of each CPU so far (/proc/stat), by CPU number. */
export type CoreSample = Map<string, { busy: number; total: number }>;

export function sampleCores(): CoreSample {
  const cores: CoreSample = new Map();
  try {
    for (const line of readFileSync('/proc/stat', 'utf8').split('\n')) {
      const match = /^cpu(\d+)\s+(.*)$/.exec(line);
      if (!match) continue;
      const [user, nice, system, idle, iowait, irq, softirq, steal] = match[2].split(/\s+/).map(Number);
      const busy = user + nice + system + irq + softirq + steal;
      cores.set(match[1], { busy, total: busy + idle + iowait });
    }
  } catch {
    // not Linux: no per-core figures
  }
  return cores;
}

/**
 * How busy each CPU was between two samples, in percent, by everything on
 * the machine: a pinned server that gets 30% of a core that is 100% busy is
 * being crowded out by other processes, and its latencies say so.
 */
export function coreBusyPercent(from: CoreSample, to: CoreSample): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [cpu, end] of to) {
    const start = from.get(cpu);
    if (!start || end.total === start.total) continue;
    result[cpu] = Math.round((1000 * (end.busy - start.busy)) / (end.total - start.total)) / 10;
  }
  return result;
}

/**
 * Node flags for a process pinned to one core, the bots' or a spawned
 * server's: garbage collection on the main thread only, in small steps
 * between tasks. V8's helper threads can only take turns with the main
 * thread on one core, and they took it in long slices:
 * - the bots, at 5,100 players (a heap near 1 GB), saw patches 250–500 ms
 *   late in one window out of three while the server's own p99 was 25 ms or
 *   less; with the flag every window stayed at 75 ms or less;
 * - the server, at 850 tables over 240 s, was stopped by major collections for
 *   up to 350 ms (a 640 ms stall; the bots saw p99 53 ms, max 683 ms); with the
 *   flag for at most 222 ms (p99 34 ms, max 251 ms).
 */
export const ONE_CORE_NODE_FLAGS = ['--single-threaded-gc'];

/**
 * Pins every thread of process `pid` to the given CPU list (`taskset -a -cp`).
 * False when taskset is missing or refuses; the caller says so in its output.
 */
export function pinProcess(pid: number, cpus: string): boolean {
  try {
    execFileSync('taskset', ['-a', '-cp', cpus, String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether `taskset` can be used here. */
export function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AbuseWindow } from './abuse-stats.ts';
import type { AbuserGroupOptions, Drain } from './abuser-group.ts';
import { cpuPercent, ONE_CORE_NODE_FLAGS, pinProcess, sampleProcess, type ProcSample } from './proc.ts';

/** One flood as the load test reports it: what the abusers did, and the CPU their process used meanwhile. */
export type AbuseReport = { window: AbuseWindow; cpuPercent: number | null };

export type AbuseProcessOptions = AbuserGroupOptions & {
  /** CPU list to pin the abusers' process to (the bots' CPUs), or null. */
  cpus: string | null;
};

const CHILD = fileURLToPath(new URL('./abuse-child.ts', import.meta.url));

/**
 * The abusers, in a process of their own (`abuse-child.ts`): their thousands
 * of messages a second are sent and answered there, so the honest bots'
 * latencies, measured in this process, do not queue behind them.
 */
export class AbuseProcess {
  readonly pid: number;
  readonly pinned: boolean;
  private readonly child: ChildProcess;
  private readonly replies = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private floodStart: ProcSample | null = null;

  private constructor(child: ChildProcess, pinned: boolean) {
    this.child = child;
    this.pid = child.pid as number;
    this.pinned = pinned;
    child.on('message', (reply: { id: number; ok: boolean; result?: unknown; error?: string }) => {
      const waiter = this.replies.get(reply.id);
      this.replies.delete(reply.id);
      if (reply.ok) waiter?.resolve(reply.result);
      else waiter?.reject(new Error(`abusers: ${reply.error}`));
    });
    child.once('exit', (code, signal) => {
      for (const waiter of this.replies.values()) waiter.reject(new Error(`the abusers' process exited (${code ?? signal})`));
      this.replies.clear();
    });
  }

  /** Starts the process, pinned to `cpus`, and opens its abusers: signed in, wallets empty, at their tables. */
  static async start(options: AbuseProcessOptions): Promise<AbuseProcess> {
    const child = fork(CHILD, [], { execArgv: [...ONE_CORE_NODE_FLAGS], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
    const pinned = options.cpus !== null && pinProcess(child.pid as number, options.cpus);
    const process = new AbuseProcess(child, pinned);
    const { cpus: _cpus, ...group } = options;
    try {
      await process.call({ cmd: 'open', options: group });
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
    return process;
  }

  /** The abusers start flooding. */
  async flood(): Promise<void> {
    this.floodStart = sampleProcess(this.pid);
    await this.call({ cmd: 'flood' });
  }

  /** The flood stops and is reported; the abusers stay at their tables, silent. */
  async pause(): Promise<AbuseReport> {
    const window = (await this.call({ cmd: 'pause' })) as AbuseWindow;
    const end = sampleProcess(this.pid);
    return { window, cpuPercent: this.floodStart && end ? cpuPercent(this.floodStart, end) : null };
  }

  /** Waits up to `ms` until the tables have answered everything the abusers sent (it waits in their queues). */
  async drain(ms: number): Promise<Drain> {
    return (await this.call({ cmd: 'drain', ms })) as Drain;
  }

  /** The abusers leave and the process ends. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.call({ cmd: 'close' }).catch(() => undefined);
    this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }

  private call(command: Record<string, unknown>): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.replies.set(id, { resolve, reject });
      this.child.send({ ...command, id });
    });
  }
}

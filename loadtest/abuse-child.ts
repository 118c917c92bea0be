// The abusers' own process (`abuse-process.ts` forks it): an `AbuserGroup`
// driven over the IPC channel, so their sending and receiving never delays
// the honest bots' event loop, whose latencies are the measurement.
import { AbuserGroup, type AbuserGroupOptions } from './abuser-group.ts';

type Command =
  | { id: number; cmd: 'open'; options: AbuserGroupOptions }
  | { id: number; cmd: 'flood' }
  | { id: number; cmd: 'pause' }
  | { id: number; cmd: 'drain'; ms: number }
  | { id: number; cmd: 'close' };

let group: AbuserGroup | null = null;

async function run(command: Command): Promise<unknown> {
  switch (command.cmd) {
    case 'open':
      group = await AbuserGroup.open(command.options);
      return { abusers: group.abusers.length };
    case 'flood':
      group?.flood();
      return null;
    case 'pause':
      if (!group) throw new Error('no abusers are open');
      return group.pause();
    case 'drain':
      if (!group) throw new Error('no abusers are open');
      return group.drain(command.ms);
    case 'close':
      await group?.close();
      group = null;
      return null;
  }
}

process.on('message', (command: Command) => {
  run(command).then(
    (result) => process.send?.({ id: command.id, ok: true, result }),
    (error: unknown) => process.send?.({ id: command.id, ok: false, error: (error as Error)?.message ?? String(error) }),
  );
});
// The parent went away: nobody will close us.
process.on('disconnect', () => process.exit(0));

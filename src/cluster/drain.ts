import type { Logger } from 'pino';
import { localTable, type TableHost } from '../tables/table-host.ts';

/**
 * The first step of handing tables over on shutdown: every table this
 * process runs stops dealing, and hands in play get up to `ms` to finish, all
 * at once. Tables still mid-hand after that move with their live hand in the
 * snapshot, and their next owner resumes it.
 */
export async function drainTables(tableIds: string[], ms: number, log: Logger): Promise<void> {
  const rooms = tableIds.map(localTable).filter((room): room is TableHost => room !== undefined);
  const finished = await Promise.all(rooms.map((room) => room.drain(ms).catch((error: unknown) => {
    log.error({ err: error, tableId: room.roomId }, 'could not drain a table; it moves as it is');
    return false;
  })));
  const midHand = rooms.filter((_, i) => !finished[i]).map((room) => room.roomId);
  log.info({ tables: rooms.length, midHand }, 'tables drained for hand-over');
}

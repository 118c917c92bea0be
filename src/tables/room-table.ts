import type { CashTable } from '../engine/cash/CashTable.ts';

/**
 * What a table's room drives: a cash table's public face, its state and
 * its players' commands. A tournament table (src/engine/tournament) has the
 * same face, refusing what a tournament decides (`tournament_table`), so one
 * room, one projection and one listing serve both.
 */
export type RoomTable = Pick<CashTable,
  | 'state' | 'hand' | 'seatOf' | 'seatedCount' | 'actorSeat' | 'chipsOnTable'
  | 'verifySit' | 'verifyTopUp' | 'reserveBuyIn' | 'reserveTopUp' | 'settleMoney'
  | 'verifyAct' | 'act' | 'showdownChoice' | 'verifySitOut' | 'sitOut' | 'verifySitIn' | 'sitIn'
  | 'leave' | 'verifyWaitlist' | 'waitlist' | 'expel' | 'setConnected'
  | 'nextDeadline' | 'tick' | 'pauseDealing' | 'resumeDealing' | 'close' | 'isClosed'>;

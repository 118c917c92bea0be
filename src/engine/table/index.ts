export type { Stakes, TableSeat, TableState } from './state.ts';
export { verifyStakes } from './stakes.ts';
export {
  MAX_TABLE_SEATS,
  canSeatPlayer,
  canSetSittingOut,
  canSetWillPost,
  canStandUp,
  createTable,
  owesBlind,
  seatPlayer,
  setSittingOut,
  setWillPost,
  standUp,
  verifySeatPlayer,
  verifySetSittingOut,
  verifySetWillPost,
  verifyStandUp,
} from './seating.ts';
export { applyPlan, planNextHand, verifyPlan, type HandPlan } from './lineup.ts';

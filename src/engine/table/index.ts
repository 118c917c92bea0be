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
export { Dealer, type SeatLeft, type StakesChange } from './Dealer.ts';
export { dealerSeat, emptyDealerState } from './dealer-state.ts';
export type { DealerEvent, DealerSeat, DealerSettings, DealerState, SeatResult } from './dealer-state.ts';
export { allInMove, applyPlayerAction, verifyPlayerAction, type AllInMove, type PlayerAction } from './player-action.ts';

export type { Stakes, TableSeat, TableState } from './state.ts';
export { verifyStakes, verifyTableGame, type TableGame } from './stakes.ts';
export { planStudHand } from './stud-lineup.ts';
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
export {
  allInMove, applyPlayerAction, publicActionName, verifyPlayerAction, type AllInMove, type BetAction, type DrawAction, type PlayerAction,
} from './player-action.ts';
export {
  ROTATION_PRESETS, enterGame, gameStakes, handsToNextGame, nextGame, rotationEntries, rotationGames,
  type RotationEntry, type RotationGame, type RotationPlace, type RotationSpec,
} from './rotation.ts';

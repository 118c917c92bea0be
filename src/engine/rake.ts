/**
 * The house's share of a pot. Rates are basis points (500 = 5%) so that the
 * arithmetic stays in integers; the cap is per hand, in chips.
 */
export type RakeRule = {
  basisPoints: number;
  cap: number;
  /** No rake when the hand ends before any board card is dealt. */
  noFlopNoDrop: boolean;
};

/**
 * The rake taken from each pot, main pot first, rounding down, until the
 * hand's cap is reached. Pots the hand never contested are not raked: the
 * caller passes only the amounts that go to a showdown or a winner.
 */
export function rakePots(amounts: readonly number[], rule: RakeRule | undefined, flopSeen: boolean): number[] {
  const rakes = new Array<number>(amounts.length).fill(0);
  if (!rule || rule.basisPoints <= 0 || (rule.noFlopNoDrop && !flopSeen)) return rakes;
  let room = rule.cap > 0 ? rule.cap : Number.POSITIVE_INFINITY;
  for (let i = 0; i < amounts.length && room > 0; i++) {
    const rake = Math.min(room, Math.floor((amounts[i] * rule.basisPoints) / 10000));
    rakes[i] = rake;
    room -= rake;
  }
  return rakes;
}

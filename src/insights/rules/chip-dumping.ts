import type { HandFlow } from '../hand-flows.ts';
import { INSIGHT_KIND, INSIGHT_SEVERITY, nameOf, roundBb, type Finding, type PlayerNames } from '../types.ts';

/** When a pair's results over the window count as a chip-dumping pattern (every condition must hold). */
export type ChipDumpingThresholds = {
  /** Hands both players were dealt into. */
  minHandsTogether: number;
  /** Net chips from the loser to the winner, in big blinds. */
  minNetBb: number;
  /** Hands in which the loser lost chips to the winner ("repeatedly"). */
  minLosingHands: number;
  /** The part of the loser's losses over the window that went to this one winner. */
  minShareOfLosses: number;
  /** The flow back (winner to loser) as a part of the flow forward: at most this, or the money goes both ways as in a normal game. */
  maxReverseShare: number;
  /** A fold to a bet or raise at least this big (big blinds) counts as a fold to a large bet. */
  largeBetBb: number;
};

export const DEFAULT_CHIP_DUMPING: ChipDumpingThresholds = {
  minHandsTogether: 10,
  minNetBb: 100,
  minLosingHands: 3,
  minShareOfLosses: 0.8,
  maxReverseShare: 0.25,
  largeBetBb: 10,
};

export type ChipDumpingInput = { hands: HandFlow[]; names: PlayerNames; thresholds?: Partial<ChipDumpingThresholds> };

type PairTally = {
  handsTogether: number;
  /** Big blinds from the first player of the key to the second, and back. */
  forward: number;
  backward: number;
  forwardHands: number;
  backwardHands: number;
  /** Each hand's flow, to name the biggest in the evidence. */
  forwardFlows: { handId: string; bb: number }[];
  backwardFlows: { handId: string; bb: number }[];
  /** Folds of the first player to the second's bets, and the other way. */
  forwardFolds: number;
  backwardFolds: number;
  forwardLargeFolds: number;
  backwardLargeFolds: number;
};

// The hands named in a finding's evidence (the biggest flows): enough to start a review without flooding the webhook.
const EVIDENCE_HANDS = 20;

/**
 * Chip dumping: player A passes chips to player B on purpose, losing to B
 * hand after hand. Per hand, each loser's loss is split among the winners in
 * proportion to what they won (the rake takes its part from every loser), so
 * the flow from A to B is what A lost that ended up with B. Over the window,
 * a pair is flagged when, in big blinds:
 *
 * - A and B were dealt into at least `minHandsTogether` hands together,
 * - A's flow to B minus B's flow to A is at least `minNetBb`,
 * - A lost to B in at least `minLosingHands` hands,
 * - at least `minShareOfLosses` of everything A lost went to B, and
 * - B's flow back to A is at most `maxReverseShare` of A's flow to B.
 *
 * Normal play fails the last two: a losing player's chips go to many winners,
 * and two players who battle win pots from each other both ways. Folds of A
 * to B's bets (and to large ones) are reported as evidence; when A folded to
 * B's large bets in at least `minLosingHands` hands the finding is critical.
 */
export function chipDumping(input: ChipDumpingInput): Finding[] {
  const limits = { ...DEFAULT_CHIP_DUMPING, ...input.thresholds };
  const pairs = new Map<string, PairTally>();
  const lossesBb = new Map<string, number>();
  const tally = (a: string, b: string): { pair: PairTally; forward: boolean } => {
    const forward = a < b;
    const key = forward ? `${a} ${b}` : `${b} ${a}`;
    let pair = pairs.get(key);
    if (!pair) {
      pair = { handsTogether: 0, forward: 0, backward: 0, forwardHands: 0, backwardHands: 0, forwardFlows: [], backwardFlows: [], forwardFolds: 0, backwardFolds: 0, forwardLargeFolds: 0, backwardLargeFolds: 0 };
      pairs.set(key, pair);
    }
    return { pair, forward };
  };

  for (const hand of input.hands) {
    const ids = hand.playerIds;
    const known = (i: number) => ids[i] !== '' && ids.indexOf(ids[i]) === i;
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) if (known(i) && known(j)) tally(ids[i], ids[j]).pair.handsTogether++;
    const totalLoss = hand.net.reduce((sum, net) => sum + Math.max(0, -net), 0);
    if (totalLoss === 0) continue;
    hand.net.forEach((net, loser) => {
      if (net >= 0 || !known(loser)) return;
      lossesBb.set(ids[loser], (lossesBb.get(ids[loser]) ?? 0) + -net / hand.bigBlind);
      hand.net.forEach((won, winner) => {
        if (won <= 0 || !known(winner)) return;
        const flowBb = (-net * won) / totalLoss / hand.bigBlind;
        const { pair, forward } = tally(ids[loser], ids[winner]);
        if (forward) {
          pair.forward += flowBb;
          pair.forwardHands++;
          pair.forwardFlows.push({ handId: hand.handId, bb: flowBb });
        } else {
          pair.backward += flowBb;
          pair.backwardHands++;
          pair.backwardFlows.push({ handId: hand.handId, bb: flowBb });
        }
      });
    });
    for (const fold of hand.folds) {
      if (!known(fold.player) || !known(fold.to)) continue;
      const { pair, forward } = tally(ids[fold.player], ids[fold.to]);
      const large = fold.facing / hand.bigBlind >= limits.largeBetBb;
      if (forward) {
        pair.forwardFolds++;
        if (large) pair.forwardLargeFolds++;
      } else {
        pair.backwardFolds++;
        if (large) pair.backwardLargeFolds++;
      }
    }
  }

  const findings: Finding[] = [];
  for (const [key, pair] of pairs) {
    const [first, second] = key.split(' ');
    const forward = pair.forward >= pair.backward;
    const from = forward ? first : second;
    const to = forward ? second : first;
    const flow = forward ? pair.forward : pair.backward;
    const back = forward ? pair.backward : pair.forward;
    const losingHands = forward ? pair.forwardHands : pair.backwardHands;
    const flows = forward ? pair.forwardFlows : pair.backwardFlows;
    const folds = forward ? pair.forwardFolds : pair.backwardFolds;
    const largeFolds = forward ? pair.forwardLargeFolds : pair.backwardLargeFolds;
    const fromLosses = lossesBb.get(from) ?? 0;
    const net = flow - back;
    const share = fromLosses > 0 ? flow / fromLosses : 0;
    if (
      pair.handsTogether < limits.minHandsTogether || net < limits.minNetBb || losingHands < limits.minLosingHands ||
      share < limits.minShareOfLosses || back > limits.maxReverseShare * flow
    ) continue;
    const fromName = nameOf(input.names, from);
    const toName = nameOf(input.names, to);
    findings.push({
      kind: INSIGHT_KIND.chipDumping,
      severity: largeFolds >= limits.minLosingHands ? INSIGHT_SEVERITY.critical : INSIGHT_SEVERITY.warning,
      subject: { fromPlayerId: from, toPlayerId: to },
      summary: `${fromName} lost ${roundBb(net)} big blinds net to ${toName} in ${losingHands} of ${pair.handsTogether} hands together; ` +
        `${Math.round(share * 100)}% of everything ${fromName} lost went to ${toName}, who lost ${roundBb(back)} big blinds back.`,
      recommendation: `Review these hands for chip dumping between ${fromName} and ${toName}; if it is deliberate, ban both and reverse the transfer.`,
      evidence: {
        fromName, toName,
        handsTogether: pair.handsTogether,
        losingHands,
        netFlowBb: roundBb(net),
        flowToBb: roundBb(flow),
        flowBackBb: roundBb(back),
        totalLossesBb: roundBb(fromLosses),
        shareOfLosses: Math.round(share * 1000) / 1000,
        foldsToBets: folds,
        foldsToLargeBets: largeFolds,
        biggestHands: [...flows].sort((a, b) => b.bb - a.bb).slice(0, EVIDENCE_HANDS).map(({ handId, bb }) => ({ handId, flowBb: roundBb(bb) })),
        thresholds: limits,
      },
      dedupeKey: `${INSIGHT_KIND.chipDumping}:${from}>${to}`,
    });
  }
  return findings;
}

import assert from 'node:assert/strict';
import { seededRandom } from '../../../src/engine/random.ts';
import { Dealer } from '../../../src/engine/table/Dealer.ts';
import { dealerSeat, emptyDealerState, type DealerSettings } from '../../../src/engine/table/dealer-state.ts';
import {
  enterGame, gameStakes, handsToNextGame, nextGame, ROTATION_PRESETS, rotationEntries, rotationGames, type RotationEntry,
} from '../../../src/engine/table/rotation.ts';

const BASE = { smallBlind: 1, bigBlind: 2, ante: 1, bringIn: 1, smallBet: 2, bigBet: 4 };
const HORSE = rotationEntries(rotationGames('HORSE')!, BASE);

function horseDealer(players: number, rotation: RotationEntry[] = HORSE, seed = 5): Dealer {
  const first = rotation[0];
  const settings: DealerSettings = {
    variant: first.variant, stakes: { ...first.stakes }, smallBet: first.smallBet, bigBet: first.bigBet, rotation,
    maxRunouts: 1, actionMs: 10_000, timeBankMs: 0, maxTimeouts: 2,
  };
  const d = new Dealer(emptyDealerState(settings, 6), seededRandom(seed));
  for (let seat = 0; seat < players; seat++) d.seat(seat, `p${seat}`, 500, dealerSeat(d.state.settings));
  return d;
}

/** Deals and plays one hand to its end by checking, calling, bringing in and standing pat; returns what was dealt. */
function playHand(d: Dealer, now: number): { variant: string; button: number; config: any } {
  d.startHand(now);
  const hand = d.hand!;
  const dealt = { variant: hand.state.config.variant, button: d.state.seating.button, config: hand.state.config };
  for (let guard = 0; guard < 500 && d.state.hand; guard++) {
    const legal = d.hand!.legalActions()!;
    const seat = d.actorSeat();
    if (legal.draw) d.act(seat, { action: 'draw', discard: [] }, now);
    else if (legal.bringIn) d.act(seat, { action: 'bringIn' }, now);
    else d.act(seat, { action: legal.check ? 'check' : 'call' }, now);
  }
  assert.equal(d.state.hand, null, 'the hand ended');
  return dealt;
}

describe('mixed-game rotations', () => {
  it('when the presets are read then HORSE and 8-game list their games in the card-room order', () => {
    assert.deepEqual(ROTATION_PRESETS.HORSE, ['FT', 'FO/8', 'FR', 'F7S', 'F7S/8']);
    assert.deepEqual(ROTATION_PRESETS['8-game'], ['F2L3D', 'FT', 'FO/8', 'FR', 'F7S', 'F7S/8', 'NT', 'PO']);
    assert.equal(rotationGames('Omaha-7'), null);
  });

  it('when stakes derive from the template then limit games get the bets, stud the ante and bring-in, no-limit the blinds alone', () => {
    assert.deepEqual(gameStakes('FT', BASE), { stakes: { smallBlind: 1, bigBlind: 2, ante: 0 }, smallBet: 2, bigBet: 4 });
    assert.deepEqual(gameStakes('F7S', BASE), { stakes: { smallBlind: 0, bigBlind: 0, ante: 1, bringIn: 1 }, smallBet: 2, bigBet: 4 });
    assert.deepEqual(gameStakes('NT', BASE), { stakes: { smallBlind: 1, bigBlind: 2, ante: 0 }, smallBet: 0, bigBet: 0 });
    assert.deepEqual(gameStakes('PO', BASE), { stakes: { smallBlind: 1, bigBlind: 2, ante: 0 }, smallBet: 0, bigBet: 0 });
  });

  it('when a game with a hand count is entered then it lasts that many hands, and an orbit lasts as many hands as players were dealt', () => {
    const rotation = rotationEntries([{ variant: 'NT', hands: 2 }, { variant: 'F7S' }], BASE);
    let place = enterGame(rotation, undefined, 4);
    assert.deepEqual(place, { index: 0, handsLeft: 1 });
    assert.equal(handsToNextGame(place), 1);
    place = enterGame(rotation, place, 4);
    assert.deepEqual(place, { index: 0, handsLeft: 0 });
    assert.equal(nextGame(rotation, place).entry.variant, 'F7S');
    place = enterGame(rotation, place, 3);
    assert.deepEqual(place, { index: 1, handsLeft: 2 }, 'an orbit of three players');
    place = enterGame(rotation, enterGame(rotation, place, 3), 3);
    assert.equal(nextGame(rotation, place).entry.variant, 'NT', 'after the last game the first comes again');
  });

  it('when a HORSE table of three plays two rotations then each game is dealt an orbit in turn at its own stakes and every chip stays on the table', () => {
    const d = horseDealer(3);
    const dealt = Array.from({ length: 30 }, (_, k) => playHand(d, k * 1_000));
    const expected = [...HORSE, ...HORSE].flatMap((game) => [game.variant, game.variant, game.variant]);
    assert.deepEqual(dealt.map((hand) => hand.variant), expected);
    for (const hand of dealt) {
      assert.deepEqual([hand.config.smallBet, hand.config.bigBet], [2, 4]);
      if (hand.variant.startsWith('F7S') || hand.variant === 'FR') {
        assert.equal(hand.config.bringIn, 1);
        assert.deepEqual(hand.config.antes, [1, 1, 1]);
        assert.deepEqual(hand.config.blindsOrStraddles, [0, 0, 0]);
      } else {
        assert.deepEqual([...hand.config.blindsOrStraddles].sort(), [0, 1, 2]);
        assert.deepEqual(hand.config.antes, [0, 0, 0]);
      }
    }
    // No rake at this table: the three stacks still hold every chip.
    assert.equal(d.state.seating.seats.reduce((sum, seat) => sum + (seat?.stack ?? 0), 0), 1_500);
  });

  it('when an 8-game table of three plays a rotation then every game is dealt an orbit in turn, the no-limit games at the blinds with no fixed bets', () => {
    const eight = rotationEntries(rotationGames('8-game')!, BASE);
    const d = horseDealer(3, eight, 9);
    const dealt = Array.from({ length: 24 }, (_, k) => playHand(d, k * 1_000));
    assert.deepEqual(dealt.map((hand) => hand.variant), ROTATION_PRESETS['8-game'].flatMap((variant) => [variant, variant, variant]));
    for (const hand of dealt.filter((h) => h.variant === 'NT' || h.variant === 'PO')) {
      assert.equal(hand.config.minBet, 2);
      assert.equal(hand.config.smallBet, undefined);
    }
    assert.equal(d.state.seating.seats.reduce((sum, seat) => sum + (seat?.stack ?? 0), 0), 1_500);
  });

  it('when a table goes from flop games to stud and back then stud leaves the button where it was and the next flop hand moves it on by one', () => {
    const d = horseDealer(3);
    const buttons = Array.from({ length: 16 }, (_, k) => playHand(d, k * 1_000)).map((hand) => hand.button);
    // FT ×3, FO/8 ×3: the button moves every hand; FR, F7S, F7S/8 ×3 each: it stays; then FT moves it on.
    const flop = buttons.slice(0, 6);
    for (let k = 1; k < 6; k++) assert.equal(flop[k], (flop[k - 1] + 1) % 3, `flop hand ${k + 1} moved the button`);
    for (const button of buttons.slice(6, 15)) assert.equal(button, flop[5], 'stud hands keep the button');
    assert.equal(buttons[15], (flop[5] + 1) % 3, 'back in hold\'em, the button moves on from the last flop hand');
  });

  it('when the rotation moves to the next game then the dealer\'s settings name the game being dealt and its stakes', () => {
    const d = horseDealer(2, rotationEntries([{ variant: 'NT', hands: 1 }, { variant: 'FR', hands: 1 }], BASE));
    playHand(d, 0);
    assert.equal(d.state.settings.variant, 'NT');
    assert.equal(handsToNextGame(d.state.rotationPlace), 0);
    playHand(d, 1_000);
    assert.equal(d.state.settings.variant, 'FR');
    assert.deepEqual(d.state.settings.stakes, { smallBlind: 0, bigBlind: 0, ante: 1, bringIn: 1 });
  });
});

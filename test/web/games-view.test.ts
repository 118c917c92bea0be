import assert from 'node:assert/strict';
import { toggleDiscard } from '../../web/src/shared/draw-choice.ts';
import { liveFeltModel } from '../../web/src/shared/felt-model.ts';
import { describeChange, phaseName } from '../../web/src/shared/table-events.ts';
import { rotationText, stakesText } from '../../web/src/shared/table-notes.ts';
import { hasTurn, readTable } from '../../web/src/shared/table-view.ts';
import { seat, table } from './views.ts';

const noScene = { contenders: new Set([0, 1]), winners: null, clock: null };

/** A decoded `TableState` as the SDK hands it over: schema collections are iterables and maps. */
function state(fields: Record<string, unknown>, seats: Record<string, unknown>[] = []) {
  return { maxSeats: 6, ...fields, seats: new Map(seats.map((s) => [String(s.seat), s])) };
}

describe('web: stud, draw and the table options as the browser reads them', () => {
  it('when the state carries the games\' fields then readTable keeps them: two boards, the rotation, bomb pot, draws and the new legal actions', () => {
    const view = readTable(state({
      variant: 'FR', boards: [{ cards: ['As', 'Kd', '7c', '2h', '3s'] }, { cards: ['As', 'Kd', '7c', '9h', 'Ts'] }],
      rotation: 'HORSE', handsToNextGame: 3, bombPot: true, runItTwiceAsk: 9_000, bombPotVotes: 2,
      options: { straddles: 'utg', bombPotVote: true, runItTwice: true },
    }, [{ seat: 1, playerId: 'p1', name: 'Ann', drew: [3, 2], straddle: true, upCards: ['Kh'], legal: { bringIn: true, bringInAmount: 5, runItTwice: false, draw: false, maxDiscards: 0 } }]));
    assert.deepEqual(view.boards, [['As', 'Kd', '7c', '2h', '3s'], ['As', 'Kd', '7c', '9h', 'Ts']]);
    assert.equal(view.rotation, 'HORSE');
    assert.equal(view.handsToNextGame, 3);
    assert.equal(view.bombPot, true);
    assert.equal(view.straddleOffered, true);
    assert.equal(view.straddles, 'utg');
    assert.equal(view.runItTwiceAsk, 9_000);
    assert.equal(view.bombPotVote, true);
    assert.equal(view.bombPotVotes, 2);
    assert.equal(readTable(state({ options: { straddles: 'none' } })).straddleOffered, false);
    assert.equal(readTable(state({})).straddleOffered, false, 'no options: no straddle');
    assert.deepEqual(view.seats[1]?.drew, [3, 2]);
    assert.equal(view.seats[1]?.legal?.bringInAmount, 5);
    assert.equal(view.seats[1]?.straddle, true);
    assert.deepEqual(view.seats[1]?.upCards, ['Kh']);
    assert.equal(view.seats[1]?.legal?.bringIn, true);
    assert.equal(hasTurn(view.seats[1]!.legal), true, 'a bring-in due is a turn');
  });

  it('when boards come as card lists or as one string each then both read as lists; a rotation of games reads as its games, named when card rooms name it', () => {
    const view = readTable(state({ boards: [['2c', '3c'], 'AsKd 7c'], rotation: ['FT', 'FO/8', 'FR'] }));
    assert.deepEqual(view.boards, [['2c', '3c'], ['As', 'Kd', '7c']]);
    assert.deepEqual(view.rotationGames, ['FT', 'FO/8', 'FR']);
    assert.equal(view.rotation, '');
    assert.equal(readTable(state({ rotation: ['FT', 'FO/8', 'FR', 'F7S', 'F7S/8'] })).rotation, 'HORSE');
    assert.equal(readTable(state({ rotation: [] })).rotation, '', 'one game: no rotation');
  });

  it('when a stud or limit table is shown then its stakes read as bets, ante and bring-in; a no-limit table as blinds', () => {
    assert.equal(stakesText(table({ variant: 'F7S', smallBlind: 0, bigBlind: 0, ante: 1, smallBet: 10, bigBet: 20, bringIn: 3 }), String), '10/20 · ante 1 · bring-in 3');
    assert.equal(stakesText(table({ variant: 'FT', smallBlind: 5, bigBlind: 10, smallBet: 10, bigBet: 20 }), String), '5/10 · limit 10/20');
    assert.equal(stakesText(table({ ante: 1 }), String), '1/2 · ante 1');
  });

  it('when a seat has not drawn (no field, or a negative count) then no draw is shown for it', () => {
    const view = readTable(state({}, [{ seat: 0, playerId: 'a', name: 'A' }, { seat: 1, playerId: 'b', name: 'B', drew: [] }]));
    assert.deepEqual(view.seats[0]?.drew, []);
    assert.deepEqual(view.seats[1]?.drew, []);
    assert.equal(liveFeltModel(table({ phase: 'draw1', seats: view.seats }), { ...noScene, playerId: null }).seats[1]?.drew, null);
  });

  it('when a watcher looks at a stud hand then each player shows two face-down cards and their up cards face up', () => {
    const view = table({ variant: 'F7S', phase: 'fourth', seats: [seat(0, 'Ann', { upCards: ['Kh', '9s'] }), seat(1, 'Bob', { upCards: ['2d', '2c'] })] });
    const model = liveFeltModel(view, { ...noScene, playerId: null });
    assert.deepEqual(model.seats[0]?.cards, ['??', '??', 'Kh', '9s']);
    assert.deepEqual(model.seats[0]?.upCards, ['Kh', '9s']);
  });

  it('when the last stud card is dealt then a watcher sees three face-down cards', () => {
    const view = table({ variant: 'FR', phase: 'seventh', seats: [seat(0, 'Ann', { upCards: ['Kh', '9s', '4c', '3d'] }), seat(1, 'Bob')] });
    assert.deepEqual(liveFeltModel(view, { ...noScene, playerId: null }).seats[0]?.cards, ['??', '??', '??', 'Kh', '9s', '4c', '3d']);
  });

  it('when a stud player looks at their own seat then they see their hole cards and their up cards', () => {
    const view = table({ variant: 'F7S', phase: 'third', seats: [seat(0, 'Ann', { cards: ['As', 'Ad'], upCards: ['Kh'] }), seat(1, 'Bob', { upCards: ['2d'] })] });
    assert.deepEqual(liveFeltModel(view, { ...noScene, playerId: 'p-Ann' }).seats[0]?.cards, ['As', 'Ad', 'Kh']);
    const allInCards = table({ variant: 'F7S', phase: 'third', seats: [seat(0, 'Ann', { cards: ['As', 'Ad', 'Kh'], upCards: ['Kh'] })] });
    assert.deepEqual(liveFeltModel(allInCards, { ...noScene, playerId: 'p-Ann' }).seats[0]?.cards, ['As', 'Ad', 'Kh'], 'an up card already among the hole cards is not drawn twice');
  });

  it('when the board runs twice then the felt draws both boards; a bomb pot is badged while it plays', () => {
    const boards = [['As', 'Kd', '7c', '2h', '3s'], ['As', 'Kd', '7c', '9h', 'Ts']];
    const model = liveFeltModel(table({ phase: 'river', boards, bombPot: true, seats: [seat(0, 'Ann'), seat(1, 'Bob')] }), { ...noScene, playerId: null });
    assert.deepEqual(model.boards, boards);
    assert.deepEqual(model.badges, ['Bomb pot']);
    const single = liveFeltModel(table({ boards: [['As']], seats: [seat(0, 'Ann')] }), { ...noScene, playerId: null });
    assert.deepEqual(single.boards, [], 'one board is drawn from `board`');
    assert.deepEqual(single.badges, []);
  });

  it('when players draw then others see the count in the log, never the cards', () => {
    const before = table({ variant: 'F2L3D', phase: 'draw1', toAct: 1, seats: [seat(0, 'Ann'), seat(1, 'Bob')] });
    const after = table({ variant: 'F2L3D', phase: 'draw1', toAct: 0, seats: [seat(0, 'Ann'), seat(1, 'Bob', { lastAction: 'draw 3', drew: [3] })] });
    assert.deepEqual(describeChange(before, after).lines, [{ kind: 'action', text: 'Bob draws 3' }]);
    const pat = table({ variant: 'F2L3D', phase: 'draw1', toAct: -1, seats: [seat(0, 'Ann', { lastAction: 'draw 0', drew: [0] }), seat(1, 'Bob')] });
    assert.deepEqual(describeChange(after, pat).lines, [{ kind: 'action', text: 'Ann stands pat' }]);
    assert.equal(liveFeltModel(after, { ...noScene, playerId: null }).seats[1]?.drew, 3);
  });

  it('when a stud street or a draw begins then the log names it; phases read as players say them', () => {
    const third = table({ variant: 'F7S', phase: 'third', toAct: -1, seats: [seat(0, 'Ann'), seat(1, 'Bob')] });
    const fourth = table({ variant: 'F7S', phase: 'fourth', toAct: -1, seats: [seat(0, 'Ann'), seat(1, 'Bob')] });
    assert.deepEqual(describeChange(third, fourth).lines, [{ kind: 'street', text: 'Fourth street' }]);
    assert.equal(phaseName('third'), 'Third street');
    assert.equal(phaseName('seventh'), 'Seventh street');
    assert.equal(phaseName('draw2'), 'Second draw');
    assert.equal(phaseName('flop'), 'Flop');
  });

  it('when a mixed-game table deals then the banner names the rotation, the game now and when the next comes', () => {
    const horse = ['FT', 'FO/8', 'FR', 'F7S', 'F7S/8'];
    assert.equal(rotationText(table()), '', 'a single-game table has no banner');
    assert.equal(rotationText(table({ variant: 'FR', rotation: 'HORSE', rotationGames: horse, handsToNextGame: 3 })),
      'HORSE: Razz now; Seven-card Stud after 3 more hands');
    assert.equal(rotationText(table({ variant: 'FR', rotation: 'HORSE', rotationGames: horse, handsToNextGame: 1 })),
      'HORSE: Razz now; Seven-card Stud after 1 more hand');
    assert.equal(rotationText(table({ variant: 'F7S/8', rotation: 'HORSE', rotationGames: horse, handsToNextGame: 0 })),
      "HORSE: Stud Hi-Lo now; Limit Hold'em from the next hand");
    assert.equal(rotationText(table({ variant: 'NT', rotationGames: ['NT', 'PO'], handsToNextGame: 5 })), "Mixed games: No-limit Hold'em now; Pot-limit Omaha after 5 more hands");
  });

  it('when cards are chosen to discard then no more than the most allowed are chosen, and a second click puts one back', () => {
    let chosen = toggleDiscard([], 'As', 2);
    chosen = toggleDiscard(chosen, 'Kd', 2);
    assert.deepEqual(toggleDiscard(chosen, '7c', 2), ['As', 'Kd']);
    assert.deepEqual(toggleDiscard(chosen, 'As', 2), ['Kd']);
  });
});

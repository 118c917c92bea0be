import assert from 'node:assert/strict';
import { TableState } from '../../schema/TableState.ts';
import { projectGame } from '../../rooms/project-game.ts';
import type { DealerSettings } from '../../src/engine/table/dealer-state.ts';

function settings(variant: string, smallBet: number, bigBet: number): DealerSettings {
  return {
    variant, stakes: { smallBlind: 10, bigBlind: 20, ante: 0 }, smallBet, bigBet,
    maxRunouts: 1, actionMs: 20_000, timeBankMs: 30_000, maxTimeouts: 3,
  };
}

describe('the wire\'s game fields (projectGame)', () => {
  it('when a fixed-limit game is dealt then the wire carries its small and big bet', () => {
    const wire = new TableState();
    projectGame(wire, settings('FT', 20, 40), undefined);
    assert.deepEqual([wire.variant, wire.smallBlind, wire.bigBlind, wire.smallBet, wire.bigBet], ['FT', 10, 20, 20, 40]);
  });

  it('when a no-limit or pot-limit game\'s settings carry bets (a tournament level) then the wire shows no bets, as for any game that is not fixed limit', () => {
    for (const variant of ['NT', 'PO']) {
      const wire = new TableState();
      projectGame(wire, settings(variant, 20, 40), undefined);
      assert.deepEqual([wire.variant, wire.smallBlind, wire.bigBlind, wire.smallBet, wire.bigBet], [variant, 10, 20, 0, 0]);
    }
  });
});

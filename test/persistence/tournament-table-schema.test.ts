import assert from 'node:assert/strict';
import { TournamentTable } from '../../src/engine/tournament/TournamentTable.ts';
import { tournamentTableRow, tournamentTableState } from '../../src/persistence/tournament-table-schema.ts';
import type { TableRecord } from '../../src/persistence/types.ts';

const RECORD: TableRecord = {
  id: 't1', templateId: null, tournamentId: 'tour1', settings: null, name: 'Sunday — table 1',
  status: 'open', ownerProcess: null, leaseUntil: null, createdAt: new Date(0),
};

function table(): TournamentTable {
  return TournamentTable.create({
    tableId: 't1', name: 'Sunday — table 1', tournamentId: 'tour1', number: 1, variant: 'NT', maxSeats: 6, level: 1,
    stakes: { smallBlind: 10, bigBlind: 20, ante: 0 }, smallBet: 0, bigBet: 0, actionMs: 1_000, timeBankMs: 0, pauseMs: 0, reconnectMs: 1_000,
  });
}

describe('persistence: tournament table snapshots and rows', () => {
  it('when a tournament table\'s state is stored and read back then its tournament part is taken as it was', () => {
    const t = table();
    t.seatPlayers([{ moveId: 'm1', playerId: 'ann', name: 'Ann', seat: 0, stack: 500 }], 0);
    const stored = JSON.parse(JSON.stringify(t.state));
    const read = tournamentTableState(stored, RECORD);
    assert.deepEqual(read, t.state);
  });

  it('when a snapshot has no tournament part or another tournament\'s then it is not a table of this tournament', () => {
    const stored = JSON.parse(JSON.stringify(table().state));
    assert.equal(tournamentTableState({ ...stored, tournament: undefined }, RECORD), null);
    assert.equal(tournamentTableState(stored, { ...RECORD, tournamentId: 'tour2' }), null);
    assert.equal(tournamentTableState({ ...stored, tournament: { ...stored.tournament, seated: [] } }, RECORD), null);
  });

  it('when a row holds the tournament\'s table options then tableSize stands for maxSeats, and a row with neither is refused', () => {
    const row = { variant: 'NT', number: 2, stakes: { smallBlind: 10, bigBlind: 20, ante: 0 }, smallBet: 0, bigBet: 0 };
    assert.equal(tournamentTableRow.parse({ ...row, tableSize: 9, level: 3, tournamentId: 'tour1' }).tableSize, 9);
    assert.equal(tournamentTableRow.parse({ ...row, maxSeats: 6 }).maxSeats, 6);
    assert.equal(tournamentTableRow.safeParse(row).success, false);
  });
});

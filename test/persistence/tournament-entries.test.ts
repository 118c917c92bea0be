import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { TournamentRecord } from '../../src/persistence/tournament-types.ts';
import { PersistenceError } from '../../src/persistence/types.ts';
import type { TournamentDefinition } from '../../src/tournaments/rules/structure.ts';
import { describeEachBackend, useFreshDatabase } from './databases.ts';
import { sitAndGo } from './tournament-definitions.ts';

const coded = (code: string) => (error: unknown) => error instanceof PersistenceError && error.code === code;

describeEachBackend('tournament entries', (backend) => {
  // Every reading of the clock is a second later, so entries are ordered by when they were made.
  let clock = Date.parse('2026-12-01T12:00:00Z');
  const db = useFreshDatabase(backend, { now: () => new Date(clock += 1000) });

  async function tournament(overrides: Partial<TournamentDefinition> = {}): Promise<TournamentRecord> {
    return db().tournaments.create({ definition: sitAndGo(overrides) });
  }

  async function player(balance = 1000): Promise<{ id: string; name: string }> {
    const guest = await db().players.createGuest(`P${randomUUID().slice(0, 6)}`, balance);
    return { id: guest.id, name: guest.name };
  }

  const wallet = (playerId: string) => db().ledger.balance('player', playerId);
  const pool = (tournamentId: string) => db().ledger.balance('tournament', tournamentId);
  const fees = (tournamentId: string) => db().ledger.balance('house', `fee:${tournamentId}`);

  async function register(t: TournamentRecord, p: { id: string; name: string }, entryNo?: number) {
    return db().entries.register({ tournamentId: t.id, playerId: p.id, name: p.name, buyIn: t.definition.buyIn, fee: t.definition.fee, ...(entryNo ? { entryNo } : {}) });
  }

  it('when a player registers then the entry is written with the buy-in in the pool and the fee with the house', async () => {
    const t = await tournament();
    const ann = await player();

    const entry = await register(t, ann);

    assert.deepEqual(
      [entry.tournamentId, entry.playerId, entry.entryNo, entry.name, entry.status, entry.buyIn, entry.fee, entry.place, entry.prize],
      [t.id, ann.id, 1, ann.name, 'registered', 100, 10, null, null],
    );
    assert.deepEqual([await wallet(ann.id), await pool(t.id), await fees(t.id)], [890, 100, 10]);
    assert.deepEqual(await db().entries.list(t.id), [entry]);
    assert.equal((await db().tournaments.get(t.id))?.entrants, 1);
    const [transfer] = await db().ledger.history('tournament', t.id, 10, 0);
    assert.equal(transfer.key, `tournament-buyin:${t.id}:${ann.id}:1`);
  });

  it('when the wallet cannot pay then registration is refused with insufficient_funds and no entry row is left', async () => {
    const t = await tournament();
    const poor = await player(105);

    await assert.rejects(register(t, poor), coded('insufficient_funds'));

    assert.deepEqual(await db().entries.list(t.id), []);
    assert.equal(await db().entries.latest(t.id, poor.id), null);
    assert.deepEqual([await wallet(poor.id), await pool(t.id), await fees(t.id)], [105, 0, 0]);
    assert.equal((await db().tournaments.get(t.id))?.entrants, 0);
  });

  it('when a player registers twice then the second is refused with already_registered and pays nothing', async () => {
    const t = await tournament();
    const ann = await player();
    await register(t, ann);

    await assert.rejects(register(t, ann), coded('already_registered'));
    await assert.rejects(register(t, ann, 1), coded('already_registered'));

    assert.equal((await db().entries.list(t.id)).length, 1);
    assert.equal(await wallet(ann.id), 890);
  });

  it('when players register at once for the last seats then exactly maxEntrants get in and the others are refused with tournament_full', async () => {
    const t = await tournament({ maxEntrants: 3, minEntrants: 2 });
    const players = await Promise.all(Array.from({ length: 6 }, () => player()));

    const results = await Promise.allSettled(players.map((p) => register(t, p)));

    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 3);
    assert.ok(results.every((r) => r.status === 'fulfilled' || coded('tournament_full')(r.reason)));
    assert.equal((await db().entries.list(t.id)).length, 3);
    assert.equal(await pool(t.id), 300);
  });

  it('when a tournament is finished or cancelled, or unknown, then registration is refused', async () => {
    const over = await tournament();
    await db().tournaments.setStatus(over.id, 'cancelled');
    const ann = await player();

    await assert.rejects(register(over, ann), coded('registration_closed'));
    await assert.rejects(register({ ...over, id: randomUUID() }, ann), coded('unknown_tournament'));
    assert.equal(await wallet(ann.id), 1000);
  });

  it('when a player unregisters then the entry is marked and buy-in and fee come back, and a new registration is the next entry', async () => {
    const t = await tournament();
    const ann = await player();
    await register(t, ann);

    const left = await db().entries.unregister(t.id, ann.id);

    assert.equal(left.status, 'unregistered');
    assert.ok(left.leftAt instanceof Date);
    assert.deepEqual([await wallet(ann.id), await pool(t.id), await fees(t.id)], [1000, 0, 0]);
    assert.equal((await db().tournaments.get(t.id))?.entrants, 0);
    await assert.rejects(db().entries.unregister(t.id, ann.id), coded('not_registered'));
    await assert.rejects(register(t, ann, 1), coded('entry_used'));
    const again = await register(t, ann);
    assert.deepEqual([again.entryNo, await wallet(ann.id)], [2, 890]);
  });

  it('when the tournament has started then unregistering is refused with registration_closed and keeps the money in the pool', async () => {
    const t = await tournament();
    const ann = await player();
    await register(t, ann);
    await db().tournaments.setStatus(t.id, 'running');

    await assert.rejects(db().entries.unregister(t.id, ann.id), coded('registration_closed'));
    assert.equal(await pool(t.id), 100);
  });

  it('when a cancelled tournament is refunded then every entry gets its buy-in, fee, rebuys and add-ons back, once', async () => {
    const t = await tournament({ rebuy: { maxCount: 2, stackAtOrBelow: 1500, chips: 1500, price: 100 } });
    const [ann, bob, cid] = await Promise.all([player(), player(), player()]);
    for (const p of [ann, bob, cid]) await register(t, p);
    await db().entries.unregister(t.id, cid.id);
    await db().tournaments.setStatus(t.id, 'running');
    await db().entries.rebuy({ tournamentId: t.id, playerId: ann.id, entryNo: 1, count: 1, price: 100 });
    await db().tournaments.setStatus(t.id, 'cancelled');

    const refunded = await db().entries.refundAll(t.id);
    const again = await db().entries.refundAll(t.id);

    assert.deepEqual(refunded.map((e) => [e.playerId, e.status]).sort(), [[ann.id, 'refunded'], [bob.id, 'refunded']].sort());
    assert.deepEqual(again, []);
    assert.deepEqual([await wallet(ann.id), await wallet(bob.id), await wallet(cid.id)], [1000, 1000, 1000]);
    assert.deepEqual([await pool(t.id), await fees(t.id)], [0, 0]);
    assert.equal((await db().entries.list(t.id)).find((e) => e.playerId === cid.id)?.status, 'unregistered');
  });

  it('when a place is paid then the prize moves and the entry holds its place and prize, exactly once', async () => {
    const t = await tournament();
    const [ann, bob] = await Promise.all([player(), player()]);
    await register(t, ann);
    await register(t, bob);
    await db().tournaments.setStatus(t.id, 'running');

    const second = await db().entries.recordPlace({ tournamentId: t.id, playerId: bob.id, entryNo: 1, place: 2, prize: 0 });
    const first = await db().entries.payPrize({ tournamentId: t.id, playerId: ann.id, entryNo: 1, place: 1, prize: 200 });
    const repeated = await db().entries.payPrize({ tournamentId: t.id, playerId: ann.id, entryNo: 1, place: 1, prize: 200 });

    assert.deepEqual([second.paid, second.entry.status, second.entry.place, second.entry.prize], [false, 'eliminated', 2, 0]);
    assert.deepEqual([first.paid, first.entry.status, first.entry.place, first.entry.prize], [true, 'finished', 1, 200]);
    assert.equal(repeated.paid, false);
    assert.deepEqual([await wallet(ann.id), await wallet(bob.id), await pool(t.id)], [1090, 890, 0]);
    const [prize] = await db().ledger.history('player', ann.id, 1, 0);
    assert.equal(prize.key, `tournament-prize:${t.id}:1`);
  });

  it('when a place is given again differently, or to a second entry, then it is refused and nothing moves', async () => {
    const t = await tournament();
    const [ann, bob, cid] = await Promise.all([player(), player(), player()]);
    for (const p of [ann, bob, cid]) await register(t, p);
    await db().entries.recordPlace({ tournamentId: t.id, playerId: cid.id, entryNo: 1, place: 3, prize: 0 });

    await assert.rejects(db().entries.recordPlace({ tournamentId: t.id, playerId: cid.id, entryNo: 1, place: 2, prize: 0 }), coded('place_conflict'));
    await assert.rejects(db().entries.recordPlace({ tournamentId: t.id, playerId: bob.id, entryNo: 1, place: 3, prize: 0 }), coded('place_taken'));
    await assert.rejects(db().entries.recordPlace({ tournamentId: t.id, playerId: bob.id, entryNo: 2, place: 2, prize: 0 }), coded('not_registered'));
    await assert.rejects(db().entries.payPrize({ tournamentId: t.id, playerId: bob.id, entryNo: 1, place: 2, prize: 0 }), coded('invalid_place'));
    await assert.rejects(db().entries.payPrize({ tournamentId: t.id, playerId: bob.id, entryNo: 1, place: 1, prize: 400 }), coded('insufficient_funds'));
    assert.deepEqual((await db().entries.list(t.id)).map((e) => e.place).sort(), [3, null, null].sort());
    assert.equal(await pool(t.id), 300);
  });

  it('when two places are paid at once for the same place then one entry gets it and the prize moves once', async () => {
    const t = await tournament();
    const [ann, bob] = await Promise.all([player(), player()]);
    await register(t, ann);
    await register(t, bob);

    const results = await Promise.allSettled([ann, bob].map((p) => db().entries.payPrize({ tournamentId: t.id, playerId: p.id, entryNo: 1, place: 1, prize: 150 })));

    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    assert.ok(results.every((r) => r.status === 'fulfilled' || coded('place_taken')(r.reason)));
    assert.equal(await pool(t.id), 50);
  });

  it('when rebuys and add-ons are bought then each is paid once by its count, and the next must be the next count', async () => {
    const t = await tournament({
      rebuy: { maxCount: 3, stackAtOrBelow: 1500, chips: 1500, price: 100 },
      breakEvery: 1, breakSeconds: 60, addOn: { atBreak: 1, chips: 2000, price: 150 },
    });
    const ann = await player();
    await register(t, ann);
    const buy = (count: number) => db().entries.rebuy({ tournamentId: t.id, playerId: ann.id, entryNo: 1, count, price: 100 });

    const first = await buy(1);
    const repeated = await buy(1);
    await assert.rejects(buy(3), coded('invalid_count'));
    const addOn = await db().entries.addOn({ tournamentId: t.id, playerId: ann.id, entryNo: 1, count: 1, price: 150 });

    assert.deepEqual([first.applied, first.entry.rebuys, first.entry.rebuyTotal], [true, 1, 100]);
    assert.equal(repeated.applied, false);
    assert.deepEqual([addOn.applied, addOn.entry.addOns, addOn.entry.addOnTotal, addOn.entry.rebuys], [true, 1, 150, 1]);
    assert.deepEqual([await wallet(ann.id), await pool(t.id)], [1000 - 110 - 100 - 150, 350]);
    const keys = (await db().ledger.history('tournament', t.id, 10, 0)).map((transfer) => transfer.key);
    assert.deepEqual(keys, [`tournament-addon:${t.id}:${ann.id}:1:1`, `tournament-rebuy:${t.id}:${ann.id}:1:1`, `tournament-buyin:${t.id}:${ann.id}:1`]);
  });

  it('when a rebuy cannot be paid then nothing changes, and a player without a registered entry cannot rebuy', async () => {
    const t = await tournament({ rebuy: { maxCount: 3, stackAtOrBelow: 1500, chips: 1500, price: 100 } });
    const ann = await player(150);
    await register(t, ann);

    await assert.rejects(db().entries.rebuy({ tournamentId: t.id, playerId: ann.id, entryNo: 1, count: 1, price: 100 }), coded('insufficient_funds'));
    await assert.rejects(db().entries.rebuy({ tournamentId: t.id, playerId: randomUUID(), entryNo: 1, count: 1, price: 100 }), coded('not_registered'));

    assert.deepEqual([(await db().entries.latest(t.id, ann.id))?.rebuys, await pool(t.id), await wallet(ann.id)], [0, 100, 40]);
  });

  it('when a tournament runs its course then its pool holds buy-ins + rebuys + add-ons - prizes - refunds', async () => {
    const t = await tournament({
      rebuy: { maxCount: 2, stackAtOrBelow: 1500, chips: 1500, price: 100 },
      breakEvery: 1, breakSeconds: 60, addOn: { atBreak: 1, chips: 2000, price: 50 },
    });
    const players = await Promise.all(Array.from({ length: 5 }, () => player()));
    for (const p of players) await register(t, p);
    await db().entries.unregister(t.id, players[4].id);
    await db().tournaments.setStatus(t.id, 'running');
    await db().entries.rebuy({ tournamentId: t.id, playerId: players[0].id, entryNo: 1, count: 1, price: 100 });
    await db().entries.rebuy({ tournamentId: t.id, playerId: players[0].id, entryNo: 1, count: 2, price: 100 });
    await db().entries.addOn({ tournamentId: t.id, playerId: players[1].id, entryNo: 1, count: 1, price: 50 });
    await db().entries.payPrize({ tournamentId: t.id, playerId: players[2].id, entryNo: 1, place: 2, prize: 150 });

    const entries = await db().entries.list(t.id);
    const inPool = entries.filter((e) => e.status !== 'unregistered').reduce((sum, e) => sum + e.buyIn + e.rebuyTotal + e.addOnTotal, 0);
    const prizes = entries.reduce((sum, e) => sum + (e.prize ?? 0), 0);
    const moved = await db().ledger.history('tournament', t.id, 100, 0);
    const signed = (reason: string) => moved.filter((m) => m.reason === reason)
      .reduce((sum, m) => sum + m.entries.filter((e) => e.kind === 'tournament').reduce((s, e) => s + e.amount, 0), 0);

    assert.equal(inPool, 4 * 100 + 200 + 50);
    assert.equal(await pool(t.id), inPool - prizes);
    assert.equal(
      await pool(t.id),
      signed('tournamentBuyIn') + signed('tournamentRebuy') + signed('tournamentAddOn') + signed('tournamentPrize') + signed('tournamentRefund'),
    );
    assert.equal(signed('tournamentRefund'), -100);
    assert.equal(await fees(t.id), 40);
  });

  it('when a player lists their tournaments then each entry comes with its tournament, newest first, a page at a time', async () => {
    const ann = await player(5000);
    const a = await tournament({ name: 'First' });
    const b = await tournament({ name: 'Second' });
    await register(a, ann);
    await register(b, ann);
    const bob = await player();
    await register(b, bob);
    await db().entries.recordPlace({ tournamentId: a.id, playerId: ann.id, entryNo: 1, place: 1, prize: 100 });

    const page = await db().entries.forPlayer(ann.id, { limit: 1, offset: 0 });
    const next = await db().entries.forPlayer(ann.id, { limit: 1, offset: 1 });

    assert.equal(page.total, 2);
    assert.deepEqual([page.items[0].tournament.name, page.items[0].tournament.entrants, page.items[0].entry.place], ['Second', 2, null]);
    assert.deepEqual([next.items[0].tournament.name, next.items[0].entry.place, next.items[0].entry.prize], ['First', 1, 100]);
    assert.deepEqual(await db().entries.forPlayer(randomUUID(), { limit: 10, offset: 0 }), { items: [], total: 0 });
  });

  it('when a freeroll is entered then the entry is written and no money moves', async () => {
    const t = await tournament({ buyIn: 0, fee: 0 });
    const ann = await player(0);

    const entry = await register(t, ann);

    assert.equal(entry.status, 'registered');
    assert.deepEqual(await db().ledger.history('tournament', t.id, 10, 0), []);
    assert.equal((await db().entries.unregister(t.id, ann.id)).status, 'unregistered');
  });
});

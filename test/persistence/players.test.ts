import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { PersistenceError } from '../../src/persistence/types.ts';
import { describeEachBackend, useFreshDatabase } from './databases.ts';

const uniqueName = (prefix: string) => `${prefix}_${randomUUID().slice(0, 8)}`;

describeEachBackend('players', (backend) => {
  const db = useFreshDatabase(backend);

  it('when a guest is created then it has no username and a wallet funded with the starting balance', async () => {
    const guest = await db().players.createGuest('Guest 17', 1500);

    assert.equal(guest.name, 'Guest 17');
    assert.equal(guest.username, null);
    assert.equal(guest.isAdmin, false);
    assert.equal(guest.bannedAt, null);
    assert.ok(guest.createdAt instanceof Date);
    assert.deepEqual(await db().players.findById(guest.id), guest);
    assert.equal(await db().ledger.balance('player', guest.id), 1500);
    const [welcome] = await db().ledger.history('player', guest.id, 10, 0);
    assert.equal(welcome.key, `welcome:${guest.id}`);
    assert.deepEqual(welcome.entries, [
      { kind: 'external', owner: 'starting-balance', amount: -1500 },
      { kind: 'player', owner: guest.id, amount: 1500 },
    ]);
  });

  it('when a guest starts with nothing then the wallet is empty and no transfer is recorded', async () => {
    const guest = await db().players.createGuest('Broke', 0);

    assert.equal(await db().ledger.balance('player', guest.id), 0);
    assert.deepEqual(await db().ledger.history('player', guest.id, 10, 0), []);
  });

  it('when a player registers then they are found by username with their password hash and funded wallet', async () => {
    const username = uniqueName('ada');
    const player = await db().players.register({ username, name: 'Ada', passwordHash: 'scrypt$hash', isAdmin: true }, 2000);

    assert.equal(player.username, username);
    assert.equal(player.isAdmin, true);
    assert.deepEqual(await db().players.findByUsername(username), { ...player, passwordHash: 'scrypt$hash' });
    assert.equal(await db().ledger.balance('player', player.id), 2000);
  });

  it('when a username is registered twice then the second gets username_taken and no second player or chips exist', async () => {
    const username = uniqueName('taken');
    const first = await db().players.register({ username, name: 'First', passwordHash: 'h1' }, 100);
    const heldBefore = await db().ledger.totalHeld();

    await assert.rejects(
      db().players.register({ username, name: 'Second', passwordHash: 'h2' }, 100),
      (error: unknown) => error instanceof PersistenceError && error.code === 'username_taken' && error.message.includes(username),
    );
    assert.deepEqual(await db().players.findByUsername(username), { ...first, passwordHash: 'h1' });
    assert.equal(await db().ledger.totalHeld(), heldBefore);
  });

  it('when looking up someone who does not exist then the answer is null', async () => {
    assert.equal(await db().players.findById(randomUUID()), null);
    assert.equal(await db().players.findById('not-a-uuid'), null);
    assert.equal(await db().players.findByUsername(uniqueName('nobody')), null);
  });

  it('when the starting balance is not a whole number of chips then no player is created', async () => {
    await assert.rejects(db().players.createGuest('Fraction', 1.5), (error: unknown) => error instanceof PersistenceError && error.code === 'invalid_balance');
  });
});

describeEachBackend('players: search', (backend) => {
  const db = useFreshDatabase(backend);

  it('when players are searched then name or username matches anywhere, any case, newest first, each with a balance', async () => {
    const tag = randomUUID().slice(0, 6);
    const guest = await db().players.createGuest(`Ann ${tag}`, 100);
    const named = await db().players.register({ username: `u_${tag}`, name: 'Zed', passwordHash: 'x' }, 250);
    await db().players.createGuest('Someone else', 10);

    const found = await db().players.search({ query: tag.toUpperCase(), limit: 10, offset: 0 });

    assert.equal(found.total, 2);
    const byName = [...found.players].sort((a, b) => a.name.localeCompare(b.name));
    assert.deepEqual(byName, [{ ...guest, balance: 100 }, { ...named, balance: 250 }]);
    assert.ok(found.players[0].createdAt >= found.players[1].createdAt, 'newest first');
  });

  it('when a search is paged then total counts every match and each page holds its share', async () => {
    const tag = randomUUID().slice(0, 6);
    for (const n of [1, 2, 3]) await db().players.createGuest(`Page${n} ${tag}`, 0);

    const first = await db().players.search({ query: tag, limit: 2, offset: 0 });
    const second = await db().players.search({ query: tag, limit: 2, offset: 2 });

    assert.equal(first.total, 3);
    assert.equal(second.total, 3);
    assert.deepEqual([first.players.length, second.players.length], [2, 1]);
    assert.deepEqual([...first.players, ...second.players].map((player) => player.name).sort(), [`Page1 ${tag}`, `Page2 ${tag}`, `Page3 ${tag}`]);
  });

  it('when the query holds % or _ then they match themselves, not anything', async () => {
    const tag = randomUUID().slice(0, 6);
    const literal = await db().players.createGuest(`50%_${tag}`, 0);
    await db().players.createGuest(`50ab${tag}`, 0);

    const found = await db().players.search({ query: `50%_${tag}`, limit: 10, offset: 0 });

    assert.deepEqual(found.players.map((player) => player.id), [literal.id]);
  });

  it('when no query is given then every player is listed and counted', async () => {
    const before = await db().players.search({ limit: 1, offset: 0 });
    const guest = await db().players.createGuest('Anyone', 0);

    const all = await db().players.search({ limit: 200, offset: 0 });

    assert.equal(all.total, before.total + 1);
    assert.equal(all.players.length, all.total);
    assert.ok(all.players.some((player) => player.id === guest.id));
  });
});

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

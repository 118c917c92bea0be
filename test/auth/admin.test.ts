import assert from 'node:assert/strict';
import { ensureAdmin } from '../../src/auth/admin.ts';
import { verifyPassword } from '../../src/auth/passwords.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';

describe('auth: ensureAdmin', () => {
  // One database for the suite: each test configures its own admin username.
  let db: Database;

  before(async () => {
    db = await openDatabase({});
  });

  after(async () => {
    await db.close();
  });

  const settings = (adminUsername: string) => ({ adminUsername, adminPassword: 'admin-password', startingBalance: 10000 });

  it('when an admin is configured and absent then it is registered as an admin with the configured password', async () => {
    const admin = await ensureAdmin(db, settings('boss'));

    const stored = await db.players.findByUsername('boss');
    assert.equal(stored?.id, admin?.id);
    assert.equal(stored?.isAdmin, true);
    assert.equal(stored?.name, 'boss');
    assert.equal(await verifyPassword('admin-password', stored?.passwordHash ?? ''), true);
    assert.equal(await db.ledger.balance('player', stored!.id), 10000);
    assert.equal((admin as Record<string, unknown>).passwordHash, undefined);
  });

  it('when it runs again then nothing changes: same account, same password, one wallet funding', async () => {
    const first = await ensureAdmin(db, settings('again'));
    const hashBefore = (await db.players.findByUsername('again'))?.passwordHash;

    const second = await ensureAdmin(db, { ...settings('again'), adminPassword: 'a-new-password' });
    const third = await ensureAdmin(db, settings('again'));

    assert.equal(second?.id, first?.id);
    assert.equal(third?.id, first?.id);
    assert.equal((await db.players.findByUsername('again'))?.passwordHash, hashBefore);
    assert.equal(await db.ledger.balance('player', first!.id), 10000);
  });

  it('when several processes run it at once then one admin exists', async () => {
    const results = await Promise.all([ensureAdmin(db, settings('racer')), ensureAdmin(db, settings('racer')), ensureAdmin(db, settings('racer'))]);

    assert.equal(new Set(results.map((admin) => admin?.id)).size, 1);
    assert.equal(await db.ledger.balance('player', results[0]!.id), 10000);
  });

  it('when no admin is configured then nothing is created', async () => {
    assert.equal(await ensureAdmin(db, { adminUsername: undefined, adminPassword: undefined, startingBalance: 10000 }), null);
    assert.equal(await ensureAdmin(db, { adminUsername: 'halfway', adminPassword: undefined, startingBalance: 10000 }), null);
    assert.equal(await db.players.findByUsername('halfway'), null);
  });

  it('when the configured username has capitals then the admin is stored lower-cased', async () => {
    await ensureAdmin(db, settings('BigBoss'));

    assert.equal((await db.players.findByUsername('bigboss'))?.isAdmin, true);
  });

  it('when the username already belongs to a player then that account is left as it is', async () => {
    const player = await db.players.register({ username: 'squatter', name: 'Squatter', passwordHash: 'scrypt$x' }, 10000);

    const warnings: unknown[] = [];

    const result = await ensureAdmin(db, settings('squatter'), { warn: (...args: unknown[]) => void warnings.push(args) });

    assert.equal(warnings.length, 1);
    assert.equal(result?.id, player.id);
    assert.equal(result?.isAdmin, false);
    assert.equal((await db.players.findByUsername('squatter'))?.passwordHash, 'scrypt$x');
  });
});

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describeEachBackend, useFreshDatabase } from './databases.ts';

describeEachBackend('players: bans', (backend) => {
  const db = useFreshDatabase(backend);

  it('when a player is banned then bannedAt is set and stored, and banning again keeps the first time', async () => {
    const guest = await db().players.createGuest('Shady', 0);

    const banned = await db().players.setBanned(guest.id, true);

    assert.ok(banned?.bannedAt instanceof Date);
    assert.deepEqual((await db().players.findById(guest.id))?.bannedAt, banned.bannedAt);
    const again = await db().players.setBanned(guest.id, true);
    assert.deepEqual(again?.bannedAt, banned.bannedAt);
  });

  it('when a banned player is unbanned then bannedAt is cleared, and unbanning again changes nothing', async () => {
    const guest = await db().players.createGuest('Forgiven', 0);
    await db().players.setBanned(guest.id, true);

    assert.equal((await db().players.setBanned(guest.id, false))?.bannedAt, null);
    assert.equal((await db().players.findById(guest.id))?.bannedAt, null);
    assert.equal((await db().players.setBanned(guest.id, false))?.bannedAt, null);
  });

  it('when the player is unknown or the id is not a uuid then the answer is null', async () => {
    assert.equal(await db().players.setBanned(randomUUID(), true), null);
    assert.equal(await db().players.setBanned('not-a-uuid', false), null);
  });
});

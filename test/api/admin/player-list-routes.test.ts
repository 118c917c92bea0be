import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describeEachBackend, useFreshDatabase } from '../../persistence/databases.ts';
import { expectProblem } from '../helpers.ts';
import { playerSession, useAdminApi } from './sessions.ts';

describeEachBackend('api: admin players', (backend) => {
  const db = useFreshDatabase(backend);
  const ctx = useAdminApi(db);

  it('when an admin searches by part of a name or username in any case then only matches come, each with its balance', async () => {
    const tag = randomUUID().slice(0, 6);
    const guest = await playerSession(ctx.api, `Ann ${tag}`);
    const registered = await ctx.api.call('POST', '/api/auth/register', { body: { username: `reg_${tag}`, password: 'password123', name: 'Reg' } });

    const answer = await ctx.api.call('GET', `/api/admin/players?q=${tag.toUpperCase()}`, { token: ctx.admin.token });

    assert.equal(answer.status, 200);
    assert.equal(answer.body.total, 2);
    assert.deepEqual(answer.body.items.map((item: any) => item.id).sort(), [guest.player.id, registered.body.user.id].sort());
    const ann = answer.body.items.find((item: any) => item.id === guest.player.id);
    assert.deepEqual(ann, {
      id: guest.player.id, name: `Ann ${tag}`, username: null, isAdmin: false, bannedAt: null,
      createdAt: guest.player.createdAt.toISOString(), balance: ctx.api.config.startingBalance,
    });
  });

  it('when players are listed a page at a time then limit, offset and total describe the whole list', async () => {
    const tag = randomUUID().slice(0, 6);
    for (const n of [1, 2, 3]) await playerSession(ctx.api, `P${n} ${tag}`);

    const first = await ctx.api.call('GET', `/api/admin/players?q=${tag}&limit=2`, { token: ctx.admin.token });
    const second = await ctx.api.call('GET', `/api/admin/players?q=${tag}&limit=2&offset=2`, { token: ctx.admin.token });
    const everyone = await ctx.api.call('GET', '/api/admin/players?limit=1', { token: ctx.admin.token });

    assert.deepEqual([first.body.limit, first.body.offset, first.body.total, first.body.items.length], [2, 0, 3, 2]);
    assert.deepEqual([second.body.limit, second.body.offset, second.body.total, second.body.items.length], [2, 2, 3, 1]);
    assert.equal(new Set([...first.body.items, ...second.body.items].map((item: any) => item.id)).size, 3);
    assert.ok(everyone.body.total >= 5, 'no query lists everybody');
  });

  it('when the page query is malformed then it is 400', async () => {
    expectProblem(await ctx.api.call('GET', '/api/admin/players?limit=500', { token: ctx.admin.token }), 400, 'invalid_request');
    expectProblem(await ctx.api.call('GET', '/api/admin/players?offset=-1', { token: ctx.admin.token }), 400, 'invalid_request');
  });

  it('when an admin reads a player then the wallet balance comes with them', async () => {
    const answer = await ctx.api.call('GET', `/api/admin/players/${ctx.player.player.id}`, { token: ctx.admin.token });

    assert.equal(answer.status, 200);
    assert.equal(answer.body.id, ctx.player.player.id);
    assert.equal(answer.body.balance, await db().ledger.balance('player', ctx.player.player.id));
  });

  it('when the player is unknown or the id malformed then it is 404', async () => {
    expectProblem(await ctx.api.call('GET', `/api/admin/players/${randomUUID()}`, { token: ctx.admin.token }), 404, 'not_found');
    expectProblem(await ctx.api.call('GET', '/api/admin/players/nobody', { token: ctx.admin.token }), 404, 'not_found');
  });

  it('when a player or nobody asks then it is 403 or 401', async () => {
    expectProblem(await ctx.api.call('GET', '/api/admin/players', { token: ctx.player.token }), 403, 'admin_only');
    expectProblem(await ctx.api.call('GET', `/api/admin/players/${ctx.player.player.id}`, { token: ctx.player.token }), 403, 'admin_only');
    expectProblem(await ctx.api.call('GET', '/api/admin/players'), 401, 'missing_token');
    expectProblem(await ctx.api.call('GET', `/api/admin/players/${ctx.player.player.id}`), 401, 'missing_token');
  });
});

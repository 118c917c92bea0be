import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describeEachBackend, useFreshDatabase } from '../../persistence/databases.ts';
import { expectProblem } from '../helpers.ts';
import { playerSession, useAdminApi } from './sessions.ts';

describeEachBackend('api: admin wallets', (backend) => {
  const db = useFreshDatabase(backend);
  const ctx = useAdminApi(db);

  const wallet = (playerId: string, body: unknown, token = ctx.admin.token) =>
    ctx.api.call('POST', `/api/admin/players/${playerId}/wallet`, { token, body });

  describe('credit and debit', () => {
    it('when an admin credits a wallet then chips come from external/admin, with the admin and reason recorded', async () => {
      const { player: target } = await playerSession(ctx.api, 'Credited');
      const totalBefore = await db().ledger.totalHeld();

      const answer = await wallet(target.id, { amount: 250, direction: 'credit', reason: 'Outage compensation' });

      assert.equal(answer.status, 201);
      assert.equal(answer.body.applied, true);
      assert.equal(answer.body.balance, ctx.api.config.startingBalance + 250);
      assert.equal(answer.body.transfer.change, 250);
      assert.equal(answer.body.transfer.reason, 'credit');
      assert.equal(answer.body.transfer.note, 'Outage compensation');
      assert.equal(answer.body.transfer.adminId, ctx.admin.player.id);
      assert.deepEqual(answer.body.transfer.entries, [
        { kind: 'external', owner: 'admin', amount: -250 },
        { kind: 'player', owner: target.id, amount: 250 },
      ]);
      assert.equal(await db().ledger.totalHeld(), totalBefore + 250, 'an admin credit is outside money');
    });

    it('when an admin debits within the balance then the wallet goes down', async () => {
      const { player: target } = await playerSession(ctx.api, 'Debited');

      const answer = await wallet(target.id, { amount: 100, direction: 'debit', reason: 'Chargeback' });

      assert.equal(answer.status, 201);
      assert.equal(answer.body.transfer.change, -100);
      assert.equal(await db().ledger.balance('player', target.id), ctx.api.config.startingBalance - 100);
    });

    it('when a debit exceeds the balance then it is 409 insufficient_funds and nothing moves', async () => {
      const { player: target } = await playerSession(ctx.api, 'Poor');

      const answer = await wallet(target.id, { amount: ctx.api.config.startingBalance + 1, direction: 'debit', reason: 'Too much' });

      assert.match(expectProblem(answer, 409, 'insufficient_funds').detail, new RegExp(`holds ${ctx.api.config.startingBalance} chips`));
      assert.equal(await db().ledger.balance('player', target.id), ctx.api.config.startingBalance);
      assert.equal(await db().ledger.historyCount('player', target.id), 1, 'only the welcome chips');
    });

    it('when a credit is retried with its key then it moves chips once and the retry answers 200 with the first transfer', async () => {
      const { player: target } = await playerSession(ctx.api, 'Retried');
      const body = { amount: 40, direction: 'credit', reason: 'Bonus', key: 'bonus-1' };

      const first = await wallet(target.id, body);
      const retry = await wallet(target.id, body);

      assert.equal(first.status, 201);
      assert.equal(retry.status, 200);
      assert.equal(retry.body.applied, false);
      assert.equal(retry.body.transfer.id, first.body.transfer.id);
      assert.equal(await db().ledger.balance('player', target.id), ctx.api.config.startingBalance + 40);
    });

    it('when a key is reused for another amount then it is 409 idempotency_key_reused; another player may use the same key', async () => {
      const { player: target } = await playerSession(ctx.api, 'Keyed');
      const { player: other } = await playerSession(ctx.api, 'Other');
      await wallet(target.id, { amount: 40, direction: 'credit', reason: 'Bonus', key: 'same' });

      expectProblem(await wallet(target.id, { amount: 41, direction: 'credit', reason: 'Bonus', key: 'same' }), 409, 'idempotency_key_reused');
      expectProblem(await wallet(target.id, { amount: 40, direction: 'debit', reason: 'Bonus', key: 'same' }), 409, 'idempotency_key_reused');
      assert.equal((await wallet(other.id, { amount: 40, direction: 'credit', reason: 'Bonus', key: 'same' })).status, 201);
    });

    it('when the body is malformed then it is 400 naming the fields', async () => {
      const answer = await wallet(ctx.player.player.id, { amount: -5, direction: 'gift', reason: '' });

      const problem = expectProblem(answer, 400, 'invalid_request');
      assert.deepEqual((problem.errors as { field: string }[]).map((error) => error.field).sort(), ['amount', 'direction', 'reason']);
      expectProblem(await wallet(ctx.player.player.id, { amount: 1.5, direction: 'credit', reason: 'x' }), 400, 'invalid_request');
    });

    it('when the player is unknown then it is 404; a player gets 403 and nobody 401', async () => {
      const body = { amount: 5, direction: 'credit', reason: 'x' };

      expectProblem(await wallet(randomUUID(), body), 404, 'not_found');
      expectProblem(await wallet(ctx.player.player.id, body, ctx.player.token), 403, 'admin_only');
      expectProblem(await ctx.api.call('POST', `/api/admin/players/${ctx.player.player.id}/wallet`, { body }), 401, 'missing_token');
      assert.equal(await db().ledger.balance('player', ctx.player.player.id), ctx.api.config.startingBalance);
    });
  });

  describe('ledger history', () => {
    it('when a wallet\'s history is paged then it comes newest first with limit, offset and total', async () => {
      const { player: target } = await playerSession(ctx.api, 'History');
      for (const amount of [1, 2, 3]) await wallet(target.id, { amount, direction: 'credit', reason: `Gift ${amount}` });

      const first = await ctx.api.call('GET', `/api/admin/players/${target.id}/ledger?limit=2`, { token: ctx.admin.token });
      const second = await ctx.api.call('GET', `/api/admin/players/${target.id}/ledger?limit=2&offset=2`, { token: ctx.admin.token });

      assert.equal(first.status, 200);
      assert.deepEqual([first.body.total, first.body.limit, first.body.offset], [4, 2, 0]);
      assert.deepEqual(first.body.items.map((item: any) => item.note), ['Gift 3', 'Gift 2']);
      assert.deepEqual(second.body.items.map((item: any) => [item.reason, item.change]), [['credit', 1], ['welcome', ctx.api.config.startingBalance]]);
      assert.equal(second.body.items[1].note, null);
    });

    it('when the player is unknown then it is 404; a bad page 400; a player 403; nobody 401', async () => {
      expectProblem(await ctx.api.call('GET', `/api/admin/players/${randomUUID()}/ledger`, { token: ctx.admin.token }), 404, 'not_found');
      expectProblem(await ctx.api.call('GET', `/api/admin/players/${ctx.player.player.id}/ledger?limit=x`, { token: ctx.admin.token }), 400, 'invalid_request');
      expectProblem(await ctx.api.call('GET', `/api/admin/players/${ctx.player.player.id}/ledger`, { token: ctx.player.token }), 403, 'admin_only');
      expectProblem(await ctx.api.call('GET', `/api/admin/players/${ctx.player.player.id}/ledger`), 401, 'missing_token');
    });
  });
});

import assert from 'node:assert/strict';
import { describeEachBackend, useFreshDatabase } from '../persistence/databases.ts';
import { playerSession, useAdminApi } from './admin/sessions.ts';
import { expectProblem, type Answer } from './helpers.ts';

const NUL = '\u0000';
// A lone surrogate: JSON can carry it, PostgreSQL's jsonb refuses it.
const LONE_SURROGATE = '\ud800';

/** A 400 `invalid_request` whose `errors` name `field`: the check, not the database, refused the request. */
function expectRefused(answer: Answer, field: string): void {
  const problem = expectProblem(answer, 400, 'invalid_request');
  const errors = problem.errors as { field: string; message: string }[];
  assert.ok(errors.some((error) => error.field === field), `errors name ${field}: ${JSON.stringify(errors)}`);
  assert.ok(problem.detail.toLowerCase().includes(field.toLowerCase()), `the detail names ${field}: ${problem.detail}`);
}

describeEachBackend('api: text PostgreSQL cannot store', (backend) => {
  const db = useFreshDatabase(backend);
  const ctx = useAdminApi(db);

  const template = {
    name: 'Safe', variant: 'NT', smallBlind: 1, bigBlind: 2, minBuyIn: 40, maxBuyIn: 200, maxSeats: 6,
  };

  describe('sign-in', () => {
    it('when a login username holds a NUL then it is 400 naming username, not a 500', async () => {
      const answer = await ctx.api.call('POST', '/api/auth/login', { body: { username: `ab${NUL}c`, password: 'whatever1' } });

      expectRefused(answer, 'username');
    });

    it('when a login password holds a NUL then it is 400 naming password', async () => {
      const answer = await ctx.api.call('POST', '/api/auth/login', { body: { username: 'someone', password: `pass${NUL}word` } });

      expectRefused(answer, 'password');
    });

    it('when a register name holds a lone surrogate then it is 400 naming name', async () => {
      const answer = await ctx.api.call('POST', '/api/auth/register', { body: { username: 'surrogate_1', password: 'long enough', name: `Ann${LONE_SURROGATE}` } });

      expectRefused(answer, 'name');
    });

    it('when a JSON key holds a NUL then it is 400 naming that key', async () => {
      const answer = await ctx.api.call('POST', '/api/auth/guest', { body: { [`na${NUL}me`]: 'Pat' } });

      expectRefused(answer, 'na\\u0000me');
    });
  });

  describe('query strings', () => {
    for (const path of ['/api/admin/players?q=a%00b', '/api/admin/hands?tableId=%00', '/api/admin/hands?playerId=p%00', '/api/admin/analytics/hourly?templateId=%00', '/api/admin/jobs/runs?jobName=%00']) {
      it(`when ${path} is asked then it is 400 naming the parameter`, async () => {
        const parameter = /[?&](\w+)=[^&]*%00/.exec(path)?.[1];

        const answer = await ctx.api.call('GET', path, { token: ctx.admin.token });

        expectRefused(answer, `query.${parameter}`);
      });
    }

    it('when a player asks for their hands at ?tableId= with a NUL then it is 400 naming query.tableId', async () => {
      const answer = await ctx.api.call('GET', '/api/me/hands?tableId=t%00', { token: ctx.player.token });

      expectRefused(answer, 'query.tableId');
    });

    it('when the insight feed\'s ?token= holds a NUL then it is 401 bad_token, as any bad token', async () => {
      const answer = await ctx.api.call('GET', '/api/admin/insights/feed?token=a%00b');

      expectProblem(answer, 401, 'bad_token');
    });

    it('when ?q= holds a lone surrogate (%ED%A0%80 is not UTF-8) then it is refused, not a 500', async () => {
      const answer = await ctx.api.call('GET', '/api/admin/players?q=%ED%A0%80', { token: ctx.admin.token });

      assert.notEqual(answer.status, 500, JSON.stringify(answer.body));
    });
  });

  describe('path ids', () => {
    for (const [path, parameter] of [
      ['/api/admin/players/p%00', 'playerId'],
      ['/api/admin/players/p%00/ledger', 'playerId'],
      ['/api/admin/hands/h%00', 'handId'],
      ['/api/admin/hands/h%00/phh', 'handId'],
      ['/api/admin/templates/t%00', 'templateId'],
      ['/api/admin/insights/i%00', 'insightId'],
    ]) {
      it(`when an admin reads ${path} then it is 400 naming path.${parameter}`, async () => {
        const answer = await ctx.api.call('GET', path, { token: ctx.admin.token });

        expectRefused(answer, `path.${parameter}`);
      });
    }

    it('when a player reads /api/me/hands/<id with a NUL> then it is 400 naming path.handId', async () => {
      const answer = await ctx.api.call('GET', '/api/me/hands/h%00', { token: ctx.player.token });

      expectRefused(answer, 'path.handId');
    });

    it('when an admin bans /players/<id with a NUL> then it is 400 naming path.playerId', async () => {
      const answer = await ctx.api.call('POST', '/api/admin/players/p%00/ban', { token: ctx.admin.token });

      expectRefused(answer, 'path.playerId');
    });
  });

  describe('bodies', () => {
    it('when a wallet reason holds a NUL then it is 400 naming reason and nothing moves', async () => {
      const { player } = await playerSession(ctx.api, 'Nul');

      const answer = await ctx.api.call('POST', `/api/admin/players/${player.id}/wallet`, {
        token: ctx.admin.token, body: { amount: 10, direction: 'credit', reason: `goodwill${NUL}` },
      });

      expectRefused(answer, 'reason');
      assert.equal(await db().ledger.balance('player', player.id), ctx.api.config.startingBalance);
    });

    it('when a wallet reason holds a lone surrogate then it is 400 naming reason and nothing moves', async () => {
      const { player } = await playerSession(ctx.api, 'Surrogate');

      const answer = await ctx.api.call('POST', `/api/admin/players/${player.id}/wallet`, {
        token: ctx.admin.token, body: { amount: 10, direction: 'credit', reason: `goodwill ${LONE_SURROGATE}` },
      });

      expectRefused(answer, 'reason');
      assert.equal(await db().ledger.balance('player', player.id), ctx.api.config.startingBalance);
    });

    it('when a wallet key holds a NUL then it is 400 naming key', async () => {
      const { player } = await playerSession(ctx.api, 'Keyed');

      const answer = await ctx.api.call('POST', `/api/admin/players/${player.id}/wallet`, {
        token: ctx.admin.token, body: { amount: 10, direction: 'credit', reason: 'goodwill', key: `k${NUL}` },
      });

      expectRefused(answer, 'key');
    });

    it('when a new template\'s name holds a NUL then it is 400 naming name and no template is made', async () => {
      const before = (await db().templates.list(true)).length;

      const answer = await ctx.api.call('POST', '/api/admin/templates', { token: ctx.admin.token, body: { ...template, name: `Bad${NUL}name` } });

      expectRefused(answer, 'name');
      assert.equal((await db().templates.list(true)).length, before);
    });

    it('when a template update\'s name holds a NUL then it is 400 naming name and the template keeps its name', async () => {
      const created = await ctx.api.call('POST', '/api/admin/templates', { token: ctx.admin.token, body: template });
      assert.equal(created.status, 201, JSON.stringify(created.body));

      const answer = await ctx.api.call('PATCH', `/api/admin/templates/${created.body.id}`, { token: ctx.admin.token, body: { name: `Bad${NUL}` } });

      expectRefused(answer, 'name');
      assert.equal((await db().templates.get(created.body.id))?.name, 'Safe');
    });

    it('when a string deep in an array holds a NUL then the field names its place', async () => {
      const answer = await ctx.api.call('POST', '/api/auth/guest', { body: { name: 'Pat', extra: [{ deep: ['fine', `no${NUL}`] }] } });

      expectRefused(answer, 'extra.0.deep.1');
    });
  });

  it('when text is ordinary (accents, emoji, CJK) then it is accepted as before', async () => {
    const { player } = await playerSession(ctx.api, 'Zoë 🂡 李');

    const answer = await ctx.api.call('POST', `/api/admin/players/${player.id}/wallet`, {
      token: ctx.admin.token, body: { amount: 10, direction: 'credit', reason: 'für den Ausfall 🙏 补偿' },
    });

    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    assert.equal(answer.body.transfer.note, 'für den Ausfall 🙏 补偿');
    assert.equal(player.name, 'Zoë 🂡 李');
  });
});

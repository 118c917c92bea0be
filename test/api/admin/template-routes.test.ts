import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describeEachBackend, useFreshDatabase } from '../../persistence/databases.ts';
import { expectProblem } from '../helpers.ts';
import { useAdminApi } from './sessions.ts';

/** A valid no-limit template body with only the required fields. */
const nlhe = (name = 'NL 1/2') => ({ name, variant: 'NT', smallBlind: 1, bigBlind: 2, minBuyIn: 40, maxBuyIn: 200, maxSeats: 6 });

describeEachBackend('api: admin templates', (backend) => {
  const db = useFreshDatabase(backend);
  const ctx = useAdminApi(db);

  async function create(body: Record<string, unknown> = nlhe()): Promise<any> {
    const answer = await ctx.api.call('POST', '/api/admin/templates', { token: ctx.admin.token, body });
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    return answer.body;
  }

  describe('create', () => {
    it('when an admin creates a template with the required fields then it is stored with the seeded defaults', async () => {
      const created = await create(nlhe('Fresh table'));

      assert.equal(created.name, 'Fresh table');
      assert.equal(created.ante, 0);
      assert.equal(created.actionSeconds, 20);
      assert.equal(created.minTables, 0);
      assert.equal(created.retiredAt, null);
      assert.deepEqual({ ...(await db().templates.get(created.id)), retiredAt: null }, { ...created, retiredAt: null });
    });

    it('when a fixed-limit template has the standard bets then it is created', async () => {
      const created = await create({ ...nlhe('Limit 2/4'), variant: 'FT', smallBet: 2, bigBet: 4 });

      assert.equal(created.bigBet, 4);
    });

    it('when nobody signs in then it is 401, and a player is refused with 403', async () => {
      expectProblem(await ctx.api.call('POST', '/api/admin/templates', { body: nlhe() }), 401, 'missing_token');
      expectProblem(await ctx.api.call('POST', '/api/admin/templates', { token: ctx.player.token, body: nlhe() }), 403, 'admin_only');
    });

    it('when a field has the wrong type or is unknown then it is 400 naming each field', async () => {
      const answer = await ctx.api.call('POST', '/api/admin/templates', { token: ctx.admin.token, body: { ...nlhe(), bigBlind: '2', bigblind: 2 } });

      const problem = expectProblem(answer, 400, 'invalid_request');
      const fields = (problem.errors as { field: string }[]).map((error) => error.field);
      assert.ok(fields.includes('bigBlind'), JSON.stringify(problem.errors));
      assert.ok(fields.some((field) => field === 'body' || field === ''), JSON.stringify(problem.errors));
    });

    it('when the template breaks rules then it is 422 listing each, and nothing is stored', async () => {
      const before = (await db().templates.list(true)).length;
      const answer = await ctx.api.call('POST', '/api/admin/templates', { token: ctx.admin.token, body: { ...nlhe(), variant: 'XX', minBuyIn: 500 } });

      const problem = expectProblem(answer, 422, 'unprocessable');
      assert.deepEqual((problem.errors as { field: string }[]).map((error) => error.field), ['variant', 'maxBuyIn']);
      assert.equal((await db().templates.list(true)).length, before);
    });

    it('when a stud template has an ante and a bring-in and no blinds then it is created with its bring-in', async () => {
      const created = await create({ ...nlhe('Stud 2/4'), variant: 'F7S', smallBlind: 0, bigBlind: 0, ante: 1, bringIn: 1, smallBet: 2, bigBet: 4 });

      assert.equal(created.bringIn, 1);
      assert.equal((await db().templates.get(created.id))?.bringIn, 1);
    });

    it('when a HORSE template leaves its variant out then it is created with the rotation\'s first game', async () => {
      const { variant: _variant, ...body } = nlhe('HORSE 2/4');
      const created = await create({ ...body, rotation: 'HORSE', ante: 1, bringIn: 1, smallBet: 2, bigBet: 4 });

      assert.equal(created.variant, 'FT');
      assert.equal(created.rotation, 'HORSE');
      assert.deepEqual((await db().templates.get(created.id))?.rotation, 'HORSE');
    });

    it('when a rotation is unknown or its games lack their stakes then it is 422 naming each field with its code', async () => {
      const unknown = await ctx.api.call('POST', '/api/admin/templates', { token: ctx.admin.token, body: { ...nlhe(), rotation: 'HOSE' } });
      const [refusal] = expectProblem(unknown, 422, 'unprocessable').errors as { field: string; code: string; message: string }[];
      assert.deepEqual([refusal.field, refusal.code], ['rotation', 'unknown_rotation']);
      assert.match(refusal.message, /HORSE, 8-game/);
      const games = [{ variant: 'NT', hands: 4 }, { variant: 'F7S', hands: 4 }];
      const answer = await ctx.api.call('POST', '/api/admin/templates', { token: ctx.admin.token, body: { ...nlhe(), rotation: games } });
      const errors = expectProblem(answer, 422, 'unprocessable').errors as { field: string; code: string }[];
      assert.deepEqual(errors.map((error) => `${error.field}:${error.code}`), ['smallBet:bad_small_bet', 'bringIn:bad_bring_in']);
    });

    it('when a rotation is not a name or a list of games then it is 400', async () => {
      const answer = await ctx.api.call('POST', '/api/admin/templates', { token: ctx.admin.token, body: { ...nlhe(), rotation: [{ game: 'NT' }] } });

      expectProblem(answer, 400, 'invalid_request');
    });

    it('when a template turns table options on then they are stored and answered, and others read back off', async () => {
      const created = await create({ ...nlhe('Options'), runItTwice: true, straddles: 'utg', bombPotVote: true, bombPotAnte: 4 });

      assert.deepEqual(
        [created.runItTwice, created.straddles, created.bombPotVote, created.bombPotAnte, created.bombPotEvery, created.sharedWaitlist],
        [true, 'utg', true, 4, 0, false],
      );
      assert.equal((await db().templates.get(created.id))?.straddles, 'utg');
    });

    it('when a table option breaks its rules then it is 422 naming the option, and a wrong kind of value is 400', async () => {
      const answer = await ctx.api.call('POST', '/api/admin/templates', { token: ctx.admin.token, body: { ...nlhe(), bombPotEvery: 10 } });
      assert.deepEqual((expectProblem(answer, 422, 'unprocessable').errors as { field: string }[]).map((error) => error.field), ['bombPotAnte']);
      const wrong = await ctx.api.call('POST', '/api/admin/templates', { token: ctx.admin.token, body: { ...nlhe(), straddles: 'button' } });
      assert.ok((expectProblem(wrong, 400, 'invalid_request').errors as { field: string }[]).some((error) => error.field === 'straddles'));
    });

    it('when a no-limit template sets fixed bets then it is 422', async () => {
      const answer = await ctx.api.call('POST', '/api/admin/templates', { token: ctx.admin.token, body: { ...nlhe(), smallBet: 2, bigBet: 4 } });

      assert.match(expectProblem(answer, 422, 'unprocessable').detail, /no fixed bets/);
    });
  });

  describe('list and read', () => {
    it('when templates are listed in pages then limit, offset and total describe the whole list', async () => {
      const total = (await ctx.api.call('GET', '/api/admin/templates?limit=1', { token: ctx.admin.token })).body.total;
      const made = [await create(nlhe('Page 1')), await create(nlhe('Page 2')), await create(nlhe('Page 3'))];

      const answer = await ctx.api.call('GET', `/api/admin/templates?limit=2&offset=${total + 1}`, { token: ctx.admin.token });

      assert.equal(answer.status, 200);
      assert.equal(answer.body.total, total + 3);
      assert.equal(answer.body.limit, 2);
      assert.equal(answer.body.offset, total + 1);
      assert.deepEqual(answer.body.items.map((item: any) => item.id), [made[1].id, made[2].id]);
    });

    it('when a template is retired then the list leaves it out unless includeRetired=true', async () => {
      const retired = await create(nlhe('Gone soon'));
      await ctx.api.call('POST', `/api/admin/templates/${retired.id}/retire`, { token: ctx.admin.token });

      const active = await ctx.api.call('GET', '/api/admin/templates?limit=200', { token: ctx.admin.token });
      const all = await ctx.api.call('GET', '/api/admin/templates?limit=200&includeRetired=true', { token: ctx.admin.token });

      assert.ok(!active.body.items.some((item: any) => item.id === retired.id));
      assert.ok(all.body.items.some((item: any) => item.id === retired.id));
      assert.equal(all.body.total, active.body.total + (all.body.items.filter((item: any) => item.retiredAt).length));
    });

    it('when the page query is malformed then it is 400', async () => {
      expectProblem(await ctx.api.call('GET', '/api/admin/templates?limit=0', { token: ctx.admin.token }), 400, 'invalid_request');
      expectProblem(await ctx.api.call('GET', '/api/admin/templates?includeRetired=maybe', { token: ctx.admin.token }), 400, 'invalid_request');
    });

    it('when a template is read then it is answered; an unknown or malformed id is 404', async () => {
      const created = await create(nlhe('Read me'));

      assert.deepEqual((await ctx.api.call('GET', `/api/admin/templates/${created.id}`, { token: ctx.admin.token })).body, created);
      expectProblem(await ctx.api.call('GET', `/api/admin/templates/${randomUUID()}`, { token: ctx.admin.token }), 404, 'not_found');
      expectProblem(await ctx.api.call('GET', '/api/admin/templates/not-a-uuid', { token: ctx.admin.token }), 404, 'not_found');
    });

    it('when a player lists or reads templates then it is 403, and without a token 401', async () => {
      const created = await create();

      expectProblem(await ctx.api.call('GET', '/api/admin/templates', { token: ctx.player.token }), 403, 'admin_only');
      expectProblem(await ctx.api.call('GET', `/api/admin/templates/${created.id}`), 401, 'missing_token');
    });
  });

  describe('update', () => {
    it('when some fields are patched then only they change', async () => {
      const created = await create(nlhe('Before'));

      const answer = await ctx.api.call('PATCH', `/api/admin/templates/${created.id}`, { token: ctx.admin.token, body: { name: 'After', maxBuyIn: 300 } });

      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body, { ...created, name: 'After', maxBuyIn: 300 });
      assert.equal((await db().templates.get(created.id))?.maxBuyIn, 300);
    });

    it('when a patch breaks a rule together with the stored fields then it is 422 and nothing changes', async () => {
      const created = await create(nlhe('Guarded'));

      const answer = await ctx.api.call('PATCH', `/api/admin/templates/${created.id}`, { token: ctx.admin.token, body: { minBuyIn: 250 } });

      expectProblem(answer, 422, 'unprocessable');
      assert.equal((await db().templates.get(created.id))?.minBuyIn, 40);
    });

    it('when a patch is empty or mistyped then it is 400', async () => {
      const created = await create();

      expectProblem(await ctx.api.call('PATCH', `/api/admin/templates/${created.id}`, { token: ctx.admin.token, body: {} }), 400, 'invalid_request');
      expectProblem(await ctx.api.call('PATCH', `/api/admin/templates/${created.id}`, { token: ctx.admin.token, body: { maxSeats: 6.5 } }), 400, 'invalid_request');
    });

    it('when the template is unknown then it is 404; when retired, 409 template_retired', async () => {
      const created = await create();
      await ctx.api.call('POST', `/api/admin/templates/${created.id}/retire`, { token: ctx.admin.token });

      expectProblem(await ctx.api.call('PATCH', `/api/admin/templates/${randomUUID()}`, { token: ctx.admin.token, body: { name: 'x' } }), 404, 'not_found');
      expectProblem(await ctx.api.call('PATCH', `/api/admin/templates/${created.id}`, { token: ctx.admin.token, body: { name: 'x' } }), 409, 'template_retired');
    });

    it('when a player patches then it is 403, and without a token 401', async () => {
      const created = await create();

      expectProblem(await ctx.api.call('PATCH', `/api/admin/templates/${created.id}`, { token: ctx.player.token, body: { name: 'x' } }), 403, 'admin_only');
      expectProblem(await ctx.api.call('PATCH', `/api/admin/templates/${created.id}`, { body: { name: 'x' } }), 401, 'missing_token');
    });
  });

  describe('retire', () => {
    it('when a template is retired twice then it keeps the first retirement date', async () => {
      const created = await create();

      const first = await ctx.api.call('POST', `/api/admin/templates/${created.id}/retire`, { token: ctx.admin.token });
      const second = await ctx.api.call('POST', `/api/admin/templates/${created.id}/retire`, { token: ctx.admin.token });

      assert.equal(first.status, 200);
      assert.ok(Date.parse(first.body.retiredAt) > 0);
      assert.equal(second.body.retiredAt, first.body.retiredAt);
      assert.equal((await db().templates.list()).some((template) => template.id === created.id), false);
    });

    it('when an unknown template is retired then it is 404; a player gets 403 and nobody 401', async () => {
      const created = await create();

      expectProblem(await ctx.api.call('POST', `/api/admin/templates/${randomUUID()}/retire`, { token: ctx.admin.token }), 404, 'not_found');
      expectProblem(await ctx.api.call('POST', `/api/admin/templates/${created.id}/retire`, { token: ctx.player.token }), 403, 'admin_only');
      expectProblem(await ctx.api.call('POST', `/api/admin/templates/${created.id}/retire`), 401, 'missing_token');
      assert.equal((await db().templates.get(created.id))?.retiredAt, null);
    });
  });
});

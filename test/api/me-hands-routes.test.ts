import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Hand } from '../../src/engine/hand/Hand.ts';
import type { HandRecordInput } from '../../src/persistence/types.ts';
import { STATS_HAND_LIMIT } from '../../src/stats/load-player-stats.ts';
import { describeEachBackend, useFreshDatabase } from '../persistence/databases.ts';
import { limpedPot, omahaCheckDown, raisedPot } from '../stats/hands.ts';
import { expectProblem, startApi, type TestApi } from './helpers.ts';

type Guest = { token: string; id: string };

describeEachBackend('api: my hands and statistics', (backend) => {
  const db = useFreshDatabase(backend);
  let api: TestApi;
  let day = 0;

  before(async () => {
    api = await startApi({ db: db() });
  });

  after(async () => {
    await api.close();
  });

  async function guest(name: string): Promise<Guest> {
    const answer = await api.call('POST', '/api/auth/guest', { body: { name } });
    return { token: answer.body.token, id: answer.body.user.id };
  }

  /**
   * Four stored hands on a day of their own, one a minute. Ann plays three:
   * the big blind (index 1) in a raised pot she calls down and loses to Bob's
   * shown aces, and in a limped pot; the big blind (index 0) in an Omaha pot
   * she wins against Bob. The fourth is Bob's and Cat's without her.
   */
  async function arrange() {
    const [ann, bob, cat] = [await guest('Ann'), await guest('Bob'), await guest('Cat')];
    const [red, blue] = [randomUUID(), randomUUID()];
    const start = Date.UTC(2026, 0, 1) + ++day * 86_400_000;
    const store = async (hand: Hand, tableId: string, playerIds: string[], minute: number): Promise<HandRecordInput> => {
      const record: HandRecordInput = {
        id: randomUUID(), tableId, handNumber: minute, variant: hand.state.config.variant,
        startedAt: new Date(start + minute * 60_000 - 30_000), endedAt: new Date(start + minute * 60_000),
        playerIds, state: hand.state, rake: 0,
      };
      await db().completion.complete({ hand: record, snapshot: { tableId, version: minute, state: {} } });
      return record;
    };
    const raised = await store(raisedPot(), red, [cat.id, ann.id, bob.id], 1);
    const limped = await store(limpedPot(), blue, [cat.id, ann.id, bob.id], 2);
    const omaha = await store(omahaCheckDown(), red, [ann.id, bob.id], 3);
    const without = await store(raisedPot(), blue, [bob.id, cat.id, randomUUID()], 4);
    return { ann, bob, cat, red, blue, raised, limped, omaha, without };
  }

  const ids = (body: any): string[] => body.items.map((item: any) => item.handId);

  it('when a player lists their hands then they come newest first with their own cards and only shown cards of others', async () => {
    const { ann, bob, cat, raised, limped, omaha } = await arrange();

    const answer = await api.call('GET', '/api/me/hands', { token: ann.token });

    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    assert.deepEqual(ids(answer.body), [omaha.id, limped.id, raised.id]);
    assert.deepEqual([answer.body.total, answer.body.limit, answer.body.offset], [3, 50, 0]);
    const [omahaView, , raisedView] = answer.body.items;
    assert.deepEqual(omahaView.holeCards, ['As', 'Ad', 'Ks', 'Kd']);
    assert.deepEqual(omahaView.players.map((p: any) => [p.playerId, p.cards, p.net]), [
      [ann.id, ['As', 'Ad', 'Ks', 'Kd'], 2],
      [bob.id, ['??', '??', '??', '??'], -2],
    ], 'checked down: Ann showed first, and Bob, beaten, mucked');
    assert.deepEqual(raisedView.holeCards, ['Ks', 'Kd']);
    assert.equal(raisedView.net, -76);
    assert.deepEqual(raisedView.players.map((p: any) => [p.playerId, p.cards, p.shown]), [
      [cat.id, ['??', '??'], false],
      [ann.id, ['Ks', 'Kd'], false],
      [bob.id, ['As', 'Ad'], true],
    ]);
    assert.equal(raisedView.actions, undefined, 'the list is summaries');

    const bobsView = (await api.call('GET', '/api/me/hands', { token: bob.token })).body.items.find((item: any) => item.handId === raised.id);
    assert.deepEqual(bobsView.players[1].cards, ['??', '??'], 'Ann mucked her kings: Bob never sees them');
    assert.ok(!JSON.stringify(bobsView).includes('"Ks"'));
  });

  it('when a player filters and pages their hands then only the matching page comes, with the total of all matches', async () => {
    const { ann, red, limped, raised, omaha } = await arrange();
    const list = async (query: string) => (await api.call('GET', `/api/me/hands?${query}`, { token: ann.token })).body;

    assert.deepEqual(ids(await list('variant=PO')), [omaha.id]);
    assert.deepEqual(ids(await list(`tableId=${red}`)), [omaha.id, raised.id]);
    assert.deepEqual(ids(await list(`tableId=${red}&variant=NT`)), [raised.id]);
    assert.deepEqual(ids(await list(`from=${limped.endedAt.toISOString()}`)), [omaha.id, limped.id]);
    assert.deepEqual(ids(await list(`to=${omaha.endedAt.toISOString()}`)), [limped.id, raised.id]);
    const second = await list('limit=1&offset=1');
    assert.deepEqual([ids(second), second.total, second.limit, second.offset], [[limped.id], 3, 1, 1]);
    assert.deepEqual(await list('variant=FT'), { items: [], limit: 50, offset: 0, total: 0 });
  });

  it('when a player asks for one of their hands then it comes with its actions, redacted for them', async () => {
    const { ann, cat, raised } = await arrange();

    const answer = await api.call('GET', `/api/me/hands/${raised.id}`, { token: cat.token });

    assert.equal(answer.status, 200);
    assert.equal(answer.body.handId, raised.id);
    assert.deepEqual(answer.body.holeCards, ['7c', '2d']);
    assert.equal(answer.body.net, -1);
    const dealt = answer.body.actions.filter((action: any) => action.type === 'dealHole').map((action: any) => action.cards);
    assert.deepEqual(dealt, [['7c', '2d'], ['??', '??'], ['??', '??']]);
    assert.deepEqual(answer.body.actions.filter((action: any) => action.type === 'show'), [{ type: 'show', seat: 2, cards: ['As', 'Ad'] }]);
    assert.ok(!JSON.stringify(answer.body).includes('"Kd"'), `Ann's mucked kings stay hidden (${ann.id})`);
  });

  it('when a player asks for a hand they did not play, or an unknown one, then both answers are the same 404', async () => {
    const { ann, without } = await arrange();

    const notMine = expectProblem(await api.call('GET', `/api/me/hands/${without.id}`, { token: ann.token }), 404, 'not_found');
    const unknownId = randomUUID();
    const unknown = expectProblem(await api.call('GET', `/api/me/hands/${unknownId}`, { token: ann.token }), 404, 'not_found');

    assert.equal(notMine.detail.replace(without.id, 'ID'), unknown.detail.replace(unknownId, 'ID'));
  });

  it('when a player asks for their statistics then each rate is the one worked out from their hands', async () => {
    const { ann } = await arrange();

    const answer = await api.call('GET', '/api/me/stats', { token: ann.token });

    assert.equal(answer.status, 200);
    const { overall, byVariant, sample } = answer.body;
    // Raised pot: called three times, bet once, lost at showdown (-76). Limped pot: checked, folded the flop (-2).
    // Omaha: checked down and won (+2).
    assert.deepEqual(
      [overall.hands, overall.vpip, overall.pfr, overall.aggressionFactor, overall.wentToShowdown, overall.wonAtShowdown, overall.netWinnings],
      [3, 1 / 3, 0, 1 / 3, 2 / 3, 1 / 2, -76],
    );
    assert.deepEqual(Object.keys(byVariant), ['NT', 'PO']);
    assert.deepEqual([byVariant.NT.hands, byVariant.NT.netWinnings, byVariant.PO.hands, byVariant.PO.aggressionFactor], [2, -78, 1, null]);
    assert.deepEqual(sample, { hands: 3, limit: STATS_HAND_LIMIT, complete: true });
  });

  it('when a new player asks for their hands and statistics then both are empty', async () => {
    const newcomer = await guest('New');

    assert.deepEqual((await api.call('GET', '/api/me/hands', { token: newcomer.token })).body, { items: [], limit: 50, offset: 0, total: 0 });
    const stats = (await api.call('GET', '/api/me/stats', { token: newcomer.token })).body;
    assert.equal(stats.overall.hands, 0);
    assert.equal(stats.overall.vpip, null);
  });

  it('when the request is malformed or breaks a rule then the answer is 400 or 422 saying which', async () => {
    const { ann } = await arrange();
    const get = (query: string) => api.call('GET', `/api/me/hands?${query}`, { token: ann.token });

    const badLimit = expectProblem(await get('limit=0'), 400, 'invalid_request');
    assert.deepEqual((badLimit.errors as any[]).map((error) => error.field), ['query.limit']);
    const badDate = expectProblem(await get('from=yesterday'), 400, 'invalid_request');
    assert.deepEqual((badDate.errors as any[]).map((error) => error.field), ['query.from']);
    expectProblem(await get('from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z'), 422, 'unprocessable');
  });

  it('when no token is sent then every one of these endpoints answers 401, and a wrong method 405', async () => {
    for (const path of ['/api/me/hands', `/api/me/hands/${randomUUID()}`, '/api/me/stats']) {
      expectProblem(await api.call('GET', path), 401, 'missing_token');
    }
    const { ann } = await arrange();
    const answer = await api.call('POST', '/api/me/stats', { token: ann.token, body: {} });
    expectProblem(answer, 405, 'method_not_allowed');
    assert.equal(answer.headers.get('allow'), 'GET, OPTIONS');
  });
});

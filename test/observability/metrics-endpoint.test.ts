import assert from 'node:assert/strict';
import type { Room } from '@colyseus/sdk';
import { BACKENDS } from '../persistence/databases.ts';
import { leaveRooms, seatOf, startFelt, waitFor, type Felt } from '../support/felt.ts';
import { metricNames, parseSamples, valueOf, type Sample } from './scrape.ts';

const FELT_METRICS = [
  'felt_rooms', 'felt_connections', 'felt_hands_total', 'felt_actions_total', 'felt_action_to_patch_seconds',
  'felt_snapshot_lag_seconds', 'felt_snapshot_writes_total', 'felt_db_pool', 'felt_job_runs_total',
];

type Player = { room: Room; id: string };

for (const backend of BACKENDS) {
  describe(`observability: GET /metrics on a running server [${backend.label}]`, function () {
    this.timeout(60_000);
    let felt: Felt;
    const rooms: Room[] = [];

    before(async () => {
      felt = await startFelt(backend);
    });

    after(async () => {
      await leaveRooms(rooms);
      await felt.close();
    });

    async function scrape(): Promise<{ text: string; samples: Sample[] }> {
      const response = await fetch(`${felt.url}/metrics`);
      assert.equal(response.status, 200);
      const text = await response.text();
      return { text, samples: parseSamples(text) };
    }

    async function openTables(): Promise<number> {
      return ((await (await fetch(`${felt.url}/api/tables`)).json()) as unknown[]).length;
    }

    async function join(tableId: string, name: string): Promise<Player> {
      const { token, id } = await felt.guest(name);
      const room = await felt.client().joinById(tableId, { token });
      rooms.push(room);
      return { room, id };
    }

    /** Waits for one of `players` to be asked to act in hand `hand`, then sends what `choose` picks from its legal actions. */
    async function actNext(players: Player[], hand: number, choose: (legal: any) => { action: string; amount?: number }): Promise<void> {
      const actor = await Promise.race(players.map((p) => waitFor(p.room, (state) => {
        const seat = seatOf(state, p.id);
        return state.handNumber === hand && seat && state.toAct === seat.seat && (seat.legal?.fold || seat.legal?.check) ? { player: p, legal: seat.legal } : undefined;
      })));
      const before = JSON.stringify(actor.player.room.state.toJSON());
      actor.player.room.send('act', choose(actor.legal));
      await waitFor(actor.player.room, (state) => JSON.stringify(state.toJSON()) !== before);
    }

    it('when scraped then every Felt metric and the process metrics are there, as Prometheus text with a request id', async () => {
      const response = await fetch(`${felt.url}/metrics`, { headers: { 'X-Request-Id': 'scraper-1' } });
      const text = await response.text();

      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
      assert.equal(response.headers.get('x-request-id'), 'scraper-1');
      const names = metricNames(text);
      for (const name of FELT_METRICS) assert.ok(names.has(name), `${name} is exposed`);
      assert.ok(names.has('process_resident_memory_bytes'));
    });

    it('when scraped then felt_rooms counts the tables open on this process and felt_db_pool reports the pool', async () => {
      await felt.openTable();

      const { samples } = await scrape();

      assert.equal(valueOf(samples, 'felt_rooms'), await openTables());
      assert.ok(valueOf(samples, 'felt_rooms') >= 6, 'the five seeded tables and the one just opened');
      if (backend.label === 'pglite') {
        assert.equal(valueOf(samples, 'felt_db_pool', { state: 'max' }), 1);
        assert.equal(valueOf(samples, 'felt_db_pool', { state: 'open' }), 1);
      } else {
        assert.ok(valueOf(samples, 'felt_db_pool', { state: 'max' }) >= 1);
        assert.ok(valueOf(samples, 'felt_db_pool', { state: 'open' }) >= 1, 'the server has used the pool');
        assert.ok(valueOf(samples, 'felt_db_pool', { state: 'open' }) <= valueOf(samples, 'felt_db_pool', { state: 'max' }));
      }
    });

    it('when two players play a hand then hands, actions, patch latency, snapshots and connections are counted', async () => {
      const tableId = await felt.openTable();
      const ann = await join(tableId, 'Ann');
      const bob = await join(tableId, 'Bob');
      ann.room.send('sit', { buyIn: 200 });
      bob.room.send('sit', { buyIn: 200 });
      const hand = await waitFor(ann.room, (state) => state.handNumber >= 1 && state.toAct >= 0 && state.handNumber);
      const before = (await scrape()).samples;

      await actNext([ann, bob], hand, () => ({ action: 'call' }));
      await actNext([ann, bob], hand, () => ({ action: 'check' }));
      await actNext([ann, bob], hand, (legal) => ({ action: 'bet', amount: legal.minRaiseTo }));
      await actNext([ann, bob], hand, () => ({ action: 'fold' }));
      await waitFor(ann.room, (state) => state.handNumber > hand);
      const after = (await scrape()).samples;

      const delta = (name: string, labels: Record<string, string> = {}) => valueOf(after, name, labels) - valueOf(before, name, labels);
      assert.equal(delta('felt_hands_total', { variant: 'NT' }), 1);
      for (const action of ['call', 'check', 'bet', 'fold']) assert.equal(delta('felt_actions_total', { action }), 1, action);
      assert.equal(delta('felt_actions_total', { action: 'raise' }), 0);
      assert.equal(delta('felt_action_to_patch_seconds_count'), 4, 'each action reached the clients in a patch');
      assert.ok(delta('felt_action_to_patch_seconds_sum') > 0);
      assert.ok(delta('felt_snapshot_writes_total') >= 1, 'the changed table was written');
      assert.ok(delta('felt_snapshot_lag_seconds_count') >= 1);
      assert.ok(valueOf(after, 'felt_connections') >= 2, 'both players are connected');
      assert.equal(valueOf(after, 'felt_rooms'), await openTables());
    });

    it('when a job runs and its slot is asked for again then felt_job_runs_total counts one run and one skip', async () => {
      // A slot long past, which the server's own schedule never runs.
      const slot = new Date('2020-01-01T00:05:00Z');
      const before = (await scrape()).samples;

      const first = await felt.server.jobs.runJob('template-hourly', slot);
      const second = await felt.server.jobs.runJob('template-hourly', slot);

      const after = (await scrape()).samples;
      const delta = (status: string) => valueOf(after, 'felt_job_runs_total', { job: 'template-hourly', status }) - valueOf(before, 'felt_job_runs_total', { job: 'template-hourly', status });
      assert.equal(first.status, 'ok');
      assert.equal(second.status, 'skipped');
      assert.equal(delta('ok'), 1);
      assert.equal(delta('skipped'), 1);
    });
  });
}

import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startFelt, type Felt } from '../support/felt.ts';
import { chromiumMissing, collectForeignRequests, DESKTOP, failOnPageErrors, openBrowser, PHONE, shot } from './browser.ts';

const ADMIN = { FELT_ADMIN_USERNAME: 'boss', FELT_ADMIN_PASSWORD: 'correct-horse-1' };

const LEVELS = [
  { smallBlind: 10, bigBlind: 20, ante: 0, seconds: 300 },
  { smallBlind: 15, bigBlind: 30, ante: 0, seconds: 300 },
  { smallBlind: 25, bigBlind: 50, ante: 5, seconds: 300 },
];

type Problem = { status: number; detail: string };

describe('web: tournaments in a browser', function () {
  this.timeout(120_000);
  let felt: Felt;
  let browser: Browser;
  let adminToken: string;
  const contexts: BrowserContext[] = [];

  before(async function () {
    const missing = chromiumMissing();
    if (missing) {
      console.log(`    (skipped: ${missing})`);
      this.skip();
    }
    felt = await startFelt(null, ADMIN);
    browser = await openBrowser();
    const login = await fetch(`${felt.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: ADMIN.FELT_ADMIN_USERNAME, password: ADMIN.FELT_ADMIN_PASSWORD }),
    });
    adminToken = ((await login.json()) as { token: string }).token;
  });

  after(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await felt?.close();
  });

  async function newPage(viewport = DESKTOP): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    failOnPageErrors(page, errors);
    collectForeignRequests(page, felt.url, errors);
    return { page, errors };
  }

  /** A sit-and-go through the admin API, as an operator would make it. */
  async function createTournament(name: string): Promise<string> {
    const response = await fetch(`${felt.url}/api/admin/tournaments`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ name, kind: 'sng', variant: 'NT', buyIn: 100, fee: 10, startingStack: 1500, tableSize: 6, minEntrants: 2, maxEntrants: 6, levels: LEVELS }),
    });
    assert.equal(response.status, 201, await response.clone().text());
    return ((await response.json()) as { tournamentId: string }).tournamentId;
  }

  /** What the API answers a request now; a refusal changes nothing, so the page must have shown the same sentence. */
  async function answer(path: string, token: string): Promise<Problem> {
    const response = await fetch(`${felt.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { detail?: string };
    return { status: response.status, detail: body.detail ?? '' };
  }

  async function signInAsGuest(page: Page, name: string): Promise<{ id: string; token: string }> {
    await page.goto(felt.url);
    await page.getByLabel('Your name (optional)').fill(name);
    await page.getByRole('button', { name: 'Play as guest' }).click();
    await page.getByRole('heading', { name: 'Lobby' }).waitFor();
    const session = await page.evaluate(() => (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem('felt.play.session'));
    const parsed = JSON.parse(session ?? '{}') as { token: string; user: { id: string } };
    return { id: parsed.user.id, token: parsed.token };
  }

  it('when an operator has created a sit-and-go then a player finds it in the tournament lobby, opens it and sees its clock, field, prize pool and standings with their own row', async () => {
    const tournamentId = await createTournament('Friday Sit & Go');
    const ann = await felt.guest('Ann');
    const bob = await felt.guest('Bob');
    // Registered as players register (through the tournament's actor), or, on a server that runs none, as the actor would store them.
    for (const player of [{ ...ann, name: 'Ann' }, { ...bob, name: 'Bob' }]) {
      const registered = await fetch(`${felt.url}/api/tournaments/${tournamentId}/register`, { method: 'POST', headers: { authorization: `Bearer ${player.token}` } });
      if (registered.status === 503) await felt.server.db.entries.register({ tournamentId, playerId: player.id, name: player.name, buyIn: 100, fee: 10 });
      else assert.equal(registered.status, 201);
    }

    const { page, errors } = await newPage();
    const carol = await signInAsGuest(page, 'Carol');
    await page.getByRole('tab', { name: 'Tournaments' }).click();
    const row = page.getByRole('list', { name: 'Tournament list' }).getByRole('listitem').filter({ hasText: 'Friday Sit & Go' });
    await row.waitFor();
    assert.match(await row.innerText(), /2\/6/, 'the list shows the entrants');
    assert.match(await row.innerText(), /Buy-in 100 \+ 10/);
    await shot(page, 'tournament-1-lobby');
    // Filtered to cancelled tournaments, it is not listed.
    await page.getByRole('group', { name: 'Filter tournaments' }).getByLabel('Status').selectOption('cancelled');
    await page.getByText('No tournament matches this filter.').waitFor();
    await page.getByRole('group', { name: 'Filter tournaments' }).getByLabel('Status').selectOption('registering,running');
    await page.getByRole('link', { name: 'Open Friday Sit & Go' }).click();

    await page.getByRole('heading', { name: 'Friday Sit & Go' }).waitFor();
    const clock = page.getByRole('region', { name: 'Clock' });
    assert.match(await clock.innerText(), /Level 1/);
    assert.match(await clock.getByLabel('Blinds').innerText(), /^10\/20$/);
    assert.match(await clock.innerText(), /Next level/, 'the first level is followed by the next one once the structure is known');
    assert.match(await page.getByRole('region', { name: 'Field' }).innerText(), /2\/6/);
    assert.match(await page.getByRole('heading', { name: /^Prize pool/ }).innerText(), /Prize pool 200/);
    const standings = page.getByRole('table', { name: 'Standings' });
    assert.deepEqual((await standings.getByRole('rowheader').allInnerTexts()).sort(), ['Ann', 'Bob']);

    // Registering goes to the tournament's actor; whatever it answers, the page shows it.
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    const refused = page.getByRole('alert').filter({ hasNotText: 'Your result' });
    await Promise.race([refused.first().waitFor(), page.getByRole('button', { name: 'Unregister', exact: true }).waitFor()]);
    if (await refused.count()) {
      const api = await answer(`/api/tournaments/${tournamentId}/register`, carol.token);
      assert.ok(api.status >= 400, 'the API refused the registration as the page said');
      assert.equal(await refused.first().innerText(), api.detail, 'the page shows the API\'s own sentence');
      await shot(page, 'tournament-2-refused');
      // Registered as the actor would register her, she sees her own row.
      await felt.server.db.entries.register({ tournamentId, playerId: carol.id, name: 'Carol', buyIn: 100, fee: 10 });
    }
    const mine = standings.locator('tr[aria-current="true"]');
    await mine.waitFor({ timeout: 15_000 });
    assert.match(await mine.innerText(), /Carol\s*you/);
    assert.match(await mine.innerText(), /1,500/, 'before the start every stack is the starting stack');
    await page.getByRole('button', { name: 'Unregister', exact: true }).waitFor();
    assert.match(await page.getByRole('region', { name: 'Field' }).innerText(), /3\/6/);
    assert.match(await page.getByRole('heading', { name: /^Prize pool/ }).innerText(), /Prize pool 300/);
    await shot(page, 'tournament-3-detail');

    await page.setViewportSize(PHONE);
    const overflow = await page.evaluate(() => {
      const { document } = globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } };
      return document.documentElement.scrollWidth - document.documentElement.clientWidth;
    });
    assert.ok(overflow <= 1, `the tournament page fits a phone's width (overflow ${overflow}px)`);
    await shot(page, 'tournament-4-phone');
    assert.deepEqual(errors, []);
  });

  it('when an admin creates a tournament with a bad table size and then a level that does not raise the blinds then each message shows beside its field, and the fixed tournament is created and can be opened', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${felt.url}/admin`);
    await page.getByLabel('Username').fill(ADMIN.FELT_ADMIN_USERNAME);
    await page.getByLabel('Password').fill(ADMIN.FELT_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Tournaments' }).click();
    await page.getByRole('button', { name: 'New tournament' }).click();
    const form = page.getByRole('form', { name: 'New tournament' });
    await form.getByLabel('Name', { exact: true }).fill('Sunday Turbo');
    await form.getByLabel('Table size', { exact: true }).fill('12');
    await form.getByRole('button', { name: 'Create tournament' }).click();

    const tableSize = form.getByLabel('Table size', { exact: true });
    await page.waitForFunction(() => (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('.field.invalid'));
    assert.equal(await tableSize.getAttribute('aria-invalid'), 'true');
    assert.match(await form.locator('.field.invalid').first().innerText(), /Table size[\s\S]*seats 2 to 10 players, not 12/);
    await shot(page, 'admin-tournament-1-table-size');

    await tableSize.fill('6');
    const level2 = form.getByRole('group', { name: 'Level 2' });
    await level2.getByLabel('Small blind', { exact: true }).fill('10');
    await level2.getByLabel('Big blind', { exact: true }).fill('20');
    await form.getByRole('button', { name: 'Create tournament' }).click();
    const levelError = form.locator('.levels li.invalid .field-error');
    await levelError.waitFor();
    assert.match(await levelError.innerText(), /^Level 2 .* must raise the blinds/);
    assert.equal(await tableSize.getAttribute('aria-invalid'), null, 'the fixed field is no longer marked');
    await shot(page, 'admin-tournament-2-level');

    await level2.getByRole('button', { name: 'Remove level 2' }).click();
    await form.getByRole('button', { name: 'Add level' }).click();
    await form.getByRole('button', { name: 'Create tournament' }).click();
    const row = page.getByRole('table', { name: 'Tournaments' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Sunday Turbo' }) });
    await row.waitFor();
    const stored = (await felt.server.db.tournaments.list({ limit: 50, offset: 0 })).items.find((t) => t.name === 'Sunday Turbo');
    assert.ok(stored, 'the tournament is stored');
    assert.deepEqual(stored.definition.levels.map((l) => l.bigBlind), [20, 50, 100], 'level 2 went, a doubled level came last');
    assert.equal(stored.definition.tableSize, 6);

    await row.getByRole('button', { name: 'Open Sunday Turbo' }).click();
    const view = page.getByRole('region', { name: 'Tournament Sunday Turbo' });
    await view.getByRole('region', { name: 'Clock' }).getByText('Level 1').waitFor();
    assert.match(await view.getByRole('region', { name: 'Clock' }).innerText(), /Next level\s*25\/50 ante 5/);
    await shot(page, 'admin-tournament-3-view');

    // Start with nobody registered: refused, by the actor or for want of one; the page says what the API says.
    // (A server with actors opens this one's in a moment: until then it answers 503, and the answer would change.)
    let api = await answer(`/api/admin/tournaments/${stored.id}/start`, adminToken);
    for (let tries = 0; api.status === 503 && tries < 20; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      api = await answer(`/api/admin/tournaments/${stored.id}/start`, adminToken);
    }
    assert.ok(api.status >= 400);
    await view.getByRole('button', { name: 'Start', exact: true }).click();
    const alert = view.getByRole('alert');
    await alert.waitFor();
    assert.equal(await alert.innerText(), api.detail);
    assert.equal((await felt.server.db.tournaments.get(stored.id))?.status, 'registering', 'nothing changed');
    assert.deepEqual(errors, []);
  });
});

import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { LoadSession } from '../../loadtest/session.ts';
import { startFelt, type Felt } from '../support/felt.ts';
import { chromiumMissing, collectForeignRequests, DESKTOP, failOnPageErrors, openBrowser, shot } from './browser.ts';

const ADMIN = { FELT_ADMIN_USERNAME: 'boss', FELT_ADMIN_PASSWORD: 'correct-horse-1' };

/** The page's DOM as the in-page functions below use it (the type check has Node's globals, not a browser's). */
type InPage = { document: { querySelector(selector: string): unknown; querySelectorAll(selector: string): Iterable<{ getAttribute(name: string): string | null; closest(selector: string): { getAttribute(name: string): string | null } | null }> } };

async function fill(page: Page, form: string, label: string, value: string): Promise<void> {
  await page.getByRole('form', { name: form }).getByLabel(label, { exact: true }).fill(value);
}

describe('web: the admin dashboard in a browser', function () {
  this.timeout(120_000);
  let felt: Felt;
  let browser: Browser;
  let bots: LoadSession | null = null;

  before(async function () {
    const missing = chromiumMissing();
    if (missing) {
      console.log(`    (skipped: ${missing})`);
      this.skip();
    }
    felt = await startFelt(null, ADMIN);
    browser = await openBrowser();
  });

  after(async () => {
    await bots?.close();
    await browser?.close();
    await felt?.close();
  });

  it('when an admin creates a template, opens a table from it, credits a wallet and bans a player then each takes effect on the server', async () => {
    const guest = await felt.guest('Mallory');
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const errors: string[] = [];
    failOnPageErrors(page, errors);
    collectForeignRequests(page, felt.url, errors);
    try {
      await page.goto(`${felt.url}/admin`);
      await page.getByLabel('Username').fill(ADMIN.FELT_ADMIN_USERNAME);
      await page.getByLabel('Password').fill(ADMIN.FELT_ADMIN_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Overview' }).waitFor();
      await page.getByRole('figure').first().waitFor();
      await shot(page, 'admin-1-overview');

      // A template the API refuses first: its message shows beside the field it concerns.
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Templates' }).click();
      await page.getByRole('button', { name: 'New template' }).click();
      await fill(page, 'New template', 'Name', 'Deep stack 2/4');
      await fill(page, 'New template', 'Small blind', '2');
      await fill(page, 'New template', 'Big blind', '4');
      await fill(page, 'New template', 'Minimum buy-in', '800');
      await fill(page, 'New template', 'Maximum buy-in', '400');
      await page.getByRole('button', { name: 'Create template' }).click();
      const maxBuyIn = page.getByRole('form', { name: 'New template' }).getByLabel('Maximum buy-in', { exact: true });
      await page.waitForFunction(() => (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('.field.invalid'));
      const invalid = await page.locator('.field.invalid').allInnerTexts();
      assert.ok(invalid.some((text) => /buy-in/i.test(text)), `a buy-in field shows the API's message: ${JSON.stringify(invalid)}`);
      assert.equal(await maxBuyIn.getAttribute('aria-invalid') ?? await page.getByRole('form', { name: 'New template' }).getByLabel('Minimum buy-in', { exact: true }).getAttribute('aria-invalid'), 'true');
      await shot(page, 'admin-2-template-errors');
      await fill(page, 'New template', 'Maximum buy-in', '1600');
      await page.getByRole('button', { name: 'Create template' }).click();
      await page.getByRole('table', { name: 'Templates' }).getByRole('rowheader', { name: 'Deep stack 2/4' }).waitFor();
      const created = (await felt.server.db.templates.list()).find((t) => t.name === 'Deep stack 2/4');
      assert.ok(created, 'the template is stored');
      assert.equal(created.minBuyIn, 800);
      assert.equal(created.maxBuyIn, 1600);

      // A table from it, opened and watched.
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Tables' }).click();
      await page.getByRole('form', { name: 'Open a table' }).getByLabel('Template').selectOption({ label: 'Deep stack 2/4' });
      await page.getByRole('form', { name: 'Open a table' }).getByLabel('Table name (optional)').fill('Deep stack by the window');
      await page.getByRole('button', { name: 'Open table' }).click();
      await page.getByRole('table', { name: 'Live tables' }).getByRole('rowheader', { name: 'Deep stack by the window' }).waitFor({ timeout: 15_000 });
      const listed = (await (await fetch(`${felt.url}/api/tables`)).json()) as { tableId: string; name: string; stakes: string }[];
      const opened = listed.find((t) => t.name === 'Deep stack by the window');
      assert.equal(opened?.stakes, '2/4', 'players find the new table');
      // Bots play there, and the admin watches with every hole card face down.
      bots = await LoadSession.open({ url: felt.url, thinkMs: 100, tableIds: [opened.tableId] });
      assert.equal((await bots.addBots(3)).seated, 3);
      await page.getByRole('button', { name: 'Watch Deep stack by the window' }).click();
      await page.getByRole('region', { name: 'Table' }).locator('.seat .card').first().waitFor({ timeout: 15_000 });
      const faceUp = await page.evaluate(() => [...(globalThis as unknown as InPage).document.querySelectorAll('.watch .seat .card')]
        .filter((card) => card.getAttribute('data-card') !== '??' && card.closest('.cards')?.getAttribute('data-shown') !== 'true').length);
      assert.equal(faceUp, 0, 'no hole card is face up for the watching admin');
      await shot(page, 'admin-3-tables');

      // A credit to the guest's wallet, then a ban.
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Players' }).click();
      await page.getByRole('search').getByLabel('Name or username').fill('Mallory');
      await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
      await page.getByRole('button', { name: 'Open Mallory' }).click();
      const detail = page.getByRole('region', { name: 'Player Mallory' });
      await detail.getByLabel('Amount').fill('500');
      await detail.getByLabel('Reason').fill('Welcome back bonus');
      await detail.getByRole('button', { name: 'Credit wallet' }).click();
      await detail.getByRole('table', { name: 'Ledger' }).getByText('Welcome back bonus').waitFor();
      assert.equal(await detail.getByLabel('Balance').innerText(), '10,500');
      assert.equal((await felt.server.db.players.findById(guest.id))?.bannedAt ?? null, null);
      await shot(page, 'admin-4-wallet');
      await detail.getByRole('button', { name: 'Ban', exact: true }).click();
      await detail.getByRole('button', { name: 'Unban', exact: true }).waitFor();
      await shot(page, 'admin-5-banned');
      const me = await fetch(`${felt.url}/api/me`, { headers: { authorization: `Bearer ${guest.token}` } });
      assert.equal(me.status, 403, 'the banned player\'s token is refused');
      const wallet = await felt.server.db.ledger.balance('player', guest.id);
      assert.equal(wallet, 10_500);

      // Back on the overview, the live charts show the bots' hands.
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Overview' }).click();
      await page.getByRole('img', { name: /^Hands per minute .* now [1-9]/ }).waitFor({ timeout: 20_000 });
      await shot(page, 'admin-8-overview-live');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('when the dashboard signs in then its admin reaches the monitor, and a player does not; neither it nor /docs loads anything from another host', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const foreign: string[] = [];
    collectForeignRequests(page, felt.url, foreign);
    try {
      const guest = await felt.guest('Nosy');
      const refused = await page.goto(`${felt.url}/monitor/?token=${guest.token}`);
      assert.equal(refused?.status(), 401);
      await page.goto(`${felt.url}/admin`);
      await page.getByLabel('Username').fill(ADMIN.FELT_ADMIN_USERNAME);
      await page.getByLabel('Password').fill(ADMIN.FELT_ADMIN_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Overview' }).waitFor();
      const monitor = await page.goto(`${felt.url}/monitor/`);
      assert.equal(monitor?.status(), 200);
      const rooms = await page.evaluate(async () => (await fetch('/monitor/api')).json()) as { rooms: { name: string }[] };
      assert.ok(rooms.rooms.some((room) => room.name === 'table'), 'the monitor lists the tables');
      await shot(page, 'admin-6-monitor');
      const docs = await page.goto(`${felt.url}/docs`);
      assert.equal(docs?.status(), 200);
      await page.getByText('/api/admin/templates').first().waitFor();
      await shot(page, 'admin-7-api-docs');
      assert.deepEqual(foreign, []);
    } finally {
      await context.close();
    }
  });
});

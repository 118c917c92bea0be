import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LoadSession } from '../../loadtest/session.ts';
import { Legal } from '../../schema/TableState.ts';
import type { TemplateInput } from '../../src/persistence/types.ts';
import { startFelt, type Felt } from '../support/felt.ts';
import { chromiumMissing, collectForeignRequests, DESKTOP, failOnPageErrors, openBrowser, shot } from './browser.ts';

type InPage = { document: { querySelector(selector: string): { textContent: string | null } | null; querySelectorAll(selector: string): { length: number } } };

const STUD = { variant: 'F7S', smallBlind: 0, bigBlind: 0, ante: 1, bringIn: 1, smallBet: 2, bigBet: 4, minBuyIn: 40, maxBuyIn: 200, maxSeats: 6 } as Partial<TemplateInput>;
const TRIPLE_DRAW = { variant: 'F2L3D', smallBlind: 1, bigBlind: 2, smallBet: 2, bigBet: 4, minBuyIn: 40, maxBuyIn: 200, maxSeats: 6 } as Partial<TemplateInput>;

/** Whether this server deals stud and draw over the wire (its `Legal` has the draw). */
const gamesOnTheWire = 'draw' in (new Legal() as object);

describe('web: stud and draw in a browser', function () {
  this.timeout(150_000);
  let felt: Felt;
  let browser: Browser;
  const sessions: LoadSession[] = [];
  const contexts: BrowserContext[] = [];

  before(async function () {
    const missing = chromiumMissing() ?? (gamesOnTheWire ? null : 'this server does not deal stud and draw over the wire yet');
    if (missing) {
      console.log(`    (skipped: ${missing})`);
      this.skip();
    }
    felt = await startFelt(null, {}, { timings: { pauseMs: 600 } });
    browser = await openBrowser();
  });

  after(async () => {
    for (const context of contexts) {
      for (const page of context.pages()) await page.getByRole('link', { name: 'Lobby' }).first().click().catch(() => undefined);
      await context.close().catch(() => undefined);
    }
    for (const session of sessions) await session.close().catch(() => undefined);
    await browser?.close();
    await felt?.close();
  });

  async function seatedAt(template: Partial<TemplateInput>, name: string): Promise<{ page: Page; errors: string[] }> {
    const tableId = await felt.openTable({ ...template, name });
    const session = await LoadSession.open({ url: felt.url, thinkMs: 60, tableIds: [tableId] });
    sessions.push(session);
    assert.equal((await session.addBots(2)).seated, 2);
    const context = await browser.newContext({ viewport: DESKTOP });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    failOnPageErrors(page, errors);
    collectForeignRequests(page, felt.url, errors);
    await page.goto(felt.url);
    await page.getByLabel('Your name (optional)').fill('Dora');
    await page.getByRole('button', { name: 'Play as guest' }).click();
    await page.goto(`${felt.url}/table/${tableId}`);
    await page.getByRole('region', { name: 'Table' }).waitFor();
    await page.getByRole('button', { name: 'Sit', exact: true }).click();
    await page.getByRole('button', { name: 'Buy in', exact: true }).click();
    await page.getByRole('button', { name: 'Leave', exact: true }).waitFor();
    return { page, errors };
  }

  /** Waits for the person's turn (an action or a draw) and answers what `waitFor` names: 'turn', 'draw', or null when `done` holds. */
  async function nextTurn(page: Page): Promise<'turn' | 'draw'> {
    const handle = await page.waitForFunction(() => {
      const { document } = globalThis as unknown as InPage;
      if (document.querySelector('[role="group"][aria-label="Your draw"]')) return 'draw';
      if (document.querySelector('[role="group"][aria-label="Your action"]')) return 'turn';
      return null;
    }, undefined, { timeout: 40_000, polling: 'raf' });
    return (await handle.jsonValue()) as 'turn' | 'draw';
  }

  /** Checks or calls (or brings in: the bring-in is the cheapest way on). */
  async function passively(page: Page): Promise<void> {
    const bar = page.getByRole('group', { name: 'Your action' });
    const bringIn = bar.getByRole('button', { name: 'Bring in', exact: true });
    const check = bar.getByRole('button', { name: 'Check', exact: true });
    const call = bar.getByRole('button', { name: /^Call/ });
    if (await bringIn.count()) await bringIn.click();
    else if (await check.count()) await check.click();
    else if (await call.count()) await call.click();
    else await bar.getByRole('button', { name: 'Fold', exact: true }).click();
    await bar.waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  }

  it('when a person plays triple draw then they choose their discards by clicking cards, draw, and see how many cards the others drew, never which', async () => {
    const { page, errors } = await seatedAt(TRIPLE_DRAW, 'Triple draw');
    let drew = false;
    for (let turns = 0; turns < 40 && !drew; turns++) {
      if ((await nextTurn(page)) === 'turn') {
        await passively(page);
        continue;
      }
      const draw = page.getByRole('group', { name: 'Your draw' });
      assert.equal(await draw.getByRole('button', { name: 'Stand pat', exact: true }).count(), 1, 'with nothing chosen the button stands pat');
      const cards = draw.getByRole('button', { name: /^Discard / });
      assert.equal(await cards.count(), 5, 'the five cards of the hand can be chosen');
      await cards.nth(0).click();
      await cards.nth(1).click();
      assert.equal(await cards.nth(0).getAttribute('aria-pressed'), 'true');
      assert.match(await draw.getByRole('status').innerText(), /^2 of at most \d to discard\.$/);
      await shot(page, 'games-1-draw-choice');
      await draw.getByRole('button', { name: 'Draw', exact: true }).click();
      await draw.waitFor({ state: 'detached', timeout: 10_000 });
      drew = true;
    }
    assert.ok(drew, 'the person was asked to draw');
    // The others' draws read as counts on their seats: the badge of the draw itself, then the count beside their next action.
    const drawn = page.locator('.seat:not(.me) .seat-plate').filter({ hasText: /Draws \d|Stands pat|Drew \d|Stood pat/ });
    await drawn.first().waitFor({ timeout: 30_000 });
    assert.match(await drawn.first().innerText(), /(Draws|Drew) \d|Stands pat|Stood pat/);
    assert.match(await page.locator('.table-sub').innerText(), /2-7 Triple Draw · 1\/2 · limit 2\/4/);
    await shot(page, 'games-2-draw-counts');
    assert.deepEqual(errors, []);
  });

  it('when a person plays seven-card stud then the others\' up cards are face up beside their hole cards face down, and the streets are named', async () => {
    const { page, errors } = await seatedAt(STUD, 'Stud table');
    // Third street dealt: every player in the hand shows an up card; the person's own are marked as such.
    await page.waitForFunction(() => {
      const { document } = globalThis as unknown as InPage;
      return document.querySelectorAll('.seat:not(.me) .card.up').length > 0 && document.querySelectorAll('.seat.me .card').length >= 3;
    }, undefined, { timeout: 40_000, polling: 'raf' });
    const other = page.locator('.seat:not(.me)').filter({ has: page.locator('.card.up') }).first();
    const faces = await other.locator('.card').evaluateAll((cards) => cards.map((card) => (card as unknown as { getAttribute(n: string): string | null }).getAttribute('data-card')));
    assert.ok(faces.filter((card) => card === '??').length >= 2, `two hole cards face down: ${faces.join(' ')}`);
    assert.ok(faces.some((card) => card !== '??'), 'an up card face up');
    assert.match(await page.locator('.table-sub').innerText(), /Seven-card Stud · 2\/4 · ante 1 · bring-in 1/);
    await shot(page, 'games-3-stud');
    // Play on to fourth street (a fold ends the person's hand; the log names the streets anyway).
    for (let turns = 0; turns < 30; turns++) {
      if (await page.getByRole('log', { name: 'What happened' }).getByText('Fourth street').count()) break;
      await nextTurn(page);
      await passively(page);
    }
    await page.getByRole('log', { name: 'What happened' }).getByText('Fourth street').first().waitFor({ timeout: 30_000 });
    await shot(page, 'games-4-stud-fourth');
    assert.deepEqual(errors, []);
  });
});

import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { LoadSession } from '../../loadtest/session.ts';
import { startFelt, type Felt } from '../support/felt.ts';
import { chromiumMissing, collectForeignRequests, DESKTOP, failOnPageErrors, openBrowser, PHONE, shot } from './browser.ts';


/**
 * What the functions run inside the page (page.evaluate, waitForFunction) use
 * of its DOM: the project's type check has Node's globals, not a browser's.
 */
type InPageElement = {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): InPageElement | null;
  querySelectorAll(selector: string): Iterable<InPageElement>;
};
type InPage = {
  document: InPageElement & { documentElement: { scrollWidth: number } };
  MutationObserver: new (callback: () => void) => { observe(target: InPageElement, options: Record<string, boolean>): void };
};

/** Signs in as a guest from the sign-in page and waits for the lobby's tables. */
async function signInAsGuest(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Your name (optional)').fill(name);
  await page.getByRole('button', { name: 'Play as guest' }).click();
  await page.getByRole('list', { name: 'Tables' }).getByRole('listitem').first().waitFor();
}

async function openTable(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: `Join ${name}` }).click();
  await page.getByRole('region', { name: 'Table' }).waitFor();
}

async function sitDown(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sit', exact: true }).click();
  await page.getByRole('button', { name: 'Buy in', exact: true }).click();
  await page.getByRole('button', { name: 'Leave', exact: true }).waitFor();
}

/**
 * Plays the person's turns (check when possible, else call, else fold) until a
 * hand they were dealt into ends with its pot pushed to a winner. Returns the
 * winners' names as the felt shows them.
 */
async function playUntilAHandIsWon(page: Page, onTurn: () => Promise<void>): Promise<string> {
  let acted = false;
  for (let turns = 0; turns < 40; turns++) {
    const state = await page.waitForFunction(() => {
      const { document } = globalThis as unknown as InPage;
      if (document.querySelector('[role="group"][aria-label="Your action"]')) return 'turn';
      const caption = document.querySelector('.felt-caption')?.textContent ?? '';
      return / wins /.test(caption) && document.querySelector('.seat.me .card') ? caption : null;
    }, undefined, { timeout: 30_000, polling: 'raf' });
    const value = (await state.jsonValue()) as string;
    if (value !== 'turn') {
      if (acted) return value;
      // A hand the person only watched the end of: wait for the next deal to start.
      await page.waitForFunction(() => !/ wins /.test((globalThis as unknown as InPage).document.querySelector('.felt-caption')?.textContent ?? ''), undefined, { timeout: 30_000 });
      continue;
    }
    if (!acted) await onTurn();
    acted = true;
    const bar = page.getByRole('group', { name: 'Your action' });
    const check = bar.getByRole('button', { name: 'Check', exact: true });
    const call = bar.getByRole('button', { name: /^Call/ });
    if (await check.count()) await check.click();
    else if (await call.count()) await call.click();
    else await bar.getByRole('button', { name: 'Fold', exact: true }).click();
    await bar.waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  }
  throw new Error('no hand was won within 40 turns');
}

describe('web: playing in a browser', function () {
  this.timeout(120_000);
  let felt: Felt;
  let browser: Browser;
  const sessions: LoadSession[] = [];
  const contexts: BrowserContext[] = [];

  before(async function () {
    const missing = chromiumMissing();
    if (missing) {
      console.log(`    (skipped: ${missing})`);
      this.skip();
    }
    // A person needs more than the tests' usual 150 ms to see a hand's result.
    felt = await startFelt(null, {}, { timings: { pauseMs: 1_500 } });
    browser = await openBrowser();
  });

  after(async () => {
    // Back to the lobby first: the table pages leave their rooms as a person closing them would, so no seat is
    // still held open for a reconnection when the server stops.
    for (const context of contexts) {
      for (const page of context.pages()) {
        if (!page.url().includes('/table/')) continue;
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lobby' }).click().catch(() => undefined);
        await page.getByRole('heading', { name: 'Lobby' }).waitFor().catch(() => undefined);
      }
      await context.close().catch(() => undefined);
    }
    for (const session of sessions) await session.close().catch(() => undefined);
    await browser?.close();
    await felt?.close();
  });

  /** A table of its own, named `name`, with `count` loadtest bots playing at it. */
  async function tableWithBots(name: string, count: number, thinkMs: number): Promise<string> {
    const tableId = await felt.openTable({ name });
    const session = await LoadSession.open({ url: felt.url, thinkMs, tableIds: [tableId] });
    sessions.push(session);
    const { seated } = await session.addBots(count);
    assert.equal(seated, count);
    return tableId;
  }

  /** A page of its own; `errors` collects script errors and any request to another host (there must be none). */
  async function newPage(viewport = DESKTOP): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    failOnPageErrors(page, errors);
    collectForeignRequests(page, felt.url, errors);
    return { page, errors };
  }

  it('when a guest finds a table in the lobby, sits and plays against bots then a hand ends with its pot pushed to the winner, and the hand is in their history', async () => {
    await tableWithBots('Ada\'s table', 2, 150);
    const { page, errors } = await newPage();
    await signInAsGuest(page, felt.url, 'Ada');
    await shot(page, 'play-1-lobby');
    await openTable(page, 'Ada\'s table (test)');
    await sitDown(page);
    await shot(page, 'play-2-seated');

    const caption = await playUntilAHandIsWon(page, () => shot(page, 'play-3-my-turn'));
    await shot(page, 'play-4-pot-to-winner');
    const winner = page.locator('.seat.winner');
    assert.ok(await winner.count() >= 1, 'a winner is marked on the felt');
    assert.match(await winner.first().innerText(), /Wins \d+/);
    assert.match(caption, /\S+ wins \d+/);
    assert.ok(await page.getByRole('log', { name: 'What happened' }).getByText(/ wins \d+/).count() >= 1, 'the log names the winner');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
    await page.getByRole('list', { name: 'Hands' }).getByRole('listitem').first().waitFor();
    await page.getByRole('link', { name: /^Replay hand #/ }).first().click();
    await page.getByRole('button', { name: 'End', exact: true }).click();
    assert.match(await page.locator('.replay-step').innerText(), / wins? \d+/);
    await shot(page, 'play-5-replayer');
    assert.deepEqual(errors, []);
  });

  it('when a person watches a table as bots play then they never see a player\'s hole cards unless shown', async () => {
    await tableWithBots('Watched table', 3, 50);
    const { page, errors } = await newPage();
    await signInAsGuest(page, felt.url, 'Wendy');
    await openTable(page, 'Watched table (test)');
    // Every change of the felt is checked: a face-up card outside a shown hand is a leak.
    await page.evaluate(() => {
      const { document, MutationObserver } = globalThis as unknown as InPage;
      const seen = { leaks: [] as string[], faceDown: 0, hands: new Set<string>(), shown: 0 };
      (globalThis as unknown as { watch: typeof seen }).watch = seen;
      const felt = document.querySelector('.felt') as InPageElement;
      const check = (): void => {
        for (const group of felt.querySelectorAll('.seat .cards')) {
          const cards = [...group.querySelectorAll('.card')].map((card) => card.getAttribute('data-card'));
          if (cards.every((card) => card === '??')) seen.faceDown += cards.length;
          else if (group.getAttribute('data-shown') === 'true') seen.shown++;
          else seen.leaks.push(`${felt.getAttribute('data-phase')}: ${cards.join(' ')}`);
        }
        const hand = /hand #(\d+)/.exec(document.querySelector('.table-sub')?.textContent ?? '')?.[1];
        if (hand) seen.hands.add(hand);
      };
      new MutationObserver(check).observe(felt, { subtree: true, childList: true, attributes: true, characterData: true });
      check();
    });
    // Several hands, and cards in play seen face down during them.
    await page.waitForFunction(() => {
      const { watch } = globalThis as unknown as { watch: { hands: Set<string>; faceDown: number } };
      return watch.hands.size >= 4 && watch.faceDown > 0;
    }, undefined, { timeout: 60_000 });
    await shot(page, 'watch-1-face-down');
    const seen = await page.evaluate(() => {
      const w = (globalThis as unknown as { watch: { leaks: string[]; faceDown: number; hands: Set<string>; shown: number } }).watch;
      return { leaks: w.leaks, faceDown: w.faceDown, hands: w.hands.size, shown: w.shown };
    });
    assert.deepEqual(seen.leaks, []);
    assert.ok(seen.faceDown > 0, 'the watcher saw the players\' cards, face down');
    assert.equal(await page.getByRole('button', { name: 'Sit', exact: true }).count(), 1, 'a watcher is offered a seat');
    assert.deepEqual(errors, []);
  });

  it('when the connection to the table drops then the page says so, reconnects by itself and the player keeps their seat', async () => {
    const tableId = await tableWithBots('Flaky table', 2, 100);
    const { page, errors } = await newPage();
    // Every WebSocket to this table goes through a route the test can cut, as a network drop would.
    const sockets: { page: WebSocketRoute }[] = [];
    await page.routeWebSocket((url) => url.pathname.endsWith(`/${tableId}`), (ws) => {
      ws.connectToServer();
      sockets.push({ page: ws });
    });
    // A browser's WebSocket throws at once when given options instead of protocols, and the SDK relies on that to
    // tell a browser from Node; Playwright's routed WebSocket throws later. Make it throw as a browser's does.
    await page.addInitScript(() => {
      const g = globalThis as unknown as { WebSocket: new (...args: unknown[]) => unknown; DOMException: new (message: string, name: string) => Error };
      g.WebSocket = new Proxy(g.WebSocket, {
        construct(target, args) {
          const protocols = args[1];
          if (protocols !== undefined && typeof protocols !== 'string' && !Array.isArray(protocols)) throw new g.DOMException('protocols must be strings', 'SyntaxError');
          return Reflect.construct(target, args) as object;
        },
      });
    });
    await signInAsGuest(page, felt.url, 'Rita');
    await openTable(page, 'Flaky table (test)');
    await sitDown(page);
    await page.evaluate(() => {
      const { document, MutationObserver } = globalThis as unknown as InPage;
      const seen = { reconnecting: false };
      (globalThis as unknown as { drop: typeof seen }).drop = seen;
      new MutationObserver(() => {
        if (document.querySelector('.connection.reconnecting')) seen.reconnecting = true;
      }).observe(document as unknown as InPageElement, { subtree: true, childList: true });
    });
    const handBefore = Number(/hand #(\d+)/.exec(await page.locator('.table-sub').innerText())?.[1]);
    assert.equal(sockets.length, 1);
    await sockets[0].page.close({ code: 4010, reason: 'test drop' });
    await page.waitForFunction(() => (globalThis as unknown as { drop: { reconnecting: boolean } }).drop.reconnecting, undefined, { timeout: 10_000 });
    await page.locator('.connection').waitFor({ state: 'detached', timeout: 20_000 });
    assert.ok(sockets.length >= 2, 'the page opened a new connection by itself');
    await page.waitForFunction((before) => Number(/hand #(\d+)/.exec((globalThis as unknown as InPage).document.querySelector('.table-sub')?.textContent ?? '')?.[1]) > before, handBefore, { timeout: 30_000 });
    assert.equal(await page.getByRole('button', { name: 'Leave', exact: true }).count(), 1, 'still seated');
    assert.ok(await page.locator('.seat.me .card').count() > 0 || await page.locator('.seat.me').count() === 1, 'the seat is still the player\'s');
    assert.deepEqual(errors, []);
  });

  it('when the lobby and a table are opened on a phone-sized screen then everything fits its width and the actions can be reached', async () => {
    await tableWithBots('Phone table', 2, 150);
    const { page, errors } = await newPage(PHONE);
    await signInAsGuest(page, felt.url, 'Pip');
    await shot(page, 'phone-1-lobby');
    const width = (): Promise<number> => page.evaluate(() => (globalThis as unknown as InPage).document.documentElement.scrollWidth);
    assert.ok(await width() <= PHONE.width, `the lobby is ${await width()} px wide`);
    await openTable(page, 'Phone table (test)');
    await sitDown(page);
    await page.getByRole('group', { name: 'Your action' }).waitFor({ timeout: 30_000 });
    await shot(page, 'phone-2-table-my-turn');
    assert.ok(await width() <= PHONE.width, `the table is ${await width()} px wide`);
    const fold = page.getByRole('group', { name: 'Your action' }).getByRole('button', { name: 'Fold', exact: true });
    const box = await fold.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width, 'Fold is on the screen');
    await fold.click();
    assert.deepEqual(errors, []);
  });
});

// The views' code loaded when first opened (issue 21; src/app/deferred.rs): the start
// page does not fetch it, a view opened fetches its own modules only, the keyboard
// user lands on the new view's heading, and a module that cannot be fetched says so
// and loads on "Try again", with nothing else on the page lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, TarikhPage } from './pages.mjs';

let server, browser;
before(async () => {
  server = await serve('dist', '/deferred/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const MODULE = /\/tarikh-(?:split|chunk)-[\w-]+-[0-9a-f]{16}\.wasm$/;
const modules = (tab) => tab.requests.filter((u) => MODULE.test(u)).map((u) => u.split('/').pop());

test('the start page fetches no view code; opening a view fetches its modules, and the focus lands on its heading', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/', { serviceWorkers: 'block' });
  await tab.heading().filter({ hasText: 'Alash and the Basmachi revolt' }).waitFor();
  assert.deepEqual(modules(tab), [], 'the start page loaded a view module');
  // Keyboard: Tab to the nav's "Map" link and follow it.
  await tab.navLink('Map').focus();
  await tab.page.keyboard.press('Enter');
  await tab.heading().filter({ hasText: 'Map' }).waitFor();
  await tab.page.locator('main .deferred-loading').waitFor({ state: 'detached' });
  const map = modules(tab);
  assert.ok(map.some((m) => m.startsWith('tarikh-split-map-')), `the map's module was not fetched: ${map}`);
  assert.ok(!map.some((m) => m.startsWith('tarikh-split-quiz-')), 'the quiz module came with the map');
  await tab.page.waitForFunction(() => document.activeElement?.matches('main h1'));
  // Back to the start page and to the map again: nothing fetched twice.
  await tab.page.goBack();
  await tab.heading().filter({ hasText: 'Alash and the Basmachi revolt' }).waitFor();
  await tab.page.goForward();
  await tab.heading().filter({ hasText: 'Map' }).waitFor();
  assert.equal(modules(tab).length, map.length, 'a module was fetched again');
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('a view whose code cannot be fetched says so, keeps the page, and loads on "Try again"', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  let blocked = true;
  await context.route(MODULE, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
  const tab = new TarikhPage(await context.newPage(), server.url);
  await tab.goto('#/');
  await tab.navLink('Quiz').click();
  const alert = tab.page.getByRole('alert').filter({ hasText: 'could not be loaded' });
  await alert.waitFor();
  assert.equal(await tab.page.locator('#panic').isVisible(), false, 'the panic panel showed');
  assert.equal(await tab.heading().count(), 1);
  // The rest of the app still works: the header search and the start page.
  await tab.navLink('About').click();
  await tab.heading().waitFor();
  await tab.page.goBack();
  await alert.waitFor();
  blocked = false;
  await tab.page.getByRole('button', { name: 'Try again' }).click();
  await tab.heading().filter({ hasText: 'Quiz' }).waitFor();
  await tab.page.getByRole('button', { name: /Start|Make/ }).first().waitFor();
  await tab.close();
});

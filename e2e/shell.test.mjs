// The walking skeleton, end to end: the release build in dist/, served by a plain
// static server under a sub-path, driven in Debian's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve } from './server.mjs';
import { launch, TarikhPage } from './pages.mjs';

const SUB_PATH = '/history/tarikh/';
let server, browser;

before(async () => {
  server = await serve('dist', SUB_PATH);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const VIEWS = [
  // The start page (#/) belongs to no section of the navigation.
  { hash: '', heading: 'Alash and the Basmachi revolt', nav: null, title: 'Start — Tarikh' },
  { hash: '#/', heading: 'Alash and the Basmachi revolt', nav: null, title: 'Start — Tarikh' },
  { hash: '#/timeline', heading: 'Timeline', nav: 'Timeline', title: 'Timeline — Tarikh' },
  { hash: '#/people', heading: 'People', nav: 'People', title: 'People — Tarikh' },
  { hash: '#/quiz', heading: 'Quiz', nav: 'Quiz', title: 'Quiz — Tarikh' },
  { hash: '#/about', heading: 'About Tarikh', nav: 'About', title: 'About — Tarikh' },
];

for (const v of VIEWS) {
  test(`deep link ${SUB_PATH}${v.hash || '(home)'} opens the ${v.nav ?? 'start'} view in a fresh browser`, async () => {
    const tab = await TarikhPage.open(browser, server.url, v.hash);
    await assert.doesNotReject(tab.heading().filter({ hasText: v.heading }).waitFor());
    assert.equal(await tab.page.locator('main').count(), 1, 'one <main>');
    assert.equal(await tab.heading().count(), 1, 'one <h1>');
    if (v.nav) assert.equal(await tab.currentNav().innerText(), v.nav);
    else assert.equal(await tab.currentNav().count(), 0, 'no section marked current');
    assert.equal(await tab.page.title(), v.title);
    assert.deepEqual(tab.errors, [], 'console errors');
    assert.deepEqual(tab.failed, [], 'failed requests (a missing favicon would show here)');
    const foreign = tab.requests.filter((u) => !u.startsWith(server.origin + SUB_PATH) && !u.startsWith('data:'));
    assert.deepEqual(foreign, [], 'requests outside the app');
    await tab.close();
  });
}

test('nav links switch views; Back and Forward restore them', async () => {
  const tab = await TarikhPage.open(browser, server.url);
  for (const name of ['People', 'Quiz', 'About', 'Timeline']) {
    await tab.navLink(name).click();
    await tab.currentNav().filter({ hasText: name }).waitFor();
  }
  await tab.page.goBack();
  await tab.heading().filter({ hasText: 'About Tarikh' }).waitFor();
  await tab.page.goBack();
  await tab.heading().filter({ hasText: 'Quiz' }).waitFor();
  await tab.page.goForward();
  await tab.heading().filter({ hasText: 'About Tarikh' }).waitFor();
  assert.match(tab.page.url(), /#\/about$/);
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('keyboard only: Tab reaches the skip link and the nav, Enter follows a link', async () => {
  const tab = await TarikhPage.open(browser, server.url);
  await tab.page.keyboard.press('Tab');
  assert.equal(await tab.page.evaluate(() => document.activeElement.textContent), 'Skip to content');
  await tab.page.keyboard.press('Enter');
  assert.equal(await tab.page.evaluate(() => document.activeElement.tagName), 'H1');
  assert.match(tab.page.url(), /\/history\/tarikh\/$/, 'the skip link does not change the route');
  await tab.navLink('People').focus();
  await tab.page.keyboard.press('Enter');
  await tab.heading().filter({ hasText: 'People' }).waitFor();
  assert.equal(await tab.page.evaluate(() => document.activeElement.textContent), 'People',
    'focus moves to the new view heading');
  await tab.close();
});

test('an unknown address shows a friendly not-found view with a way home', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/no/such/place');
  await tab.heading().filter({ hasText: 'Not found' }).waitFor();
  assert.match(await tab.page.locator('main').innerText(), /no\/such\/place/);
  await tab.page.getByRole('link', { name: 'Go to the timeline' }).click();
  await tab.heading().filter({ hasText: 'Timeline' }).waitFor();
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('a panic shows a visible recovery message with a link that reloads the app', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/people');
  await tab.panicAndRecover();
  await tab.close();
});

test('the release build uses relative asset URLs and only the sub-path is served', async () => {
  const html = await readFile('dist/index.html', 'utf8');
  assert.doesNotMatch(html, /(href|src)="\//, 'absolute asset URL in dist/index.html');
  const outside = await fetch(server.origin + '/index.html');
  assert.equal(outside.status, 404, 'the server must not serve the app outside the sub-path');
});

// The hosted index.html carries a snapshot of the default view, the start page
// (#/: the orientation, key events and people, tours; scripts/prerender.mjs),
// painted before the wasm runs; the app replaces it when it starts. What a reader
// would notice: the start page at first paint (even without JavaScript), never it
// at another address (the timeline included), nothing moving or lost when the app
// takes over, and no dead control left once it has.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve } from './server.mjs';
import { launch, TarikhPage, TimelinePage } from './pages.mjs';

let server, browser;
before(async () => {
  server = await serve('dist', '/pre/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const live = (page) => page.locator('html[data-app="live"]').waitFor({ state: 'attached' });
/** The start page's parts of the orientation that are visible: their headings. */
const visibleParts = (page) => page.evaluate(() =>
  [...document.querySelectorAll('section.intro-part')].filter((c) => c.checkVisibility()).map((c) => c.querySelector('h2').textContent));
const visibleCards = (page) => page.evaluate(() =>
  [...document.querySelectorAll('li.card')].filter((c) => c.checkVisibility()).map((c) => c.querySelector('h3').textContent));
const visibleText = (page, selector) => page.evaluate((s) => document.querySelector(s).innerText, selector);
const START = 'Alash and the Basmachi revolt, 1891–1937';

/** A page whose wasm is held back until `release()`: what the reader sees before the app runs. */
async function held({ width = 1280, hash = '#/', init } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  if (init) await page.addInitScript(init);
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route(/_bg\.wasm$/, async (route) => { await gate; await route.continue(); });
  await page.goto(server.url + hash);
  return { page, errors, release, close: () => context.close() };
}

test('with JavaScript off, the hosted page shows the start page, its orientation and its links', async () => {
  for (const width of [375, 1280]) {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.url);
    assert.equal(await page.locator('main h1').filter({ visible: true }).innerText(), START);
    const parts = await visibleParts(page);
    assert.ok(parts.length >= 5, `${width} px: ${parts.length} parts of the orientation`);
    assert.ok(parts.includes('How the two relate'));
    const links = await page.locator('.key-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(links.length >= 20, `${links.length} links to the key events and people`);
    for (const href of links) assert.match(href, /^#\/(events|people)\/[a-z0-9-]+$/);
    assert.equal(await page.locator('.next-steps a[href="#/timeline"]').count(), 1, 'the timeline one link away');
    assert.match(await visibleText(page, 'body'), /Tarikh needs JavaScript/, 'the <noscript> note stays');
    assert.doesNotMatch(await visibleText(page, 'body'), /Loading…/);
    assert.equal(await page.locator('main[aria-busy="true"]').count(), 1);
    const live = await page.locator('input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])').count();
    assert.equal(live, 0, 'no control that would do nothing');
    if (width === 1280) {
      // A key event's link is a plain link: it leads, with JavaScript, to that event's page.
      const first = page.locator('.key-list a').first();
      const title = await first.innerText();
      await first.click();
      assert.equal(new URL(page.url()).hash, links[0]);
      const tab = await TarikhPage.open(browser, server.url, links[0]);
      await tab.heading().filter({ hasText: title }).waitFor();
      await tab.close();
    }
    await context.close();
  }
});

test('any address but the start shows the loading shell, never the start page, until the app shows its view', async () => {
  // Every animation frame before the app is live: was a part of the orientation visible?
  const probe = () => {
    window.sawStart = false;
    const seen = () => [...document.querySelectorAll('section.intro-part')].some((c) => c.checkVisibility());
    const tick = () => {
      if (document.documentElement.dataset.app === 'live') return;
      if (seen()) window.sawStart = true;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    addEventListener('DOMContentLoaded', () => { if (seen()) window.sawStart = true; });
  };
  const views = [['#/timeline', 'Timeline'], ['#/people', 'People'], ['#/timeline?q=bukeikhan', 'Timeline'],
    ['#/?q=bukeikhan', 'Timeline'], ['#/events/bukeikhan-arrested-1922', /arrested/], ['#/about', 'About Tarikh'],
    ['#/tours/fall-of-khiva', 'The fall of the Khiva khanate'], ['#/no/such/view', 'Not found']];
  for (const [hash, heading] of views) {
    const tab = await held({ hash, width: 375, init: probe });
    await tab.page.locator('p.loading').waitFor({ state: 'visible' });
    assert.deepEqual(await visibleParts(tab.page), [], `${hash}: no start page before the app runs`);
    assert.equal(await tab.page.locator('main h1').filter({ visible: true }).innerText(), 'Tarikh');
    tab.release();
    await live(tab.page);
    await tab.page.locator('main h1').filter({ hasText: heading }).waitFor();
    assert.equal(await tab.page.evaluate(() => window.sawStart), false, `${hash}: the start page was painted before the view`);
    assert.deepEqual(tab.errors, []);
    await tab.close();
  }
  // The start, however it is written, shows the snapshot.
  for (const hash of ['', '#/', '#', '#!/']) {
    const tab = await held({ hash });
    await tab.page.locator('section.intro-part').first().waitFor({ state: 'visible' });
    assert.ok((await visibleParts(tab.page)).length >= 5, `${hash || '(none)'}: the snapshot`);
    await tab.close();
  }
});

test('a link followed before the app runs shows the loading shell, then that view', async () => {
  const tab = await held();
  const link = tab.page.locator('.key-list a').nth(2);
  const title = await link.innerText();
  await link.click();
  await tab.page.locator('p.loading').waitFor({ state: 'visible' });
  assert.deepEqual(await visibleParts(tab.page), []);
  tab.release();
  await live(tab.page);
  await tab.page.locator('main h1').filter({ hasText: title }).waitFor();
  // The timeline, one link away from the start, before the app runs too.
  const again = await held();
  await again.page.locator('.next-steps a[href="#/timeline"]').click();
  await again.page.locator('p.loading').waitFor({ state: 'visible' });
  again.release();
  await live(again.page);
  await again.page.locator('main h1').filter({ hasText: 'Timeline' }).waitFor();
  assert.equal((await visibleCards(again.page)).length, 20);
  await tab.close();
  await again.close();
});

test('the skip link works before the app runs, and the app then starts on the start page', async () => {
  const tab = await held();
  await tab.page.keyboard.press('Tab');
  assert.equal(await tab.page.evaluate(() => document.activeElement.textContent), 'Skip to content');
  await tab.page.keyboard.press('Enter');
  assert.ok((await visibleParts(tab.page)).length >= 5, 'still the start page');
  tab.release();
  await live(tab.page);
  await tab.page.locator('main h1').filter({ hasText: START }).waitFor();
  assert.ok((await visibleParts(tab.page)).length >= 5);
  await tab.close();
});

/** Where the landmarks of the start page are (document coordinates, whole pixels). */
const boxes = (page) => page.evaluate(() => {
  const at = (e) => {
    const r = e.getBoundingClientRect();
    return [r.left, r.top + scrollY, r.width, r.height].map(Math.round).join(' ');
  };
  const parts = document.querySelectorAll('section.intro-part');
  return Object.fromEntries(Object.entries({
    header: 'header.site-header', h1: 'main h1', next: 'nav.next-steps', keys: '.key-list', tours: 'ul.tours', footer: 'footer',
  }).map(([k, s]) => [k, at([...document.querySelectorAll(s)].find((e) => e.checkVisibility()))])
    .concat([['first part', at(parts[0])], ['last part', at(parts[parts.length - 1])]]));
});

test('the app takes over the snapshot seamlessly: same text, nothing moves, the place kept', async () => {
  const cls = () => {
    window.shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  };
  for (const width of [375, 1280]) {
    const tab = await held({ width, init: cls });
    await tab.page.locator('section.intro-part').first().waitFor({ state: 'visible' });
    const before = { text: await visibleText(tab.page, '#app'), parts: await visibleParts(tab.page), boxes: await boxes(tab.page) };
    await tab.page.evaluate(() => window.scrollTo(0, 1500));
    tab.release();
    await live(tab.page);
    await tab.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300)))));
    const after = { text: await visibleText(tab.page, '#app'), parts: await visibleParts(tab.page), boxes: await boxes(tab.page) };
    assert.ok(before.parts.length >= 5);
    assert.deepEqual(after.parts, before.parts, `${width} px: the same parts in the same order`);
    assert.equal(after.text, before.text, `${width} px: the same text on screen`);
    assert.equal(await tab.page.evaluate(() => Math.round(scrollY)), 1500, `${width} px: the reader's place is kept`);
    // The app replaces every node, and the Layout Instability API counts only nodes
    // that move, so it is blind to this takeover: the boxes tell.
    assert.deepEqual(after.boxes, before.boxes, `${width} px: everything stays where it was`);
    const shift = await tab.page.evaluate(() => window.shift);
    assert.ok(shift < 0.1, `${width} px: layout shift ${shift} from load to live`);
    assert.equal(await tab.page.locator('main[aria-busy]').count(), 0, 'main is no longer busy');
    assert.deepEqual(tab.errors, []);
    await tab.close();
  }
});

test('a keyboard reader who tabbed into the snapshot keeps the focus on the same link when the app starts', async () => {
  const tab = await held();
  const link = tab.page.locator('.key-list a').nth(1);
  await link.focus();
  await tab.page.keyboard.press('Tab'); // the next link: the next key event
  const before = await tab.page.evaluate(() => [document.activeElement.getAttribute('href'), document.activeElement.textContent]);
  assert.match(before[0], /^#\/events\//);
  tab.release();
  await live(tab.page);
  assert.deepEqual(await tab.page.evaluate(() => [document.activeElement.getAttribute('href'), document.activeElement.textContent]), before);
  await tab.close();
});

test('once the app is live no control is left disabled but the ones it disables, and search works', async () => {
  const start = await TarikhPage.open(browser, server.url);
  assert.deepEqual(await start.page.locator(':disabled').count(), 0, 'nothing disabled on the start page');
  await start.close();
  const tab = await TimelinePage.open(browser, server.url);
  const disabled = await tab.page.locator(':disabled').evaluateAll((es) => es.map((e) => e.textContent));
  assert.deepEqual(disabled, ['← Earlier'], 'only "Earlier" on the first page');
  const before = await tab.count().innerText();
  await tab.search().fill('bukeikhan');
  await tab.countChangesFrom(before);
  await tab.close();
});

test('the service worker precaches every file the hosted index.html loads', async () => {
  const html = await readFile('dist/index.html', 'utf8');
  const sw = await readFile('dist/sw.js', 'utf8');
  const assets = JSON.parse(sw.match(/const ASSETS = (\[[^\]]*\])/)[1]);
  const used = [...html.matchAll(/<(?:script|link)[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1])
    .map((u) => (u.startsWith('./') ? u : `./${u}`));
  assert.ok(used.some((u) => /^\.\/shell-[0-9a-f]{16}\.js$/.test(u)), 'index.html loads shell-<hash>.js');
  for (const u of used) assert.ok(assets.includes(u), `${u} is not precached`);
  assert.ok(assets.includes('./index.html'));
});

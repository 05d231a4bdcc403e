// The dataset as a reader meets it: the About view's sources and disputes, each
// dispute's claims side by side, and event pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, TarikhPage } from './pages.mjs';

let server, browser;
before(async () => {
  server = await serve('dist', '/tarikh/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('About lists the five sources with their details and how many events cite each', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/about');
  const sources = tab.page.locator('li.source');
  assert.equal(await sources.count(), 5);
  const titles = await sources.locator('h3').allInnerTexts();
  assert.ok(titles.some((t) => t.includes('Alash Autonomy')));
  assert.ok(titles.some((t) => t.includes('Moscow Cage')));
  assert.ok(titles.some((t) => t.includes('Basmachi movement')));
  assert.match(await sources.nth(2).innerText(), /Sultan-Khan Akkuly/);
  for (const text of await sources.locator('.cited-by').allInnerTexts()) {
    const [, events] = text.match(/^(\d+) events/) ?? [];
    assert.ok(Number(events) > 0, `a source cited by no event: ${text}`);
  }
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('every dispute linked from About opens with each claim, its source and paragraph', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/about');
  const counts = await tab.page.locator('p.counts').innerText();
  const expected = Number(counts.match(/(\d+) disputes/)[1]);
  assert.ok(expected >= 20, `only ${expected} disputes`);
  const links = await tab.page.locator('ul.disputes a').evaluateAll((as) =>
    as.map((a) => ({ href: a.getAttribute('href'), title: a.textContent })));
  assert.equal(links.length, expected, 'About links to every dispute');
  for (const { href, title } of links) {
    await tab.page.evaluate((h) => { location.hash = h; }, href);
    await tab.heading().filter({ hasText: title }).waitFor();
    const claims = tab.page.locator('li.claim');
    assert.ok(await claims.count() >= 1, `${href} has no claim`);
    for (const cite of await claims.locator('cite').allInnerTexts()) {
      assert.match(cite, /¶ \d+/, `${href}: a claim citation without a paragraph`);
    }
  }
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('the 1922 arrest dispute shows both dates side by side, with their sources', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/disputes/arrest-1922-date');
  const claims = await tab.page.locator('li.claim').allInnerTexts();
  assert.ok(claims.some((c) => c.includes('10 Oct 1922')));
  assert.ok(claims.some((c) => c.includes('14 Oct 1922')));
  // The event it touches is dated at the precision the sources agree on, and links back.
  await tab.page.getByRole('link', { name: /arrested/ }).first().click();
  await tab.page.locator('.disputed-note').waitFor();
  assert.match(await tab.page.locator('.kicker').innerText(),
    /^Oct 1922 — sources give 10 Oct 1922 and 14 Oct 1922/);
  await tab.close();
});

test('unknown event and dispute ids show a friendly not-found view', async () => {
  for (const hash of ['#/events/no-such-event', '#/disputes/no-such-dispute']) {
    const tab = await TarikhPage.open(browser, server.url, hash);
    await tab.heading().filter({ hasText: 'Not found' }).waitFor();
    assert.deepEqual(tab.errors, []);
    await tab.close();
  }
});

// The timeline end to end: alias-aware search, facets, URL state, Back/Forward,
// keyboard-only use, bad links.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, TimelinePage } from './pages.mjs';

let server, browser;
before(async () => {
  server = await serve('dist', '/history/tarikh/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('typing filters at once; the link opened in a fresh browser shows the same events', async () => {
  const tab = await TimelinePage.open(browser, server.url);
  const all = await tab.countNumber();
  assert.ok(all >= 150, `only ${all} events`);
  const before = await tab.count().innerText();
  await tab.search().pressSequentially('Bokeikhanov');
  await tab.countChangesFrom(before);
  const n = await tab.countNumber();
  assert.ok(n > 10 && n < all, `${n} events for Bokeikhanov`);
  // The address bar follows a burst of typing a moment later (one history write).
  await tab.page.waitForFunction(() => /q=Bokeikhanov$/.test(location.hash));
  const titles = await tab.cardTitles();
  const fresh = await TimelinePage.open(browser, server.url, tab.query());
  assert.equal(await fresh.countNumber(), n);
  assert.deepEqual(await fresh.cardTitles(), titles);
  assert.equal(await fresh.search().inputValue(), 'Bokeikhanov');
  assert.deepEqual([...tab.errors, ...fresh.errors], []);
  // The page stays light: 800 elements besides the time axis, whose chart is
  // bounded on its own (1,500 whatever the data size, issue 14).
  const [nodes, chart] = await tab.page.evaluate(() => [
    document.body.querySelectorAll('*').length,
    document.querySelectorAll('.axis-chart *').length,
  ]);
  assert.ok(nodes - chart <= 800, `${nodes - chart} DOM nodes in the body besides the chart (budget 800)`);
  assert.ok(chart <= 1500, `${chart} elements in the chart (budget 1,500)`);
  await tab.close();
  await fresh.close();
});

test('every spelling of Bukeikhan, in any case and with diacritics, finds the same events', async () => {
  const counts = [];
  for (const q of ['Bukeikhan', 'bokeikhan', 'BUKEIKHANOV', 'Bökeikhan', 'Bukeikhanuly']) {
    const tab = await TimelinePage.open(browser, server.url, `#/timeline?q=${encodeURIComponent(q)}`);
    counts.push(await tab.countNumber());
    await tab.close();
  }
  assert.ok(counts[0] > 10);
  assert.deepEqual(new Set(counts).size, 1, `different counts: ${counts}`);
});

test('typing makes one history entry; Back and Forward restore earlier states', async () => {
  const tab = await TimelinePage.open(browser, server.url);
  const all = await tab.count().innerText();
  await tab.search().pressSequentially('alash');
  await tab.countChangesFrom(all);
  const typed = await tab.count().innerText();
  await tab.page.getByRole('checkbox', { name: /^Soviet repression/ }).check();
  await tab.countChangesFrom(typed);
  assert.match(tab.query(), /q=alash&strand=repression/);
  await tab.page.goBack();
  await tab.page.waitForFunction(() => location.hash === '#/timeline?q=alash');
  assert.equal(await tab.count().innerText(), typed);
  assert.equal(await tab.page.getByRole('checkbox', { name: /^Soviet repression/ }).isChecked(), false);
  await tab.page.goBack();
  await tab.page.waitForFunction(() => !location.hash.includes('q='));
  await tab.page.waitForFunction((a) => document.querySelector('[role=status]').textContent === a, all);
  assert.equal(await tab.search().inputValue(), '');
  await tab.page.goForward();
  await tab.page.waitForFunction(() => location.hash === '#/timeline?q=alash');
  assert.equal(await tab.search().inputValue(), 'alash');
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('facets show counts, combine, and an empty result offers to clear the filter that emptied it', async () => {
  const tab = await TimelinePage.open(browser, server.url, '#/timeline?q=bukeikhan&strand=khiva');
  assert.equal(await tab.countNumber(), 0);
  const offer = tab.page.getByRole('button', { name: /^Clear the strand filter \((\d+) events\)/ });
  const expected = Number((await offer.innerText()).match(/\((\d+) events\)/)[1]);
  await offer.click();
  await tab.page.waitForFunction(() => !location.hash.includes('strand='));
  assert.equal(await tab.countNumber(), expected);
  // A facet's count is what checking it gives.
  const label = tab.page.locator('label[for^="f-source-"]').first();
  const count = Number((await label.innerText()).match(/\((\d+)\)/)[1]);
  await label.click();
  await tab.page.waitForFunction(() => location.hash.includes('source='));
  assert.equal(await tab.countNumber(), count);
  await tab.close();
});

test('keyboard only: search and tick a filter', async () => {
  const tab = await TimelinePage.open(browser, server.url);
  // From the top of the page: the skip link, then on into the content to the search box.
  await tab.page.keyboard.press('Tab');
  await tab.page.keyboard.press('Enter');
  let at = '';
  for (let i = 0; i < 10 && at !== 'q'; i++) {
    await tab.page.keyboard.press('Tab');
    at = await tab.page.evaluate(() => document.activeElement.id);
  }
  assert.equal(at, 'q', 'the search box is a few Tabs after the skip link');
  await tab.page.keyboard.type('Kokand');
  await tab.page.waitForFunction(() => location.hash.includes('q=Kokand'));
  const n = await tab.countNumber();
  assert.ok(n > 0);
  // Tab on to the first Strand checkbox and tick it with Space.
  let label = '';
  for (let i = 0; i < 80 && !label.startsWith('f-strand'); i++) {
    await tab.page.keyboard.press('Tab');
    label = await tab.page.evaluate(() => document.activeElement.id);
  }
  assert.match(label, /^f-strand-/, 'a strand checkbox is reachable with Tab');
  await tab.page.keyboard.press('Space');
  await tab.page.waitForFunction(() => location.hash.includes('strand='));
  assert.ok(await tab.countNumber() <= n);
  await tab.close();
});

test('a broken link is understood as far as possible, with a notice and no crash', async () => {
  const tab = await TimelinePage.open(browser, server.url,
    '#/timeline?from=abc&person=nobody,alikhan-bukeikhan&colour=red&q=%E2%28%A1');
  const notice = tab.page.locator('.notice-small');
  await notice.waitFor();
  const text = await notice.innerText();
  assert.match(text, /from=abc/);
  assert.match(text, /nobody/);
  assert.match(text, /colour/);
  assert.ok(await tab.countNumber() >= 0);
  assert.equal(await tab.page.locator('.chip').count(), 1, 'the known person is kept');
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('an event card links to its page, its people and its dispute', async () => {
  const tab = await TimelinePage.open(browser, server.url, '#/timeline?disputed=1&person=alikhan-bukeikhan');
  const card = tab.cards().first();
  assert.ok(await card.locator('.disputed-mark a').count() >= 1, 'disputed events are marked');
  assert.ok(await card.locator('cite').count() >= 1, 'cards cite their sources');
  const title = await card.locator('h3').innerText();
  await card.locator('h3 a').click();
  await tab.heading().filter({ hasText: title }).waitFor();
  await tab.page.goBack();
  await tab.count().waitFor();
  assert.match(tab.query(), /disputed=1/);
  await tab.close();
});

test('results come a page at a time; Later and Earlier move through them', async () => {
  const tab = await TimelinePage.open(browser, server.url);
  const pager = tab.page.getByRole('navigation', { name: 'Pages of events' });
  assert.match(await pager.innerText(), /^← Earlier\s+Page 1 of \d+\s+Later →$/);
  const first = await tab.cardTitles();
  assert.equal(first.length, 20);
  await pager.getByRole('button', { name: 'Later →' }).click();
  await tab.page.waitForFunction(() => location.hash.includes('page=2'));
  assert.match(await pager.innerText(), /Page 2 of/);
  const second = await tab.cardTitles();
  assert.notDeepEqual(second, first);
  await tab.page.goBack();
  await tab.page.waitForFunction(() => !location.hash.includes('page='));
  assert.deepEqual(await tab.cardTitles(), first);
  assert.equal(await pager.getByRole('button', { name: '← Earlier' }).isDisabled(), true);
  await tab.close();
});

test('a card opened straight after typing: Back returns to the whole query typed', async () => {
  const tab = await TimelinePage.open(browser, server.url);
  const before = await tab.count().innerText();
  await tab.search().pressSequentially('Kokand', { delay: 0 });
  await tab.countChangesFrom(before);
  await tab.page.waitForFunction(() => [...document.querySelectorAll('[role=status]')].some((s) => /\d+ events match/.test(s.textContent)));
  // Within the moment before the address bar is written, open the first card.
  const title = (await tab.cardTitles())[0];
  await tab.cards().first().locator('h3 a').click();
  await tab.page.getByRole('heading', { level: 1, name: title }).waitFor();
  await tab.page.goBack();
  await tab.page.waitForFunction(() => location.hash === '#/timeline?q=Kokand');
  assert.equal(await tab.search().inputValue(), 'Kokand');
  assert.equal((await tab.cardTitles())[0], title);
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('a click on a bar of the chart chooses that year', async () => {
  const tab = await TimelinePage.open(browser, server.url);
  const svg = tab.page.locator('.axis svg');
  await svg.scrollIntoViewIfNeeded(); // under the time axis
  const box = await svg.boundingBox();
  // The chart draws one 20-unit column per year from 1891 in a 940-unit-wide box.
  const year = 1917;
  const x = box.x + ((year - 1891) * 20 + 10) / 940 * box.width;
  const y = box.y + 80 / 146 * box.height;
  await tab.page.mouse.click(x, y);
  await tab.page.waitForFunction(() => location.hash.includes('from=1917'));
  assert.match(tab.query(), /from=1917&to=1917/);
  assert.equal(await tab.page.locator('#from').inputValue(), '1917');
  const fresh = await TimelinePage.open(browser, server.url, '#/timeline?from=1917&to=1917');
  assert.equal(await tab.countNumber(), await fresh.countNumber());
  assert.deepEqual(await tab.cardTitles(), await fresh.cardTitles());
  await fresh.close();
  await tab.close();
});

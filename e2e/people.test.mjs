// People end to end: the index (alias-aware search, filters, sort, pages, the link
// as its state), person pages (names and their sources, life dates, relations both
// ways, appears-with, disputes), cross-links, bad ids, keyboard-only use, DOM size.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, PeoplePage, PersonPage, TarikhPage, TimelinePage } from './pages.mjs';

let server, browser;
before(async () => {
  server = await serve('dist', '/school/tarikh/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Elements in <body>, as Lighthouse's DOM-size audit counts them. */
const domSize = (tab) => tab.page.evaluate(() => document.body.querySelectorAll('*').length);

test('a person page opened by deep link in a fresh browser shows names with their sources and unknown life dates', async () => {
  const tab = await PersonPage.open(browser, server.url, 'alikhan-bukeikhan');
  await tab.heading().filter({ hasText: 'Alikhan Bukeikhan' }).waitFor();
  assert.equal(await tab.heading().count(), 1, 'one <h1>');
  assert.equal(await tab.heading().innerText(), 'Alikhan Bukeikhan');
  assert.equal(await tab.page.title(), 'Alikhan Bukeikhan — Tarikh');
  assert.equal(await tab.currentNav().innerText(), 'People');

  const variants = await tab.variants();
  const by = Object.fromEntries(variants.map((v) => [v.name.replace(' (canonical)', ''), v.sources]));
  assert.ok(variants.length >= 10, `${variants.length} spellings`);
  assert.match(by.Bokeikhanov, /Alash Autonomy/, 'which source uses “Bokeikhanov”');
  assert.match(by.Bokeikhanov, /Moscow Cage/);
  assert.match(by['A. Bukeikhanov'], /stages of the Alash party/);
  assert.doesNotMatch(by['A. Bukeikhanov'], /Moscow Cage/, 'only the sources that use it');
  assert.ok(variants.some((v) => v.name === 'Alikhan Bukeikhan (canonical)'));
  assert.ok((await tab.epithets()).includes('Qyr Balası (pen name)'));

  // No source gives his birth: "unknown", never a guess. His death is cited.
  assert.equal(await tab.fact('Born').innerText(), 'unknown');
  const died = await tab.fact('Died').innerText();
  assert.match(died, /^27 Sep 1937/);
  assert.match(died, /¶ 230–231/);

  // Roles with dates and citations; relations both ways; appears-with counts; disputes.
  assert.ok(await tab.page.locator('ul.roles li').filter({ hasText: 'Chairman of Alash Orda' }).count() === 1);
  assert.match(await tab.relation('Smakhan Tore').innerText(), /^SIBLING[\s\S]*younger brother[\s\S]*¶ 47/i);
  assert.match(await tab.appearsWith().first().innerText(), /\(\d+ events?\)/);
  assert.ok(await tab.disputes().count() >= 5);
  assert.deepEqual(tab.errors, []);
  assert.deepEqual(tab.failed, []);
  await tab.close();
});

test('the mini-timeline links to events and into the timeline filtered to the person', async () => {
  const tab = await PersonPage.open(browser, server.url, 'alikhan-bukeikhan');
  const stated = Number((await tab.fact('Events').innerText()).match(/^(\d+)/)[1]);
  assert.ok(stated > 12, `${stated} events`);
  assert.equal(await tab.miniTimeline().count(), 12, 'a long list starts short');
  await tab.page.getByRole('button', { name: `Show all ${stated} events` }).click();
  assert.equal(await tab.miniTimeline().count(), stated);
  const first = tab.miniTimeline().first().getByRole('link');
  const title = await first.innerText();
  await first.click();
  await tab.heading().filter({ hasText: title }).waitFor();
  await tab.page.goBack();
  await tab.heading().filter({ hasText: 'Alikhan Bukeikhan' }).waitFor();
  await tab.page.getByRole('link', { name: /Show these \d+ events on the timeline/ }).click();
  await tab.page.waitForFunction(() => location.hash === '#/timeline?person=alikhan-bukeikhan');
  const timeline = new TimelinePage(tab.page, server.url);
  await timeline.count().waitFor();
  assert.equal(await timeline.countNumber(), stated);
  await tab.close();
});

test('event → person → related person → Back returns to the first person', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/events/bukeikhan-arrested-1922');
  await tab.page.locator('dl.facts').getByRole('link', { name: 'Alikhan Bukeikhan', exact: true }).click();
  await tab.heading().filter({ hasText: 'Alikhan Bukeikhan' }).waitFor();
  assert.match(tab.page.url(), /#\/people\/alikhan-bukeikhan$/);
  const person = new PersonPage(tab.page, server.url);
  await person.relation('Smakhan Tore').getByRole('link', { name: 'Smakhan Tore' }).click();
  await tab.heading().filter({ hasText: 'Smakhan Tore' }).waitFor();
  // The relation is recorded on Bukeikhan; his brother's page shows it from his side.
  assert.match(await person.relation('Alikhan Bukeikhan').innerText(), /^SIBLING/i);
  await tab.page.goBack();
  await tab.heading().filter({ hasText: 'Alikhan Bukeikhan' }).waitFor();
  assert.match(tab.page.url(), /#\/people\/alikhan-bukeikhan$/);
  await tab.page.goBack();
  await tab.heading().filter({ hasText: /arrested/ }).waitFor();
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('searching the index for “Bokeikhanov” finds Alikhan Bukeikhan and opens his page', async () => {
  const tab = await PeoplePage.open(browser, server.url);
  const all = await tab.countNumber();
  assert.ok(all >= 80, `only ${all} people`);
  const before = await tab.count().innerText();
  await tab.search().pressSequentially('Bokeikhanov');
  await tab.countChangesFrom(before);
  await tab.page.waitForFunction(() => location.hash === '#/people?q=Bokeikhanov');
  const n = await tab.countNumber();
  assert.ok(n >= 1 && n < all, `${n} people for Bokeikhanov`);
  assert.match(await tab.resolved().innerText(), /“Bokeikhanov” is a name of Alikhan Bukeikhan/);
  assert.match(await tab.entry('Alikhan Bukeikhan').innerText(), /Found as “Bokeikhanov”/);
  const found = await tab.names();
  // Any other spelling finds the same people.
  const other = await PeoplePage.open(browser, server.url, '#/people?q=Bukeikhan');
  assert.deepEqual(await other.names(), found);
  await other.close();

  await tab.entry('Alikhan Bukeikhan').getByRole('link', { name: 'Alikhan Bukeikhan' }).click();
  await tab.heading().filter({ hasText: 'Alikhan Bukeikhan' }).waitFor();
  await tab.page.goBack();
  await tab.count().waitFor();
  assert.equal(await tab.search().inputValue(), 'Bokeikhanov');
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('the index state lives in the link: typing makes one entry, filters and sort push, Back restores', async () => {
  const tab = await PeoplePage.open(browser, server.url);
  const all = await tab.count().innerText();
  await tab.search().pressSequentially('khan');
  await tab.countChangesFrom(all);
  const typed = await tab.count().innerText();
  await tab.page.getByRole('checkbox', { name: /^The Khiva khanate/ }).check();
  await tab.countChangesFrom(typed);
  await tab.sort().selectOption('first');
  await tab.page.waitForFunction(() => location.hash.includes('sort=first'));
  assert.equal(tab.query(), '#/people?q=khan&strand=khiva&sort=first');
  const filtered = await tab.names();
  // The same link in a fresh browser shows the same list in the same order.
  const fresh = await PeoplePage.open(browser, server.url, tab.query());
  assert.deepEqual(await fresh.names(), filtered);
  assert.equal(await fresh.sort().inputValue(), 'first');
  await fresh.close();
  await tab.page.goBack();
  await tab.page.waitForFunction(() => location.hash === '#/people?q=khan&strand=khiva');
  await tab.page.goBack();
  await tab.page.waitForFunction(() => location.hash === '#/people?q=khan');
  assert.equal(await tab.count().innerText(), typed);
  await tab.page.goBack();
  await tab.page.waitForFunction(() => !location.hash.includes('q='));
  assert.equal(await tab.search().inputValue(), '');
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('sorting by name and by first appearance; pages hold the rest', async () => {
  // The index opens by importance (e2e/start.test.mjs); sort=name is the order by name.
  const tab = await PeoplePage.open(browser, server.url, '#/people?sort=name');
  const names = await tab.names();
  assert.equal(names.length, 25, 'one page of people');
  // Case, accents and punctuation aside ("A.N. Khristoforov" files as "a n khristoforov").
  const folded = names.map((n) => n.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim());
  assert.deepEqual([...folded].sort(), folded, 'alphabetical');
  await tab.page.getByRole('button', { name: 'Next →' }).click();
  await tab.page.waitForFunction(() => location.hash === '#/people?sort=name&page=2');
  assert.notDeepEqual(await tab.names(), names);
  await tab.sort().selectOption('first');
  await tab.page.waitForFunction(() => location.hash === '#/people?sort=first');
  const years = await tab.entries().locator('.muted').allInnerTexts();
  const firstYears = years.map((t) => Number(t.match(/(1[89]\d\d)/)?.[1]));
  assert.ok(firstYears.every((y) => y > 1800), `${years}`);
  assert.deepEqual([...firstYears].sort((a, b) => a - b), firstYears, 'earliest first');
  await tab.close();
});

test('an unknown person id shows not-found with similarly named people', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/people/bokeikhanov');
  await tab.heading().filter({ hasText: 'Not found' }).waitFor();
  assert.equal(await tab.page.title(), 'Not found — Tarikh');
  assert.match(await tab.page.locator('main').innerText(), /no person “bokeikhanov”/);
  const suggestions = tab.page.locator('ul.suggested a');
  assert.equal(await suggestions.first().innerText(), 'Alikhan Bukeikhan');
  await suggestions.first().click();
  await tab.heading().filter({ hasText: 'Alikhan Bukeikhan' }).waitFor();
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('a broken index link is understood as far as possible, with a notice', async () => {
  const tab = await PeoplePage.open(browser, server.url, '#/people?strand=nowhere,alash&sort=age&colour=red');
  const notice = await tab.page.locator('.notice-small').innerText();
  assert.match(notice, /nowhere/);
  assert.match(notice, /sort=age/);
  assert.match(notice, /colour/);
  assert.ok(await tab.page.getByRole('checkbox', { name: /^The Alash movement/ }).isChecked());
  assert.ok(await tab.countNumber() > 0);
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('keyboard only: filter the index and open a person', async () => {
  const tab = await PeoplePage.open(browser, server.url);
  const focused = () => tab.page.evaluate(() => document.activeElement.id || document.activeElement.textContent);
  let id = '';
  for (let i = 0; i < 20 && id !== 'people-q'; i++) {
    await tab.page.keyboard.press('Tab');
    id = await focused();
  }
  assert.equal(id, 'people-q', 'the search box is reachable with Tab');
  await tab.page.keyboard.type('dulatov');
  await tab.page.waitForFunction(() => location.hash === '#/people?q=dulatov');
  for (let i = 0; i < 20 && !id.startsWith('p-strand-'); i++) {
    await tab.page.keyboard.press('Tab');
    id = await focused();
  }
  assert.equal(id, 'p-strand-alash', 'then the first strand');
  await tab.page.keyboard.press('Space');
  await tab.page.waitForFunction(() => location.hash === '#/people?q=dulatov&strand=alash');
  // On to the first person's link, and Enter.
  let inEntry = false;
  for (let i = 0; i < 40 && !inEntry; i++) {
    await tab.page.keyboard.press('Tab');
    inEntry = await tab.page.evaluate(() => !!document.activeElement.closest('li.person-entry'));
  }
  assert.ok(inEntry, 'a person link is reachable with Tab');
  const name = await tab.page.evaluate(() => document.activeElement.textContent);
  assert.equal(name, 'Miryakub Dulatuly');
  await tab.page.keyboard.press('Enter');
  await tab.heading().filter({ hasText: name }).waitFor();
  // Focus moves to the new heading, so the next Tab starts in the content.
  await tab.page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  await tab.close();
});

test('About links each source to the events that cite it', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/about');
  const link = tab.page.locator('li.source .cited-by a').first();
  const n = Number((await link.innerText()).match(/^(\d+) events/)[1]);
  assert.match(await link.getAttribute('href'), /^#\/timeline\?source=[a-z0-9-]+$/);
  await link.click();
  const timeline = new TimelinePage(tab.page, server.url);
  await timeline.count().waitFor();
  assert.equal(await timeline.countNumber(), n);
  await tab.close();
});

test('the DOM stays small: the index and the largest person page', async () => {
  for (const width of [375, 1280]) {
    const index = await PeoplePage.open(browser, server.url, '#/people', { viewport: { width, height: 800 } });
    assert.ok(await domSize(index) <= 800, `index at ${width}px: ${await domSize(index)} elements`);
    await index.close();
  }
  // Bukeikhan is in the most events, names and relations.
  const tab = await PersonPage.open(browser, server.url, 'alikhan-bukeikhan');
  await tab.heading().filter({ hasText: 'Alikhan Bukeikhan' }).waitFor();
  const n = await domSize(tab);
  assert.ok(n <= 800, `person page: ${n} elements`);
  await tab.close();
});

// The rough edges of issue #15 that new users hit, each as the user met it:
// printing a filtered timeline, the person picker by keyboard, Back to where
// the reader was, the year fields while typing, a page past the last, a moved
// item of an ordering question kept over a reload, a quiet console.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { serve } from './server.mjs';
import { launch, TarikhPage, TimelinePage, PeoplePage, QuizPage } from './pages.mjs';

let server, browser;
before(async () => {
  server = await serve('dist', '/history/tarikh/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const WIDE = { viewport: { width: 1280, height: 900 } };

test('printing a filtered timeline says which events it prints and offers all of them', async () => {
  const tab = await TimelinePage.open(browser, server.url, '#/timeline?strand=khiva&from=1919&to=1920', WIDE);
  const n = await tab.countNumber();
  assert.ok(n > 20, `${n} events: the test needs more than one page`);
  await tab.page.emulateMedia({ media: 'print' });
  const printed = await tab.cards().count();
  const note = tab.page.locator('.print-only.print-scope');
  assert.equal(await note.isVisible(), true, 'the printout says what it holds');
  assert.match(await note.innerText(), new RegExp(`events 1–${printed} of ${n}`));
  await tab.page.emulateMedia({ media: 'screen' });
  // "Print all" puts every result on the page for the printout, then goes back to one page.
  await tab.page.evaluate(() => {
    window.print = () => { window.printedCards = document.querySelectorAll('li.card').length; };
  });
  await tab.page.getByRole('button', { name: `Print all ${n} events` }).click();
  await tab.page.waitForFunction(() => window.printedCards !== undefined);
  assert.equal(await tab.page.evaluate(() => window.printedCards), n, 'every result is on the page when it prints');
  await tab.page.emulateMedia({ media: 'print' });
  assert.match(await tab.page.locator('.print-only.print-scope').innerText(), new RegExp(`all ${n} events`));
  await tab.page.emulateMedia({ media: 'screen' });
  await tab.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await tab.page.waitForFunction((k) => document.querySelectorAll('li.card').length === k, printed);
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('the person picker is a combobox: type, Tab applies the match once; arrows and Enter work in the box', async () => {
  const tab = await TimelinePage.open(browser, server.url, '#/timeline', WIDE);
  const box = tab.page.getByRole('combobox', { name: 'Find a person' });
  await box.click();
  await box.pressSequentially('junaid');
  await tab.page.waitForFunction(() => {
    const b = document.getElementById('pick-person');
    const active = document.getElementById(b.getAttribute('aria-activedescendant') ?? '');
    return active?.textContent.startsWith('Junaid Khan');
  });
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  await tab.page.keyboard.press('Tab');
  await tab.page.waitForFunction(() => location.hash.includes('person=junaid-khan'));
  const chips = tab.page.locator('fieldset.picker').first().locator('.chip');
  assert.deepEqual(await chips.allInnerTexts(), ['Junaid Khan ×']);
  // Tab moved on to the next field, not onto another person.
  assert.equal(await tab.page.evaluate(() => document.activeElement.id), 'pick-place');
  await tab.page.keyboard.press('Enter');
  await tab.page.waitForTimeout(300);
  assert.deepEqual(await chips.allInnerTexts(), ['Junaid Khan ×'], 'a second Enter adds no one');
  assert.doesNotMatch(tab.query(), /place=/);

  // ArrowDown moves the active option, Enter applies it, the focus stays in the box.
  await box.focus();
  await box.pressSequentially('a');
  const options = tab.page.locator('#pick-person-list [role=option]');
  await options.nth(1).waitFor();
  const second = (await options.nth(1).innerText()).replace(/\s*\(\d+\)$/, '');
  await tab.page.keyboard.press('ArrowDown');
  assert.equal(await options.nth(1).getAttribute('aria-selected'), 'true');
  assert.equal(await box.getAttribute('aria-activedescendant'), await options.nth(1).getAttribute('id'));
  await tab.page.keyboard.press('Enter');
  await tab.page.waitForFunction((k) => document.querySelectorAll('fieldset.picker')[0].querySelectorAll('.chip').length === k, 2);
  assert.deepEqual(new Set(await chips.allInnerTexts()), new Set(['Junaid Khan ×', `${second} ×`]));
  assert.equal(await tab.page.evaluate(() => document.activeElement.id), 'pick-person');
  assert.equal(await box.inputValue(), '');
  // Escape closes the list; nothing is applied.
  await box.pressSequentially('x');
  await tab.page.keyboard.press('Escape');
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('Back after opening an event from page 2 returns to where the reader was, focus on the link', async () => {
  const tab = await TimelinePage.open(browser, server.url, '#/timeline?page=2', WIDE);
  const card = tab.cards().nth(12);
  await card.scrollIntoViewIfNeeded();
  await tab.page.evaluate(() => window.scrollBy(0, 200));
  const title = await card.locator('h3').innerText();
  const top = await card.evaluate((el) => el.getBoundingClientRect().top);
  const y = await tab.page.evaluate(() => window.scrollY);
  assert.ok(y > 1000, `scrolled to ${y}`);
  await card.locator('h3 a').click();
  await tab.heading().filter({ hasText: title }).waitFor();
  await tab.page.goBack();
  await tab.page.waitForFunction(() => location.hash === '#/timeline?page=2');
  await tab.heading().filter({ hasText: 'Timeline' }).waitFor();
  await tab.page.waitForFunction((t) => Math.abs(window.scrollY - t) < 3, y, { timeout: 3000 });
  const again = tab.cards().filter({ hasText: title });
  assert.ok(Math.abs(await again.evaluate((el) => el.getBoundingClientRect().top) - top) < 3, 'the card is where it was');
  assert.equal(await tab.page.evaluate(() => document.activeElement.textContent), title, 'the focus is on the link opened');
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('the year fields filter while typing, without leaving the field; so does the quiz count', async () => {
  const tab = await TimelinePage.open(browser, server.url, '#/timeline', WIDE);
  const before = await tab.count().innerText();
  const from = tab.page.getByRole('spinbutton', { name: 'From' });
  await from.click();
  await from.pressSequentially('1918', { delay: 40 });
  await tab.countChangesFrom(before);
  await tab.page.waitForFunction(() => location.hash.includes('from=1918'));
  assert.equal(await tab.page.evaluate(() => document.activeElement.id), 'from', 'the focus stayed in the field');
  assert.equal(await from.inputValue(), '1918');
  // A half-typed year changes nothing and is not wiped.
  await from.press('Backspace');
  await tab.page.waitForTimeout(700);
  assert.equal(await from.inputValue(), '191');
  assert.match(tab.query(), /from=1918/);
  await tab.close();

  const quiz = await QuizPage.open(browser, server.url, '#/quiz', WIDE);
  const n = quiz.page.getByRole('spinbutton', { name: 'How many' });
  await n.click();
  await n.fill('');
  await n.pressSequentially('7', { delay: 40 });
  await quiz.page.waitForFunction(() => location.hash.includes('n=7'));
  assert.equal(await quiz.page.evaluate(() => document.activeElement.id), 'qs-n');
  await quiz.close();
});

test('a page past the last says so, on the timeline and in the people index', async () => {
  const tab = await TimelinePage.open(browser, server.url, '#/timeline?page=99', WIDE);
  const pager = await tab.page.locator('nav.pager span').innerText();
  const last = Number(pager.match(/of (\d+)/)[1]);
  assert.equal(pager, `Page ${last} of ${last}`);
  await tab.page.getByText(`There is no page 99: showing the last page, ${last}.`).waitFor();
  await tab.close();
  const people = await PeoplePage.open(browser, server.url, '#/people?page=99', WIDE);
  const plast = Number((await people.page.locator('nav.pager span').innerText()).match(/of (\d+)/)[1]);
  await people.page.getByText(`There is no page 99: showing the last page, ${plast}.`).waitFor();
  await people.close();
});

test('a moved item of an ordering question is still moved after a reload', async () => {
  const tab = await QuizPage.open(browser, server.url, '#/quiz?ask=order&n=1&seed=reload1', WIDE);
  const q = await tab.current();
  assert.equal(q.format, 'order');
  await tab.page.getByRole('button', { name: `Move down: ${q.options[0]}` }).click();
  await tab.page.waitForFunction((t) => document.querySelectorAll('.order-title')[1]?.textContent === t, q.options[0]);
  const moved = await tab.page.locator('.order-title').allInnerTexts();
  assert.notDeepEqual(moved, q.options);
  await tab.page.reload();
  await tab.ready();
  await tab.page.locator('.order-title').first().waitFor();
  assert.deepEqual(await tab.page.locator('.order-title').allInnerTexts(), moved);
  await tab.close();
});

test('a normal run logs nothing to the console: hosted, and the single file from disk', async () => {
  const file = 'file://' + resolve('dist/tarikh-offline.html');
  for (const base of [server.url, file]) {
    const context = await browser.newContext(WIDE);
    const page = await context.newPage();
    const logged = [];
    page.on('console', (m) => logged.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => logged.push(String(e)));
    const tab = new TarikhPage(page, base);
    await tab.goto('#/timeline');
    await tab.page.getByRole('link', { name: 'People', exact: true }).click();
    await tab.heading().filter({ hasText: 'People' }).waitFor();
    await tab.page.waitForTimeout(1000);
    assert.deepEqual(logged, [], `console output from ${base.slice(0, 40)}`);
    await context.close();
  }
});

test('a reader sees words, not ids: strand names on cards and in a quiz topic, source titles in summaries', async () => {
  const ids = ['enc-alash', 'alash-periods', 'moscow-cage', 'khiva-1918'];
  const tab = await TimelinePage.open(browser, server.url, '#/timeline?strand=khiva,bukeikhan', WIDE);
  const metas = await tab.cards().locator('.meta').allInnerTexts();
  assert.ok(metas.length > 0);
  for (const m of metas) {
    const strand = m.match(/Strand: (.*)/)[1];
    assert.doesNotMatch(strand, /\b(khiva|bukeikhan|soviet|basmachi|repression)\b/, `ids in “${strand}”`);
  }
  assert.ok(metas.some((m) => /Strand: .*Khiva/.test(m)));
  // Every page of every event: no source named by its id in what it says.
  const texts = [];
  for (let p = 1; p <= 3; p++) {
    await tab.goto(`#/timeline?page=${p}`);
    texts.push(...await tab.cards().locator('article > p:not(.meta):not(.card-date)').allInnerTexts());
  }
  for (const t of texts) for (const id of ids) assert.ok(!t.includes(id), `“${id}” in “${t.slice(0, 80)}”`);
  await tab.close();
  const quiz = await QuizPage.open(browser, server.url, '#/quiz?strand=bukeikhan,khiva&from=1919&n=3&seed=words', WIDE);
  const topic = await quiz.page.locator('.quiz-topic').innerText();
  assert.match(topic, /strand: Bukeikhan, Khiva/);
  await quiz.close();
});

test('one date range: the header, the timeline and the axis say 1891–1937, and the events after it are counted', async () => {
  const tab = await TimelinePage.open(browser, server.url, '#/timeline', WIDE);
  assert.match(await tab.page.locator('.tagline').innerText(), /1891–1937/);
  assert.match(await tab.page.locator('main .lede').innerText(), /1891–1937/);
  const after = tab.page.locator('.afterwards');
  const m = (await after.innerText()).match(/Afterwards, 1938–(\d{4}): (\d+) events/);
  assert.ok(m, await after.innerText());
  const all = await tab.countNumber();
  await after.getByRole('link', { name: 'Show them' }).click();
  await tab.page.waitForFunction(() => /page=\d+/.test(location.hash));
  const years = await tab.cards().evaluateAll((cs) => cs.map((c) => Number(c.dataset.year)));
  assert.ok(years.some((y) => y > 1937), `years on that page: ${years}`);
  // On the last pages: every event after 1937 is in the list.
  assert.equal(await tab.countNumber(), all);
  await tab.close();
});

test('key events are filtered with key=1 and marked; the people index opens with the key people', async () => {
  const tab = await TimelinePage.open(browser, server.url, '#/timeline', WIDE);
  const before = await tab.count().innerText();
  const box = tab.page.getByRole('checkbox', { name: /^Key events only/ });
  const offered = Number((await tab.page.locator('label[for=f-key]').innerText()).match(/\((\d+)\)/)[1]);
  await box.check();
  await tab.countChangesFrom(before);
  assert.match(tab.query(), /key=1/);
  assert.equal(await tab.countNumber(), offered);
  assert.ok(offered >= 10 && offered <= 30, `${offered} key events`);
  assert.equal(await tab.cards().count(), await tab.cards().filter({ has: tab.page.locator('.key-mark') }).count());
  assert.ok((await tab.cardTitles()).some((t) => /Alash autonomy/i.test(t)));
  await tab.close();

  const people = await PeoplePage.open(browser, server.url, '#/people', WIDE);
  const names = await people.names();
  assert.equal(names[0], 'Alikhan Bukeikhan', `the index opens with ${names.slice(0, 3)}`);
  assert.ok(names.slice(0, 12).includes('Junaid Khan'));
  assert.equal(await people.sort().inputValue(), 'importance');
  // The old default order is one choice away, and its link keeps working.
  const byName = await PeoplePage.open(browser, server.url, '#/people?sort=name', WIDE);
  const sorted = await byName.names();
  const fold = (n) => n.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  const folded = sorted.map(fold);
  assert.deepEqual([...folded].sort(), folded, 'by name');
  assert.notEqual(sorted[0], 'Alikhan Bukeikhan');
  await people.close();
  await byName.close();
});

test('the start page orients a newcomer: every part cited, its links open their records, the tours lead on', async () => {
  const tab = await TarikhPage.open(browser, server.url, '', WIDE);
  await tab.heading().filter({ hasText: 'Alash and the Basmachi revolt' }).waitFor();
  const parts = tab.page.locator('section.intro-part');
  const n = await parts.count();
  assert.ok(n >= 5, `${n} parts`);
  let words = 0;
  for (let i = 0; i < n; i++) {
    const part = parts.nth(i);
    words += (await part.locator('p').first().innerText()).split(/\s+/).length;
    assert.match(await part.locator('cite').innerText(), /¶ \d+/, 'every part cites paragraphs');
  }
  assert.ok(words < 450, `${words} words: about two minutes`);
  // Every link on the page opens a record or a view that exists (the map is the map issue's).
  const hrefs = [...new Set(await tab.page.locator('main a[href^="#/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href'))))];
  assert.ok(hrefs.some((h) => h === '#/timeline'), 'the timeline, one link away');
  assert.ok(hrefs.some((h) => h.startsWith('#/present?tour=')), 'tours play in Present mode');
  for (const h of hrefs.filter((h) => /^#\/(events|people|tours|timeline|quiz)/.test(h))) {
    await tab.goto(h);
    assert.notEqual(await tab.heading().innerText(), 'Not found', h);
    assert.doesNotMatch(await tab.page.title(), /Not found/, h);
  }
  await tab.goto('');
  // Four tours, each with its page: intro, steps in date order, each step cited.
  const tours = await tab.page.locator('li.tour-item h3 a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
  assert.deepEqual(tours.map(([t]) => t), ['The Alash autonomy, 1917–1920', 'Bukeikhan\'s Moscow years, 1922–1937',
    'The fall of the Khiva khanate, 1918–1920', 'The Basmachi revolt, 1916–1934']);
  await tab.page.getByRole('link', { name: 'The fall of the Khiva khanate, 1918–1920', exact: true }).click();
  await tab.heading().filter({ hasText: 'The fall of the Khiva khanate' }).waitFor();
  const steps = tab.page.locator('li.tour-step');
  assert.ok(await steps.count() >= 5);
  for (const cite of await steps.locator('cite').allInnerTexts()) assert.match(cite, /Khiva Khanate|Basmachi movement/);
  assert.equal(await tab.page.getByRole('link', { name: 'Play it as a presentation' }).getAttribute('href'), '#/present?tour=fall-of-khiva');
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };

test('on a phone (375 × 667): the next question is in view after Check answer', async () => {
  const tab = await QuizPage.open(browser, server.url, '#/quiz?ask=when,who,where&n=3&seed=phone&feedback=each', PHONE);
  for (let k = 0; k < 2; k++) {
    await tab.page.locator('.options input').first().check();
    await tab.page.getByRole('button', { name: 'Check answer' }).click();
    const next = tab.page.getByRole('button', { name: 'Next question' });
    await next.waitFor();
    await tab.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const box = await next.boundingBox();
    console.log(`question ${k + 1}: "Next question" at y ${Math.round(box.y)}–${Math.round(box.y + box.height)} of 667`);
    assert.ok(box.y >= 0 && box.y + box.height <= 667, `“Next question” at ${box.y}–${box.y + box.height}, outside the 667 px screen`);
    await next.click();
  }
  await tab.close();
});

test('on a phone (375 × 667): a skip link to the events, the axis says it scrolls, the filters lead back to the results', async () => {
  const tab = await TimelinePage.open(browser, server.url, '#/timeline', PHONE);
  await tab.page.keyboard.press('Tab');
  await tab.page.keyboard.press('Tab');
  assert.equal(await tab.page.evaluate(() => document.activeElement.textContent), 'Skip to the events');
  await tab.page.keyboard.press('Enter');
  assert.equal(await tab.page.evaluate(() => document.activeElement.id), 'results-heading');
  let tabs = 0;
  while (!(await tab.page.evaluate(() => !!document.activeElement.closest('li.card h3')))) {
    await tab.page.keyboard.press('Tab');
    if (++tabs > 12) break;
  }
  console.log(`Tabs to the first event: 2 + Enter + ${tabs}`);
  assert.ok(tabs <= 8, `${tabs} Tabs from the results to the first event`);

  // The axis is wider than the screen, and says so.
  const axis = await tab.page.locator('.axis-scroll').evaluate((e) => [e.scrollWidth, e.clientWidth]);
  assert.ok(axis[0] > axis[1], `the axis ${axis[0]} px in ${axis[1]} px`);
  assert.equal(await tab.page.locator('.axis-hint').isVisible(), true);

  // Years set in the folded filters; one button back to the results, the first in view.
  await tab.goto('#/timeline');
  await tab.page.locator('details.filters > summary').click();
  const before = await tab.count().innerText();
  await tab.page.getByRole('spinbutton', { name: 'From' }).fill('1919');
  await tab.page.getByRole('spinbutton', { name: 'To' }).fill('1920');
  await tab.page.getByRole('spinbutton', { name: 'To' }).press('Tab');
  await tab.countChangesFrom(before);
  const n = await tab.countNumber();
  const show = tab.page.getByRole('button', { name: `Show the ${n} events` });
  const far = await tab.cards().first().evaluate((c) => c.getBoundingClientRect().top);
  await show.click();
  assert.equal(await tab.page.locator('details.filters').evaluate((d) => d.open), false, 'the filters fold away');
  const top = await tab.cards().first().evaluate((c) => c.getBoundingClientRect().top);
  console.log(`first result: ${Math.round(far)} px down with the filters open, ${Math.round(top)} px after "Show the ${n} events"`);
  assert.ok(top >= 0 && top < 667, `the first result at ${top} px`);
  assert.equal(await tab.page.evaluate(() => document.activeElement.id), 'results-heading');
  // Wide screens have the filters beside the results: no such button, no hint.
  const wide = await TimelinePage.open(browser, server.url, '#/timeline', WIDE);
  assert.equal(await wide.page.locator('.show-results button').isVisible(), false);
  assert.equal(await wide.page.locator('.axis-hint').isVisible(), false);
  await wide.close();
  await tab.close();
});

test('an event page leads on: before and after, in its strands, its period, related events, its place on the timeline', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/events/khiva-captured-1920', WIDE);
  await tab.heading().filter({ hasText: 'Red Army takes Khiva' }).waitFor();
  const leads = tab.page.locator('nav.event-leads');
  const after = leads.locator('ul.in-time > li').filter({ hasText: 'After:' }).locator('a');
  const next = await after.innerText();
  await after.click();
  await tab.heading().filter({ hasText: next }).waitFor();
  await tab.page.locator('nav.event-leads ul.in-time > li').filter({ hasText: 'Before:' }).locator('a').click();
  await tab.heading().filter({ hasText: 'Red Army takes Khiva' }).waitFor();
  assert.match(await leads.locator('ul.strands').innerText(), /In Khiva:/);
  assert.match(await tab.page.locator('main').innerText(), /The period it falls in[\s\S]*Rise in Fergana/);
  assert.ok(await tab.page.locator('section[aria-labelledby=related-heading] li').count() > 0);
  // Strands link to the timeline of each (places and organisations to their pages).
  const strand = tab.page.locator('dl.facts a[href^="#/timeline?strand="]').first();
  assert.ok(await strand.count());
  await tab.page.getByRole('link', { name: 'Show on the timeline' }).click();
  await tab.heading().filter({ hasText: 'Timeline' }).waitFor();
  assert.ok(await tab.page.locator('li.card h3').filter({ hasText: 'Red Army takes Khiva' }).count() === 1, 'its page of the timeline');
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

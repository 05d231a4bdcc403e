// Search from anywhere (issue 17): the header's combobox by keyboard on every view,
// the timeline's ranked results with marked words, partial matches, "did you mean".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { axe, launch, structure, TarikhPage, TimelinePage } from './pages.mjs';

let server, browser;
before(async () => {
  server = await serve('dist', '/school/tarikh/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const box = (tab) => tab.page.getByRole('combobox', { name: 'Search everything' });
const list = (tab) => tab.page.getByRole('listbox', { name: 'Suggestions' });
const options = (tab) => list(tab).getByRole('option');

test('the header box: / focuses it, suggestions of each kind, arrows and Enter go there', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/about', { bypassCSP: true });
  await tab.heading().filter({ hasText: 'About' }).waitFor();
  assert.equal(await box(tab).getAttribute('aria-expanded'), 'false');
  await tab.page.keyboard.press('/');
  assert.equal(await tab.page.evaluate(() => document.activeElement?.id), 'find', '/ focuses the box');
  await tab.page.keyboard.type('Bokeikhanov');
  await list(tab).waitFor({ state: 'visible' });
  assert.equal(await box(tab).getAttribute('aria-expanded'), 'true');
  assert.equal(await box(tab).getAttribute('aria-controls'), 'find-list');
  const texts = await options(tab).allInnerTexts();
  assert.match(texts[0], /Alikhan Bukeikhan \(found as “Bokeikhanov”\)\s*Person/, texts.join(' | '));
  assert.ok(texts.some((t) => /Event$/.test(t)), `events among them: ${texts.join(' | ')}`);
  assert.match(texts.at(-1), /All results for “Bokeikhanov”/);
  // Arrows move the active option; the combobox says which.
  await tab.page.keyboard.press('ArrowDown');
  const first = await options(tab).first().getAttribute('id');
  assert.equal(await box(tab).getAttribute('aria-activedescendant'), first);
  assert.equal(await options(tab).first().getAttribute('aria-selected'), 'true');
  await tab.page.keyboard.press('ArrowDown');
  await tab.page.keyboard.press('ArrowUp');
  assert.equal(await box(tab).getAttribute('aria-activedescendant'), first);
  assert.deepEqual(await axe(tab.page), [], 'axe, with the list open');
  assert.deepEqual(await structure(tab.page), []);
  await tab.page.keyboard.press('Enter');
  await tab.heading().filter({ hasText: 'Alikhan Bukeikhan' }).waitFor();
  assert.match(tab.page.url(), /#\/people\/alikhan-bukeikhan$/);
  assert.equal(await box(tab).inputValue(), '', 'the box is emptied after going');

  // Escape closes the list; Enter with no option chosen opens every result.
  await box(tab).fill('Khiva');
  await list(tab).waitFor({ state: 'visible' });
  const kinds = await options(tab).allInnerTexts();
  assert.ok(kinds.some((t) => /Khiva.*Place$/s.test(t)), kinds.join(' | '));
  await tab.page.keyboard.press('Escape');
  assert.equal(await box(tab).getAttribute('aria-expanded'), 'false');
  await tab.page.keyboard.press('Enter');
  await tab.heading().filter({ hasText: 'Timeline' }).waitFor();
  assert.match(new URL(tab.page.url()).hash, /^#\/timeline\?q=Khiva$/);
  const timeline = new TimelinePage(tab.page, server.url);
  await timeline.count().filter({ hasText: /\d+ events?/ }).waitFor();
  assert.ok((await timeline.countNumber()) > 5);
  // Why each matched: the word is marked, as text.
  const marks = await tab.page.locator('li.card mark').allInnerTexts();
  assert.ok(marks.length > 0 && marks.every((m) => /khiv/i.test(m)), marks.join(', '));
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('ranked results: sort by best match or date, partial matches said, found-as spellings', async () => {
  const tab = await TimelinePage.open(browser, server.url, '#/timeline?q=fall%20of%20Khiva', { bypassCSP: true });
  await tab.page.locator('.partial').waitFor();
  assert.match(await tab.page.locator('.partial').innerText(), /No event has every word of “fall of Khiva”: showing the events with 1 of its 2 words/);
  assert.ok((await tab.countNumber()) > 0);
  const sort = tab.page.getByLabel('Sort by');
  assert.equal(await sort.inputValue(), 'best');
  const best = await tab.cardTitles();
  await sort.selectOption('date');
  await tab.page.waitForFunction(() => location.hash.includes('sort=date'));
  const byDate = await tab.cardTitles();
  assert.notDeepEqual(byDate, best, 'another order');
  await tab.goto('#/timeline?q=Bokeikhanov');
  await tab.count().filter({ hasText: /\d+ events?/ }).waitFor();
  const found = await tab.page.locator('li.card .found-as').allInnerTexts();
  assert.ok(found.includes(' (found as “Bokeikhanov”)'), found.join(', '));
  assert.deepEqual(await axe(tab.page), []);
  await tab.close();
});

test('did you mean: nearest names and titles, each a link; nonsense matches nothing', async () => {
  const tab = await TimelinePage.open(browser, server.url, '#/timeline?q=Takhta%20treatu', { bypassCSP: true });
  const dym = tab.page.locator('.did-you-mean');
  await dym.waitFor();
  const fix = dym.getByRole('link', { name: /^“takhta treat/ });
  await fix.click();
  await tab.page.waitForFunction(() => /q=takhta\+treat/.test(location.hash));
  await tab.count().filter({ hasText: /\d+ events?/ }).waitFor();
  assert.ok((await tab.countNumber()) > 0, 'the corrected search finds events');

  // Nothing at all matches: never a bare "No events match".
  await tab.goto('#/timeline?q=Stalinnnn');
  await tab.count().filter({ hasText: /No events/ }).waitFor();
  await dym.waitFor();
  const person = dym.getByRole('link', { name: /Stalin/ }).first();
  await person.click();
  await tab.heading().filter({ hasText: /Stalin/ }).waitFor();

  await tab.goto('#/timeline?q=aaaa');
  await tab.count().filter({ hasText: /No events/ }).waitFor();
  assert.equal(await tab.cards().count(), 0, '“aaaa” matches nothing');
  assert.deepEqual(await axe(tab.page), []);
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

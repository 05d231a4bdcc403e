// Phone positions (issue 15), measured at 375 × 667, and at 375 × 400 while a field is
// focused (what the on-screen keyboard leaves): the next action stays in view.
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

const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };
const box = (loc) => loc.first().evaluate((e) => {
  const r = e.getBoundingClientRect();
  return { top: Math.round(r.top), bottom: Math.round(r.bottom) };
});
const inView = async (loc, height) => {
  const b = await box(loc);
  return b.top >= 0 && b.bottom <= height;
};

test('timeline on a phone: with the filters open, "Show the N events" stays in view, keyboard open too, and leads to the results', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/timeline', PHONE);
  const filters = tab.page.locator('details.filters');
  assert.equal(await filters.evaluate((d) => d.open), false, 'the filters are folded on a phone');
  await filters.locator(':scope > summary').click();
  const show = filters.locator(':scope > .show-results button');
  await tab.page.locator('#from').fill('1917');
  await tab.page.locator('#to').fill('1920');
  await tab.page.waitForFunction(() => /from=1917&to=1920/.test(location.hash));
  await tab.page.waitForTimeout(400);
  const label = await show.innerText();
  console.log(`phone: "${label}" at ${JSON.stringify(await box(show))} (667 high)`);
  assert.ok(await inView(show, 667), 'Show the events is in view after setting the years');
  // The keyboard open: 400 px left, the To field focused.
  await tab.page.setViewportSize({ width: 375, height: 400 });
  // As a phone does when its keyboard opens: the focused field is brought into view.
  await tab.page.locator('#to').evaluate((e) => { e.blur(); e.focus(); });
  await tab.page.waitForTimeout(300);
  console.log(`phone, keyboard open: To at ${JSON.stringify(await box(tab.page.locator('#to')))}, the button at ${JSON.stringify(await box(show))} (400 high)`);
  assert.ok(await inView(tab.page.locator('#to'), 400), 'the field typed in is in view');
  assert.ok(await inView(show, 400), 'and so is the button');
  await tab.page.setViewportSize({ width: 375, height: 667 });
  await show.click();
  const card = tab.page.locator('.card').first();
  await tab.page.waitForTimeout(300);
  const c = await box(card);
  console.log(`phone: after "${label}", the first event at ${c.top} px`);
  assert.ok(c.top >= 0 && c.top < 667 / 2, `the first result starts at ${c.top} px`);
  const n = Number(label.match(/(\d+) event/)[1]);
  assert.match(await tab.page.locator('.results .count').innerText(), new RegExp(`^${n} event`));
  await tab.page.screenshot({ path: '/tmp/tarikh-phone-timeline.png' });
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('every main view at 375 × 667: its heading in the first screen, no sideways scroll; the header search with the keyboard open', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/', PHONE);
  for (const hash of ['#/', '#/timeline', '#/events/khiva-captured-1920', '#/people', '#/people/alikhan-bukeikhan', '#/map', '#/network',
    '#/quiz', '#/about', '#/glossary', '#/sources/khiva-1918?p=5', '#/disputes/balabanov-governor']) {
    await tab.goto(hash);
    await tab.page.waitForTimeout(200);
    const h = await box(tab.heading());
    const wide = await tab.page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    console.log(`phone ${hash}: h1 at ${h.top}–${h.bottom}, ${wide} px too wide`);
    assert.ok(h.bottom <= 667, `${hash}: the heading is below the first screen`);
    assert.ok(wide <= 0, `${hash}: scrolls sideways by ${wide} px`);
  }
  await tab.page.setViewportSize({ width: 375, height: 400 });
  const search = tab.page.locator('#find');
  await search.fill('junaid');
  const option = tab.page.getByRole('option').first();
  await option.waitFor();
  console.log(`phone, keyboard open: search at ${JSON.stringify(await box(search))}, first suggestion at ${JSON.stringify(await box(option))}`);
  assert.ok(await inView(search, 400) && await inView(option, 400), 'the box and its first suggestion are in view');
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('the quiz on a phone: after "Check answer", the next question is one tap away in view', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/quiz?ask=when&n=3&seed=phone1', PHONE);
  const first = tab.page.locator('main input[type=radio]').first();
  await first.waitFor();
  await first.check();
  await tab.page.getByRole('button', { name: /check answer/i }).click();
  const next = tab.page.getByRole('button', { name: /next question/i });
  await next.waitFor();
  console.log(`phone quiz: Next question at ${JSON.stringify(await box(next))}`);
  assert.ok(await inView(next, 667), 'Next question is in view');
  await tab.close();
});

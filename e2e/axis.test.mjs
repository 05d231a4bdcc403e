// The time axis and Present mode end to end: events drawn at their dates, in
// lanes, uncertainty drawn, a disputed date's two dates, zoom and pan into the
// link (win=), a shared window, selection by keyboard, Present mode's keys,
// swipe and Esc back to the same state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, TimelinePage, TarikhPage, axe } from './pages.mjs';

let server, browser;
before(async () => {
  server = await serve('dist', '/history/tarikh/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const chart = (tab) => tab.page.locator('.axis-chart');
const mark = (tab, title) => chart(tab).locator(`[role=button][aria-label^="${title}"]`);
const hashOf = (tab) => tab.page.evaluate(() => decodeURIComponent(location.hash));
const param = async (tab, key) => new URLSearchParams((await hashOf(tab)).split('?')[1] ?? '').get(key);

/** The x of the middle of an element's box. */
const midX = async (loc) => {
  const b = await loc.boundingBox();
  return b.x + b.width / 2;
};

test('an event is drawn at its date, between the ticks of its month', async () => {
  const tab = await TimelinePage.open(browser, server.url, '#/timeline?win=1922-01/1923-01');
  const arrest = mark(tab, 'Bukeikhan arrested');
  await arrest.first().waitFor();
  const ticks = chart(tab).locator('text.tick:not(.context)');
  const at = async (label) => midX(ticks.filter({ hasText: new RegExp(`^${label}$`) }).first());
  const [oct, nov, x] = [await at('Oct'), await at('Nov'), await midX(arrest.first())];
  assert.ok(oct < x && x < nov + 30, `Oct ${oct} < mark ${x} < Nov ${nov}`);
  // The sources give two days: both are drawn on the mark as ticks.
  const claims = arrest.first().locator('line.claim');
  assert.equal(await claims.count(), 2, 'a tick for each date a source gives');
  const name = await arrest.first().getAttribute('aria-label');
  assert.match(name, /sources give 10 Oct 1922 and 14 Oct 1922/);
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('uncertain dates look different from exact ones, and lanes follow the choice', async () => {
  const tab = await TimelinePage.open(browser, server.url, '#/timeline');
  const classes = await chart(tab).locator('[role=button].mark').evaluateAll((els) => els.map((e) => e.getAttribute('class')));
  const kinds = new Set(classes.map((c) => c.split(' ').slice(1, 3).join(' ')));
  for (const k of ['point day', 'bar year', 'bar month']) assert.ok(kinds.has(k), `a ${k} mark among ${[...kinds]}`);
  assert.ok(classes.some((c) => /\bapprox\b/.test(c)), 'a c. date is drawn as approximate');
  assert.ok(classes.some((c) => /\b(before|after)\b/.test(c)), 'an open bound is drawn fading');
  const lanes = async () => chart(tab).locator('.lane-name').evaluateAll((els) => els.map((e) => e.textContent));
  assert.ok((await lanes()).some((l) => /Khiva/.test(l)), 'a lane per strand');
  await tab.page.getByLabel('Lanes').selectOption('type');
  await tab.page.waitForFunction(() => /lanes=type/.test(location.hash));
  assert.ok((await lanes()).includes('An arrest or detention'), `lanes by event type: ${await lanes()}`);
  await tab.page.getByLabel('Lanes').selectOption('one');
  assert.equal((await lanes()).length, 1);
  await tab.close();
});

test('zooming by keyboard and wheel writes the window into the link; a shared window opens there', async () => {
  const tab = await TimelinePage.open(browser, server.url, '#/timeline?strand=khiva');
  assert.equal(await param(tab, 'win'), null, 'fitted to the results until the reader zooms');
  // Tab into the chart: one stop, then keys.
  await chart(tab).locator('[tabindex="0"]').first().focus();
  await tab.page.keyboard.press('+');
  await tab.page.waitForFunction(() => /win=/.test(location.hash));
  const zoomed = await param(tab, 'win');
  await tab.page.keyboard.press('+');
  await tab.page.waitForFunction((w) => !decodeURIComponent(location.hash).includes(`win=${w}`), zoomed);
  const closer = await param(tab, 'win');
  assert.notEqual(closer, zoomed);
  // `+` zooms in: the window narrows (a month or day bound read as its first day).
  const day = (d) => Date.parse(/^-?\d+$/.test(d) ? `${d}-01-01` : /^-?\d+-\d+$/.test(d) ? `${d}-01` : d);
  const span = (w) => { const [a, b] = decodeURIComponent(w).split('/'); return day(b) - day(a); };
  assert.ok(span(closer) < span(zoomed), `"+" did not narrow the window: ${zoomed} → ${closer}`);
  // The wheel zooms out again (the link follows once the wheel stops).
  const box = await chart(tab).boundingBox();
  await tab.page.mouse.move(box.x + box.width / 2, box.y + 60);
  await tab.page.mouse.wheel(0, 400);
  await tab.page.waitForFunction((w) => !decodeURIComponent(location.hash).includes(`win=${w}`), closer, { timeout: 5000 });
  const wheeled = await param(tab, 'win');
  assert.ok(span(wheeled) > span(closer), `the wheel turned toward the reader did not widen the window: ${closer} → ${wheeled}`);
  // A fresh browser opening the link shows the same window.
  const fresh = await TimelinePage.open(browser, server.url, `#/timeline?strand=khiva&win=${wheeled}`);
  const shows = (t) => t.page.locator('.axis-window').innerText();
  assert.equal(await shows(fresh), await shows(tab));
  const labels = (t) => chart(t).locator('text.tick').evaluateAll((els) => els.map((e) => e.textContent));
  assert.deepEqual(await labels(fresh), await labels(tab));
  // Drag pans.
  const before = await labels(tab);
  await tab.page.mouse.move(box.x + box.width * 0.7, box.y + 60);
  await tab.page.mouse.down();
  await tab.page.mouse.move(box.x + box.width * 0.3, box.y + 60, { steps: 6 });
  await tab.page.mouse.up();
  await tab.page.waitForFunction((w) => !decodeURIComponent(location.hash).includes(`win=${w}`), wheeled);
  assert.notDeepEqual(await labels(tab), before, 'a drag moves the window');
  await tab.close();
  await fresh.close();
});

test('the keyboard moves from event to event and Enter selects one, into the link', async () => {
  const tab = await TimelinePage.open(browser, server.url, '#/timeline?strand=khiva&win=1919-06/1920-06', { bypassCSP: true });
  const stops = await chart(tab).locator('[tabindex="0"]').count();
  assert.equal(stops, 1, 'one tab stop for the chart');
  await chart(tab).locator('[tabindex="0"]').focus();
  const first = await tab.page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  await tab.page.keyboard.press('ArrowRight');
  await tab.page.waitForFunction((f) => document.activeElement?.getAttribute('aria-label') !== f, first);
  const second = await tab.page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  assert.ok(second && second !== first, `${first} → ${second}`);
  await tab.page.keyboard.press('Enter');
  await tab.page.waitForFunction(() => /sel=/.test(location.hash));
  const panel = tab.page.locator('.axis-selected');
  await panel.waitFor();
  assert.ok(second.startsWith(await panel.locator('h3').innerText()), 'the selected event is shown');
  assert.equal(await chart(tab).locator('[aria-pressed=true]').count(), 1);
  // Hover or focus names the event under the chart.
  assert.ok((await tab.page.locator('.axis-focus').innerText()).length > 0);
  const fresh = await TimelinePage.open(browser, server.url, tab.query());
  assert.equal(await fresh.page.locator('.axis-selected h3').innerText(), await panel.locator('h3').innerText());
  assert.deepEqual(await axe(tab.page), []);
  await tab.close();
  await fresh.close();
});

test('Present mode: the slides by keys and swipes, the link follows, Esc goes back', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/present?strand=khiva&from=1919&to=1920');
  const h1 = () => tab.heading().innerText();
  assert.match(await h1(), /Khiva.*1919.*1920.*events/s, 'the opening slide names the selection');
  await tab.page.keyboard.press('ArrowRight');
  await tab.page.waitForFunction(() => /at=/.test(location.hash));
  const firstEvent = await h1();
  const at = await param(tab, 'at');
  await tab.page.keyboard.press('Space');
  await tab.page.waitForFunction((a) => !location.hash.includes(`at=${a}`), at);
  assert.notEqual(await h1(), firstEvent);
  await tab.page.keyboard.press('ArrowLeft');
  await tab.page.waitForFunction((a) => location.hash.includes(`at=${a}`), at);
  assert.equal(await h1(), firstEvent);
  // Opened at that slide tomorrow: the same slide.
  const fresh = await TarikhPage.open(browser, server.url, new URL(tab.page.url()).hash);
  assert.equal(await fresh.heading().innerText(), firstEvent);
  await fresh.close();
  // A swipe to the left is the next slide.
  const stage = tab.page.locator('#present-stage');
  const b = await stage.boundingBox();
  await stage.dispatchEvent('pointerdown', { clientX: b.x + b.width * 0.8, clientY: b.y + 200 });
  await stage.dispatchEvent('pointerup', { clientX: b.x + b.width * 0.2, clientY: b.y + 200 });
  await tab.page.waitForFunction((a) => !location.hash.includes(`at=${a}`), at);
  const swiped = await param(tab, 'at');
  await tab.page.keyboard.press('End');
  await tab.page.waitForFunction(() => /at=sources/.test(location.hash));
  assert.match(await h1(), /sources/i);
  assert.ok(await tab.page.locator('.slide-sources li').count() >= 1);
  await tab.page.keyboard.press('Home');
  await tab.page.waitForFunction(() => !/at=/.test(location.hash));
  // Esc leaves to the timeline at the same filter, the event selected.
  for (let i = 0; i < 2; i++) await tab.page.keyboard.press('ArrowRight');
  await tab.page.waitForFunction((a) => location.hash.includes(`at=${a}`), swiped);
  const last = await param(tab, 'at');
  await tab.page.keyboard.press('Escape');
  await tab.page.waitForFunction(() => location.hash.startsWith('#/timeline'));
  assert.equal(await param(tab, 'strand'), 'khiva');
  assert.equal(await param(tab, 'from'), '1919');
  assert.equal(await param(tab, 'sel'), last);
  await tab.page.locator('.axis-selected').waitFor();
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('Present mode shows both sides of a dispute and is accessible', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/present?q=bukeikhan+arrested&at=bukeikhan-arrested-1922', { bypassCSP: true });
  const banner = tab.page.locator('.dispute-banner').first();
  await banner.waitFor();
  assert.ok(await banner.locator('.sides li').count() >= 2, 'each side of the dispute');
  assert.deepEqual(await axe(tab.page), []);
  await tab.close();
});

test('"Present these events" carries the timeline filter', async () => {
  const tab = await TimelinePage.open(browser, server.url, '#/timeline?strand=khiva&from=1918');
  await tab.page.getByRole('link', { name: 'Present these events' }).click();
  await tab.page.waitForFunction(() => location.hash.startsWith('#/present'));
  assert.equal(await param(tab, 'strand'), 'khiva');
  assert.equal(await param(tab, 'from'), '1918');
  await tab.close();
});

test('a guided tour plays in Present mode: its intro, its steps with their notes, Esc back to its page', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/present?tour=fall-of-khiva');
  assert.match(await tab.page.locator('.kicker').first().innerText(), /guided tour/i);
  await tab.page.keyboard.press('ArrowRight');
  await tab.page.waitForFunction(() => /at=/.test(location.hash));
  assert.match(await param(tab, 'tour'), /fall-of-khiva/);
  assert.ok((await tab.page.locator('.tour-step').innerText()).length > 20, 'the step says what to notice');
  await tab.page.keyboard.press('Escape');
  await tab.page.waitForFunction(() => location.hash.startsWith('#/tours/fall-of-khiva'));
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

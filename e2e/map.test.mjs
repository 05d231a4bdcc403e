// The map (issue 16): markers for the filter, a marker's link sets place=, the year
// control writes from/to, zoom and pan, the basemap fetched on first use from the
// same origin only (and inlined in the single file), place pages, axe, 375 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { serve } from './server.mjs';
import { launch, TarikhPage, axe, structure } from './pages.mjs';
import { toMap, FRAME } from '../scripts/basemap.mjs';

let server, browser;
before(async () => {
  server = await serve('dist', '/school/tarikh/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const OFFLINE_FILE = 'file://' + resolve('dist/tarikh-offline.html');
const marks = (tab) => tab.page.locator('.marks a');
const hashOf = (tab) => decodeURIComponent(new URL(tab.page.url()).hash);

async function openMap(base, hash = '#/map', options = {}) {
  const tab = await TarikhPage.open(browser, base, hash, options);
  await tab.heading().filter({ hasText: 'Map' }).waitFor();
  await tab.page.locator('.map-svg path.land').waitFor({ state: 'attached' });
  return tab;
}

test('the build projects like the app: known places at their map point', () => {
  // The same points as src/core/map/project.rs's test.
  for (const [lon, lat, x, y] of [[69.24, 41.3, 1175.62, 718.79], [2.35, 48.86, 116.59, 208.98]]) {
    const [a, b] = toMap(lon, lat);
    assert.ok(Math.abs(a - x) < 0.01 && Math.abs(b - y) < 0.01, `${lon},${lat} → ${a},${b}`);
  }
  assert.equal(FRAME.height, 1294);
});

test('the basemap is a separate file within its budget, not in the first load', async () => {
  const files = await readdir('dist');
  const map = files.find((f) => /^basemap-[0-9a-f]{16}\.txt$/.test(f));
  assert.ok(map, 'a hashed basemap file');
  const raw = await readFile(`dist/${map}`);
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`basemap: ${raw.length} B raw, ${br} B brotli (budget 40,000)`);
  assert.ok(br <= 40_000, `basemap ${br} B brotli`);
  assert.match(raw.toString(), /^tarikh-basemap 1\n/);
  const tab = await TarikhPage.open(browser, server.url, '#/timeline');
  await tab.page.waitForTimeout(300);
  assert.ok(!tab.requests.some((u) => u.includes('basemap-')), 'the timeline does not load the basemap');
  await tab.close();
});

test('markers for the filter, named, sized by events; no request leaves the origin', async () => {
  const tab = await openMap(server.url);
  assert.ok(tab.requests.some((u) => u.includes('basemap-')), 'the map fetched its basemap');
  assert.deepEqual(tab.requests.filter((u) => !u.startsWith(new URL(server.url).origin)), []);
  const n = await marks(tab).count();
  assert.ok(n > 15, `${n} markers`);
  // Close places share a marker with a count (Tashkent and its old town, even zoomed in).
  assert.ok(await tab.page.locator('.marks a.cluster').count() > 0, 'clusters');
  assert.match(await tab.page.locator('.marks a.cluster').first().getAttribute('aria-label'), /^\d+ places here: /);
  await tab.goto('#/map?at=69.24,41.3,12');
  const tashkent = tab.page.locator('.marks a[aria-label*="Tashkent ("]');
  assert.match(await tashkent.getAttribute('aria-label'), /^2 places here: Tashkent \(\d+\), /);
  assert.equal(await tab.page.locator('.marks a[aria-label^="Samarkand: "]').count(), 1, 'Samarkand alone');
  // The table gives each place's other names (Semey: Semipalatinsk, Alash-qala).
  assert.match(await tab.page.locator('.map-table tr', { hasText: 'Semey' }).first().innerText(), /Semipalatinsk, Alash-qala/);
  // One strand: fewer events, and the count says so.
  await tab.goto('#/map?strand=basmachi');
  await tab.page.locator('.map-svg path.land').waitFor({ state: 'attached' });
  const count = await tab.page.locator('.map-bar .count').innerText();
  assert.match(count, /^\d+ events at \d+ places$/);
  // The table lists every place of the selection with its count.
  const rows = await tab.page.locator('.map-table tbody tr').count();
  assert.equal(rows, Number(count.match(/at (\d+) places/)[1]));
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('hover or focus tells a place; its link sets place= and offers the timeline and Present mode', async () => {
  const tab = await openMap(server.url, '#/map?from=1900');
  const mark = tab.page.locator('.marks a[aria-label^="Omsk"]').first();
  await mark.hover();
  await tab.page.locator('.map-readout').filter({ hasText: /^Omsk: \d+ events?$/ }).waitFor();
  await tab.page.mouse.move(0, 0);
  await mark.focus();
  await tab.page.locator('.map-readout').filter({ hasText: /^Omsk/ }).waitFor();
  await tab.page.keyboard.press('Enter');
  await tab.page.waitForFunction(() => location.hash.includes('place=omsk'));
  assert.equal(hashOf(tab), '#/map?from=1900&place=omsk');
  const chosen = tab.page.locator('.map-chosen');
  await chosen.waitFor();
  assert.match(await chosen.locator('h2').innerText(), /Events at Omsk \(\d+\)/);
  assert.equal(await chosen.getByRole('link', { name: 'On the timeline' }).getAttribute('href'), '#/timeline?from=1900&place=omsk');
  assert.equal(await chosen.getByRole('link', { name: 'Present these events' }).getAttribute('href'), '#/present?from=1900&place=omsk');
  // The chosen place is drawn as chosen.
  assert.equal(await tab.page.locator('.marks a.chosen').count() >= 1, true);
  await tab.close();
});

test('the year control writes from/to, steps and plays', async () => {
  const tab = await openMap(server.url);
  const slider = tab.page.getByRole('slider', { name: 'Year' });
  await slider.fill('1918');
  await tab.page.waitForFunction(() => location.hash.includes('from=1918&to=1918'));
  assert.equal(await tab.page.locator('.map-year').innerText(), '1918');
  const before = await tab.page.locator('.map-bar .count').innerText();
  await tab.page.getByRole('button', { name: 'Later' }).click();
  await tab.page.waitForFunction(() => location.hash.includes('from=1919&to=1919'));
  assert.notEqual(await tab.page.locator('.map-bar .count').innerText(), '', before);
  await tab.page.getByRole('button', { name: 'Play' }).click();
  await tab.page.waitForFunction(() => location.hash.includes('from=1920&to=1920'), null, { timeout: 5000 });
  await tab.page.getByRole('button', { name: 'Pause' }).click();
  const paused = hashOf(tab);
  await tab.page.waitForTimeout(1500);
  assert.equal(hashOf(tab), paused, 'paused stays');
  await tab.page.getByRole('button', { name: 'All years' }).click();
  await tab.page.waitForFunction(() => !location.hash.includes('from='));
  await tab.close();
});

test('zoom and pan: buttons, keys, wheel and drag move the view through at=', async () => {
  const tab = await openMap(server.url);
  await tab.page.getByRole('button', { name: 'Zoom in' }).click();
  await tab.page.waitForFunction(() => /at=[\d.-]+,[\d.-]+,[\d.]+/.test(location.hash));
  const zoom = () => Number(hashOf(tab).match(/at=[^,]+,[^,]+,([\d.]+)/)[1]);
  const z1 = zoom();
  const box = tab.page.locator('.map-box');
  await box.focus();
  await tab.page.keyboard.press('+');
  await tab.page.waitForFunction((z) => Number(location.hash.match(/at=[^,]+,[^,]+,([\d.]+)/)[1]) > z, z1);
  const at1 = hashOf(tab);
  await tab.page.keyboard.press('ArrowRight');
  await tab.page.waitForFunction((a) => decodeURIComponent(location.hash) !== a, at1);
  const lon = () => Number(hashOf(tab).match(/at=([\d.-]+)/)[1]);
  const lon1 = lon();
  const r = await box.boundingBox();
  await tab.page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
  await tab.page.mouse.down();
  await tab.page.mouse.move(r.x + r.width / 2 + 120, r.y + r.height / 2, { steps: 6 });
  await tab.page.mouse.up();
  await tab.page.waitForFunction((l) => Number(location.hash.match(/at=([\d.-]+)/)[1]) < l, lon1);
  const z2 = zoom();
  await tab.page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
  await tab.page.mouse.wheel(0, 300);
  await tab.page.waitForFunction((z) => Number(location.hash.match(/at=[^,]+,[^,]+,([\d.]+)/)[1]) < z, z2);
  // "Central Asia" drops at= again.
  await tab.page.locator('.map-zoom').getByRole('link', { name: 'Central Asia' }).click();
  await tab.page.waitForFunction(() => !location.hash.includes('at='));
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('while the wheel turns, the markers stay on their places; once it rests they are laid out again there', async () => {
  const tab = await openMap(server.url, '#/map?at=69.24,41.3,6');
  // Kokand: a place of its own near Tashkent, so it stays in view.
  const kokand = tab.page.locator('.marks a[aria-label^="Kokand"]');
  const centre = async () => {
    const r = await kokand.locator('circle').boundingBox();
    return [r.x + r.width / 2, r.y + r.height / 2];
  };
  const before = hashOf(tab);
  const box = await tab.page.locator('.map-box').boundingBox();
  const start = await centre();
  await tab.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await tab.page.mouse.wheel(0, -200);
  await tab.page.waitForFunction(() => /scale/.test(document.querySelector('.marks').parentElement.getAttribute('transform')));
  // Mid-gesture: the link is not written yet, and the marker is moved with the map.
  const moving = await centre();
  assert.equal(hashOf(tab), before, 'each wheel step wrote the link');
  await tab.page.waitForFunction((h) => decodeURIComponent(location.hash) !== h, before);
  await tab.page.waitForFunction(() => !/scale/.test(document.querySelector('.marks').parentElement.getAttribute('transform')));
  const laid = await centre();
  assert.ok(Math.hypot(moving[0] - start[0], moving[1] - start[1]) > 10, `Kokand did not move with the zoom (${start} → ${moving})`);
  assert.ok(Math.hypot(moving[0] - laid[0], moving[1] - laid[1]) < 3, `Kokand drawn at ${moving} while zooming, at ${laid} after`);
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('places outside the view are listed, and "Every place" shows them all', async () => {
  const tab = await openMap(server.url);
  const outside = tab.page.locator('.map-outside');
  await outside.waitFor();
  assert.match(await outside.innerText(), /Paris/);
  await tab.page.getByRole('link', { name: 'Every place', exact: true }).click();
  await tab.page.waitForFunction(() => location.hash.includes('at='));
  await outside.waitFor({ state: 'detached' });
  assert.ok(await tab.page.locator('.marks a[aria-label^="Paris"]').count() === 1);
  await tab.close();
});

test('a place page: names, a small map, its events, links to the map and timeline', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/places/semey');
  await tab.heading().filter({ hasText: 'Semey' }).waitFor();
  assert.match(await tab.page.locator('main').innerText(), /Also called Semipalatinsk, Alash-qala/);
  await tab.page.locator('.map-svg.mini path.land').waitFor({ state: 'attached' });
  assert.ok(await tab.page.locator('.map-svg.mini circle').count() >= 5);
  assert.equal(await tab.page.getByRole('link', { name: 'On the map' }).getAttribute('href'), '#/map?place=semey');
  assert.equal(await tab.page.getByRole('link', { name: 'On the timeline' }).getAttribute('href'), '#/timeline?place=semey');
  assert.ok(await tab.page.locator('.events-list li').count() > 0);
  await tab.goto('#/places/jeltau');
  await tab.heading().filter({ hasText: 'Jeltau' }).waitFor();
  assert.match(await tab.page.locator('main').innerText(), /Approximate position/);
  await tab.goto('#/places/nowhere-at-all');
  await tab.page.getByText(/place “nowhere-at-all”/).waitFor();
  await tab.close();
});

test('timeline, event and person pages link to the map', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/timeline?strand=alash');
  assert.equal(await tab.page.getByRole('link', { name: 'Show on the map' }).getAttribute('href'), '#/map?strand=alash');
  await tab.goto('#/people/alikhan-bukeikhan');
  await tab.heading().waitFor();
  assert.match(await tab.page.getByRole('link', { name: 'Their events on the map' }).getAttribute('href'), /^#\/map\?person=alikhan-bukeikhan$/);
  await tab.goto('#/timeline?place=semey');
  const first = tab.page.locator('.card a[href^="#/events/"]').first();
  await first.click();
  await tab.page.getByRole('link', { name: 'on the map' }).waitFor();
  assert.match(await tab.page.getByRole('link', { name: 'on the map' }).getAttribute('href'), /^#\/map\?place=/);
  assert.ok(await tab.page.locator('main a[href="#/places/semey"]').count() >= 1);
  await tab.close();
});

test('the single file draws the map from disk with its inlined basemap, no request', async () => {
  const tab = await openMap(OFFLINE_FILE, '#/map?strand=alash');
  // A refused script, style or connection would show as a console error.
  assert.ok(await marks(tab).count() > 5);
  assert.deepEqual(tab.requests.filter((u) => !u.startsWith(OFFLINE_FILE.split('#')[0]) && !u.startsWith('data:')), []);
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

for (const [width, dark] of [[375, false], [1280, false], [375, true]]) {
  test(`map and place page at ${width} px${dark ? ', dark' : ''}: axe 0, structure, no sideways scroll`, async () => {
    const tab = await openMap(server.url, '#/map?strand=alash', { viewport: { width, height: 900 }, colorScheme: dark ? 'dark' : 'light', bypassCSP: true });
    assert.deepEqual(await axe(tab.page), []);
    assert.deepEqual(await structure(tab.page), []);
    assert.ok(await tab.page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scroll');
    await tab.page.screenshot({ path: `/tmp/tarikh-map-${width}${dark ? '-dark' : ''}.png` });
    await tab.goto('#/places/tashkent');
    await tab.page.locator('.map-svg.mini path.land').waitFor({ state: 'attached' });
    assert.deepEqual(await axe(tab.page), []);
    assert.deepEqual(await structure(tab.page), []);
    assert.ok(await tab.page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scroll');
    await tab.close();
  });
}

test('the map prints: the basemap and markers, no controls', async () => {
  const tab = await openMap(server.url, '#/map?strand=alash');
  await tab.page.emulateMedia({ media: 'print' });
  assert.equal(await tab.page.locator('.map-years').isVisible(), false);
  assert.equal(await tab.page.locator('.map-svg').isVisible(), true);
  assert.ok(await marks(tab).count() > 5);
  await tab.close();
});

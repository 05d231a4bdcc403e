// The web of people (issue 16): the network of a strand shows its people, a node
// opens the person, the same link gives the same picture in two fresh browsers,
// highlight, zoom and pan through the link, the table alternative, the relations
// picture on a person page, axe 0 at 375 and 1280 px, dark mode, print.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { serve } from './server.mjs';
import { launch, TarikhPage, axe, structure } from './pages.mjs';

let server, browser;
before(async () => {
  server = await serve('dist', '/school/tarikh/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const nodes = (tab) => tab.page.locator('.net-box .net-nodes a');
const hashOf = (tab) => decodeURIComponent(new URL(tab.page.url()).hash);

async function openWeb(hash = '#/network?strand=alash', options = {}) {
  const tab = await TarikhPage.open(browser, server.url, hash, options);
  await tab.heading().filter({ hasText: 'Web of people' }).waitFor();
  await nodes(tab).first().waitFor({ state: 'attached' });
  return tab;
}

/** Every node's person and circle position, in document order. */
const positions = (tab) => tab.page.locator('.net-box .net-nodes a').evaluateAll((as) =>
  as.map((a) => { const c = a.querySelector('circle'); return [a.dataset.person, c.getAttribute('cx'), c.getAttribute('cy'), c.getAttribute('r')]; }));

test('the web of a strand shows its people, the table lists them, and a node opens the person', async () => {
  const tab = await openWeb();
  const n = await nodes(tab).count();
  // The same people as the people index of the strand.
  const index = await TarikhPage.open(browser, server.url, '#/people?strand=alash');
  const count = await index.page.locator('.results-bar .count').innerText();
  await index.close();
  assert.match(count, new RegExp(`^${n} `), `index says “${count}”, the web draws ${n}`);
  assert.ok(n > 10);
  assert.match(await tab.page.getByRole('status').first().innerText(), new RegExp(`^${n} people, \\d+ lines`));
  // Coloured lines for stated relations, grey ones for shared events.
  assert.ok(await tab.page.locator('.net-box line:not(.rel-with)').count() > 0);
  assert.ok(await tab.page.locator('.net-box line.rel-with').count() > 0);
  // The table, the accessible alternative, has a row per person (the first 40).
  assert.equal(await tab.page.locator('.map-table tbody tr').count(), Math.min(n, 40));
  // A node is focusable, has a name and opens that person's page.
  const b = tab.page.locator('.net-box a[data-person="alikhan-bukeikhan"]');
  assert.match(await b.getAttribute('aria-label'), /^Alikhan Bukeikhan: \d+ events, \d+ lines$/);
  await b.focus();
  assert.match(await tab.page.locator('.map-readout').innerText(), /Alikhan Bukeikhan/);
  await tab.page.keyboard.press('Enter');
  await tab.heading().filter({ hasText: 'Alikhan Bukeikhan' }).waitFor();
  assert.equal(hashOf(tab), '#/people/alikhan-bukeikhan');
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('the same link gives the same picture in two fresh browser contexts and at two widths', async () => {
  const a = await openWeb('#/network?strand=alash', { viewport: { width: 1280, height: 900 } });
  const b = await openWeb('#/network?strand=alash', { viewport: { width: 375, height: 800 } });
  const pa = await positions(a);
  assert.ok(pa.length > 10);
  assert.deepEqual(await positions(b), pa);
  assert.equal(await a.page.locator('.net-box svg').getAttribute('viewBox'), await openWeb('#/network?strand=alash', { viewport: { width: 1280, height: 900 } }).then(async (c) => { const v = await c.page.locator('.net-box svg').getAttribute('viewBox'); await c.close(); return v; }));
  await a.close();
  await b.close();
});

test('highlighting a person lights their lines; zoom and pan go through the link', async () => {
  const tab = await openWeb();
  await tab.page.getByRole('link', { name: 'Highlight Alikhan Bukeikhan' }).click();
  await tab.page.locator('#net-chosen-h').waitFor();
  assert.match(hashOf(tab), /sel=alikhan-bukeikhan/);
  assert.ok(await tab.page.locator('.net-box line.lit').count() > 0);
  assert.ok(await tab.page.locator('.net-box line.dim').count() > 0);
  assert.match(await tab.page.locator('.net-box a[data-person="alikhan-bukeikhan"]').getAttribute('class'), /chosen/);
  assert.ok((await tab.page.locator('.net-box .net-names text').allTextContents()).includes('Alikhan Bukeikhan'), 'the highlighted person is named');
  // The panel lists the lines in words.
  assert.ok(await tab.page.locator('.map-chosen li').count() > 0);
  const before = await tab.page.locator('.net-box svg').getAttribute('viewBox');
  await tab.page.getByRole('button', { name: 'Zoom in' }).click();
  await tab.page.waitForFunction(() => /at=/.test(location.hash));
  assert.match(hashOf(tab), /at=\d+,\d+,1\.6/);
  const zoomed = await tab.page.locator('.net-box svg').getAttribute('viewBox');
  assert.notEqual(zoomed, before);
  const w = (v) => Number(v.split(' ')[2]);
  assert.ok(Math.abs(w(before) / w(zoomed) - 1.6) < 0.05, `${before} → ${zoomed}`);
  // Keys on the picture pan it; 0 shows it whole.
  await tab.page.locator('.net-box').focus();
  const h1 = hashOf(tab);
  await tab.page.keyboard.press('ArrowRight');
  await tab.page.waitForFunction((h) => decodeURIComponent(location.hash) !== h, h1);
  await tab.page.keyboard.press('0');
  await tab.page.waitForFunction(() => !/at=/.test(location.hash));
  // A drag pans.
  await tab.page.getByRole('button', { name: 'Zoom in' }).click();
  await tab.page.waitForFunction(() => /at=/.test(location.hash));
  const h2 = hashOf(tab);
  const box = await tab.page.locator('.net-box').boundingBox();
  await tab.page.mouse.move(box.x + 30, box.y + box.height - 20);
  await tab.page.mouse.down();
  await tab.page.mouse.move(box.x + 130, box.y + box.height - 60, { steps: 5 });
  await tab.page.mouse.up();
  await tab.page.waitForFunction((h) => decodeURIComponent(location.hash) !== h, h2);
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('the people index links to the web of the same people', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/people?role=party');
  await tab.page.getByRole('link', { name: 'See the web of these people' }).click();
  await tab.heading().filter({ hasText: 'Web of people' }).waitFor();
  assert.equal(hashOf(tab), '#/network?role=party');
  await tab.close();
});

test('a person page shows the relations picture, each node a link to that person', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/people/alikhan-bukeikhan');
  await tab.heading().filter({ hasText: 'Alikhan Bukeikhan' }).waitFor();
  const fig = tab.page.locator('figure.ego');
  await fig.waitFor();
  assert.match(await fig.locator('svg').getAttribute('aria-label'), /Alikhan Bukeikhan’s \d+ stated relations and the \d+ people they most often appear with/);
  const links = fig.locator('.net-nodes a');
  assert.ok(await links.count() > 3);
  // The lines are labelled by kind.
  const kinds = await fig.locator('text.edge-name').allTextContents();
  assert.ok(kinds.some((k) => /^(sibling|child|parent|spouse|relative|colleague|ally|adversary|teacher|student)$/.test(k)), kinds.join(','));
  // Relations come first, in the order of the list below.
  const firstRel = await tab.page.locator('ul.relations li a').first().innerText();
  assert.match(await links.first().getAttribute('aria-label'), new RegExp(`^${firstRel}: `));
  const to = await links.first().getAttribute('data-person');
  await links.first().locator('circle').click();
  await tab.page.waitForFunction((id) => location.hash === `#/people/${id}`, to);
  await tab.page.goBack();
  await tab.page.getByRole('link', { name: 'In the web of people' }).click();
  await tab.heading().filter({ hasText: 'Web of people' }).waitFor();
  assert.match(hashOf(tab), /sel=alikhan-bukeikhan/);
  await tab.close();
});

for (const [width, dark] of [[375, false], [1280, false], [375, true]]) {
  test(`web and person page at ${width} px${dark ? ', dark' : ''}: axe 0, structure, no sideways scroll`, async () => {
    const options = { viewport: { width, height: 900 }, colorScheme: dark ? 'dark' : 'light', bypassCSP: true };
    const tab = await openWeb('#/network?strand=alash&sel=alikhan-bukeikhan', options);
    assert.deepEqual(await axe(tab.page), []);
    assert.deepEqual(await structure(tab.page), []);
    assert.ok(await tab.page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scroll');
    await tab.page.screenshot({ path: `/tmp/tarikh-network-${width}${dark ? '-dark' : ''}.png` });
    await tab.page.locator('.net-box').screenshot({ path: `/tmp/tarikh-network-box-${width}${dark ? '-dark' : ''}.png` });
    await tab.goto('#/people/alikhan-bukeikhan');
    await tab.page.locator('figure.ego').waitFor();
    assert.deepEqual(await axe(tab.page), []);
    assert.deepEqual(await structure(tab.page), []);
    assert.ok(await tab.page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scroll');
    await tab.page.locator('figure.ego').screenshot({ path: `/tmp/tarikh-ego-${width}${dark ? '-dark' : ''}.png` });
    await tab.close();
  });
}

test('the web prints: the picture and the table, no controls', async () => {
  const tab = await openWeb();
  await tab.page.emulateMedia({ media: 'print' });
  assert.equal(await tab.page.locator('.net-choose').isVisible(), false);
  assert.equal(await tab.page.locator('.map-zoom').isVisible(), false);
  assert.equal(await tab.page.locator('.net-box svg').isVisible(), true);
  assert.equal(await tab.page.locator('.map-table').isVisible(), true);
  assert.match(await tab.page.locator('.print-only').first().innerText(), /People: strand alash\./);
  await tab.close();
});

test('the single file draws the web from file://, with no other request', async () => {
  const file = 'file://' + resolve('dist/tarikh-offline.html');
  const context = await browser.newContext();
  const tab = new TarikhPage(await context.newPage(), file);
  await tab.goto('#/network?strand=alash');
  await tab.page.locator('.net-box .net-nodes a').first().waitFor({ state: 'attached' });
  assert.ok(await nodes(tab).count() > 10);
  assert.deepEqual(tab.requests.filter((u) => !u.startsWith(file) && !u.startsWith('data:')), []);
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

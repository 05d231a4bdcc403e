// Runs anywhere: one file opened from disk, offline after a first visit (and
// updates), print, and export — against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from './server.mjs';
import { launch, TarikhPage, TimelinePage } from './pages.mjs';

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

test('the single file works from disk: deep links and search, with no other request', async () => {
  const hosted = await TimelinePage.open(browser, server.url, '#/timeline?q=bokeikhanov&disputed=1');
  const expected = await hosted.countNumber();
  await hosted.close();
  const tab = await TimelinePage.open(browser, OFFLINE_FILE, '#/timeline?q=bokeikhanov&disputed=1');
  assert.equal(await tab.countNumber(), expected);
  await tab.page.getByRole('link', { name: 'About', exact: true }).click();
  await tab.heading().filter({ hasText: 'About Tarikh' }).waitFor();
  await tab.goto('#/disputes/arrest-1922-date');
  await tab.heading().filter({ hasText: /arrested in October 1922/ }).waitFor();
  assert.deepEqual(tab.requests.filter((u) => !u.startsWith(OFFLINE_FILE.split('#')[0]) && !u.startsWith('data:')), []);
  assert.equal(await tab.page.getByRole('link', { name: 'Download for offline use' }).count(), 0,
    'the file does not offer itself');
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('the hosted app offers the single file for download', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/about');
  const link = tab.page.getByRole('link', { name: 'Download for offline use' });
  const href = await link.getAttribute('href');
  const res = await fetch(new URL(href, server.url));
  assert.equal(res.status, 200);
  assert.match(await res.text(), /id="tarikh-wasm"/);
  await tab.close();
});

async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test('after a first visit the app keeps working offline, deep links included', async () => {
  const tab = await TimelinePage.open(browser, server.url, '#/timeline');
  await controlled(tab.page);
  await tab.page.context().setOffline(true);
  await tab.page.reload();
  await tab.ready();
  await tab.count().waitFor();
  await tab.goto('#/disputes/arrest-1922-date');
  await tab.heading().filter({ hasText: /arrested in October 1922/ }).waitFor();
  await tab.page.goto(server.url + '#/about');
  await tab.heading().filter({ hasText: 'About Tarikh' }).waitFor();
  await tab.page.context().setOffline(false);
  await tab.close();
});

test('a new deployment is picked up and the reader is told', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tarikh-deploy-'));
  await cp('dist', dir, { recursive: true });
  const site = await serve(dir, '/v/');
  try {
    const tab = await TarikhPage.open(browser, site.url);
    await controlled(tab.page);
    await tab.page.reload(); // a second visit: this page starts under the service worker
    await tab.ready();
    await controlled(tab.page);
    assert.equal(await tab.page.locator('#update').isVisible(), false);
    const sw = join(dir, 'sw.js');
    await writeFile(sw, (await readFile(sw, 'utf8')).replace(/const CACHE = 'tarikh-[0-9a-f]+/, "const CACHE = 'tarikh-0000000000000000"));
    await tab.page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await tab.page.locator('#update').waitFor({ state: 'visible' });
    // The old version's cache is deleted once the new one is active.
    await tab.page.waitForFunction(async () => {
      const names = await caches.keys();
      return names.length === 1 && names[0].startsWith('tarikh-0000000000000000:');
    });
    await tab.close();
  } finally {
    await site.close();
    await rm(dir, { recursive: true });
  }
});

test('the timeline prints without navigation, keeping the filter and the citations', async () => {
  const tab = await TimelinePage.open(browser, server.url, '#/timeline?person=alikhan-bukeikhan&from=1922&to=1922');
  await tab.page.emulateMedia({ media: 'print' });
  assert.equal(await tab.nav().isVisible(), false);
  assert.equal(await tab.search().isVisible(), false);
  assert.match(await tab.page.locator('.print-only').first().innerText(), /person: Alikhan Bukeikhan/);
  assert.ok(await tab.cards().first().locator('cite').isVisible());
  for (const format of ['A4', 'Letter']) {
    const pdf = (await tab.page.pdf({ format, printBackground: false })).toString('latin1');
    const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 1 && pages < 20, `${format}: ${pages} pages`);
  }
  await tab.close();
});

test('export: the current events as CSV and JSON, and a citation of the view', async () => {
  const tab = await TimelinePage.open(browser, server.url, '#/timeline?strand=khiva');
  const n = await tab.countNumber();
  await tab.page.getByText('Export and cite').click();
  const [csv] = await Promise.all([
    tab.page.waitForEvent('download'),
    tab.page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const text = await readFile(await csv.path(), 'utf8');
  const rows = text.trim().split('\r\n');
  assert.match(rows[0], /^"id","date","start","end","title","summary"/);
  assert.equal(rows.length, n + 1, 'one row per event shown');
  const [json] = await Promise.all([
    tab.page.waitForEvent('download'),
    tab.page.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  const events = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.equal(events.length, n);
  assert.ok(events.every((e) => e.strands.includes('Khiva') && e.citations.length > 0));
  const cite = await tab.page.getByLabel('Cite this view').inputValue();
  assert.match(cite, /strand: Khiva/);
  assert.ok(cite.includes(tab.page.url()), 'the citation carries the link');
  await tab.close();
});

test('a person page, the quiz worksheet and its answer key print to PDF on A4 and Letter, without navigation', async () => {
  const quiz = '#/quiz?strand=alash&n=6&level=normal&feedback=end&seed=print-pdf';
  for (const [hash, heading, cited] of [
    ['#/people/alikhan-bukeikhan', 'Alikhan Bukeikhan', true],
    [`${quiz}&print=worksheet`, /Worksheet/i, false], // the students' sheet gives no answers away
    [`${quiz}&print=key`, /Answer key/i, true],
  ]) {
    const tab = await TarikhPage.open(browser, server.url, hash);
    await tab.heading().filter({ hasText: heading }).waitFor();
    await tab.page.emulateMedia({ media: 'print' });
    assert.equal(await tab.nav().isVisible(), false, `${hash}: navigation printed`);
    if (cited) assert.ok(await tab.page.locator('main cite').first().isVisible(), `${hash}: citations kept`);
    for (const format of ['A4', 'Letter']) {
      const pdf = (await tab.page.pdf({ format })).toString('latin1');
      const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      assert.ok(pages >= 1 && pages < 30, `${hash} on ${format}: ${pages} pages`);
    }
    assert.deepEqual(tab.errors, []);
    await tab.close();
  }
});

// The source reader (issue 15): a citation opens the cited paragraphs of the source
// text, with the paragraph before and after, previous/next, the data's quotations
// marked in place; the texts are an on-demand file (not in the first load), cached by
// the service worker, and inlined in the single file, which reads them from file://.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { serve } from './server.mjs';
import { launch, TarikhPage, axe, structure } from './pages.mjs';

const OFFLINE_FILE = 'file://' + resolve('dist/tarikh-offline.html');
const FILE = readdirSync('dist').find((f) => /^sources-[0-9a-f]{16}\.txt$/.test(f));

/** The shipped texts file read as the app reads it: id → paragraphs (1-based as [n - 1]). */
function texts() {
  const out = new Map();
  let current = null;
  for (const line of readFileSync(`dist/${FILE}`, 'utf8').split('\n').slice(1)) {
    const head = line.match(/^@ (\S+) (\d+)$/);
    if (head) out.set(head[1], (current = []));
    else if (line) current.push(line);
  }
  return out;
}
const TEXTS = texts();
const para = (id, n) => TEXTS.get(id)[n - 1];
const words = (s) => s.replace(/\s+/g, ' ').trim();

let server, browser;
before(async () => {
  server = await serve('dist', '/tarikh/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const asked = (tab) => tab.page.locator('.reader-text .para.asked');
/** The reader's shown paragraph numbers and texts (without the ¶ link). */
const shownText = (loc) => loc.evaluateAll((ps) => ps.map((p) => {
  const c = p.cloneNode(true);
  c.querySelector('.pn').remove();
  return [Number(p.dataset.p), c.textContent.replace(/\s+/g, ' ').trim()];
}));

test('the texts are one hashed file, the pipeline\'s own numbering, within budget', () => {
  assert.ok(FILE, 'a sources-<hash>.txt in dist/');
  const raw = readFileSync(`dist/${FILE}`);
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`source texts: ${raw.length} B raw, ${br} B brotli`);
  assert.ok(br <= 60_000, `${br} B brotli`);
  // The very file the data pipeline writes from the texts (paragraphs::split).
  const again = execFileSync('cargo', ['run', '--quiet', '--offline', '-p', 'tarikh-data', '--bin', 'tarikh-sources'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(raw.toString(), again);
  assert.deepEqual([...TEXTS.keys()], ['enc-alash', 'alash-periods', 'moscow-cage', 'khiva-1918', 'basmachi']);
  assert.equal(TEXTS.get('moscow-cage').length, 242);
  // The service worker keeps it for offline use.
  assert.match(readFileSync('dist/sw.js', 'utf8'), new RegExp(`"\\./${FILE}"`));
});

test('a citation on an event page opens the cited paragraph; next and previous step through the text', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/events/1925-12-fifth-kazakh-party-conference');
  const cite = tab.page.locator('main ul.cites a.cite-link').first();
  const href = await cite.getAttribute('href');
  const [, id, from, to] = href.match(/^#\/sources\/([a-z0-9-]+)\?p=(\d+)(?:-(\d+))?$/);
  const [a, b] = [Number(from), Number(to ?? from)];
  assert.ok(!tab.requests.some((u) => u.includes('/sources-')), 'the event page did not load the texts');
  await cite.click();
  await asked(tab).first().waitFor();
  assert.ok(tab.requests.some((u) => u.includes(`/${FILE}`)), 'the reader fetched the texts');
  const got = await shownText(asked(tab));
  assert.deepEqual(got, Array.from({ length: b - a + 1 }, (_, i) => [a + i, words(para(id, a + i))]));
  assert.match(await tab.heading().innerText(), /\S/);
  // The paragraph before, as its end; the one after as its start.
  const neighbours = await shownText(tab.page.locator('.reader-text .para.neighbour'));
  assert.deepEqual(neighbours.map(([n]) => n), [a - 1, b + 1].filter((n) => n >= 1 && n <= TEXTS.get(id).length));
  assert.ok(words(para(id, a - 1)).endsWith(neighbours[0][1].replace(/^… /, '')));
  // Next, next, previous: one paragraph at a time, the text matching.
  const steps = tab.page.getByRole('navigation', { name: 'Paragraphs' });
  await steps.getByRole('link', { name: 'Next →' }).click();
  await tab.page.waitForFunction((p) => location.hash.endsWith(`?p=${p}`), b + 1);
  assert.deepEqual(await shownText(asked(tab)), [[b + 1, words(para(id, b + 1))]]);
  await steps.getByRole('link', { name: 'Next →' }).click();
  await tab.page.waitForFunction((p) => location.hash.endsWith(`?p=${p}`), b + 2);
  await steps.getByRole('link', { name: '← Previous' }).click();
  await tab.page.waitForFunction((p) => location.hash.endsWith(`?p=${p}`), b + 1);
  assert.deepEqual(await shownText(asked(tab)), [[b + 1, words(para(id, b + 1))]]);
  // Back returns to the citation as opened.
  await tab.page.goBack();
  await tab.page.goBack();
  await tab.page.goBack();
  await tab.page.waitForFunction((h) => location.hash === h, href);
  assert.equal((await shownText(asked(tab)))[0][0], a);
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('the quotation the data takes is marked in place, across the two paragraphs it spans', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/events/1925-12-fifth-kazakh-party-conference');
  const quote = words(await tab.page.locator('.quote blockquote').innerText());
  await tab.page.locator('.quote figcaption a.cite-link').click();
  await asked(tab).first().waitFor();
  const marked = await tab.page.locator('.reader-text .para.asked mark').allInnerTexts();
  assert.ok(marked.length >= 1);
  assert.equal(words(marked.join(' ')), quote.replace(/^[“"]|[”"]$/g, ''));
  // Rendered as text: the texts' markup-like characters are not HTML.
  assert.equal(await tab.page.locator('.reader-text script, .reader-text img').count(), 0);
  await tab.close();
});

test('the first load of the site does not request the texts; the ends and a bad link are said', async () => {
  for (const hash of ['', '#/timeline', '#/about']) {
    const tab = await TarikhPage.open(browser, server.url, hash);
    await tab.page.waitForTimeout(300);
    assert.ok(!tab.requests.some((u) => u.includes('/sources-')), `${hash || '#/'} requested the texts`);
    await tab.close();
  }
  const tab = await TarikhPage.open(browser, server.url, '#/sources/khiva-1918?p=1');
  await asked(tab).first().waitFor();
  const steps = tab.page.getByRole('navigation', { name: 'Paragraphs' });
  assert.equal(await steps.getByRole('link', { name: '← Previous' }).count(), 0, 'no paragraph before the first');
  await tab.goto('#/sources/khiva-1918?p=400');
  await asked(tab).first().waitFor();
  assert.equal((await shownText(asked(tab)))[0][0], 19);
  assert.match(await tab.page.locator('main [role=status]').innerText(), /no paragraph 400/);
  assert.equal(await steps.getByRole('link', { name: 'Next →' }).count(), 0, 'no paragraph after the last');
  await tab.goto('#/sources/nowhere?p=1');
  assert.match(await tab.heading().innerText(), /Not found/);
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('About links each source to its text, the whole text in the reader', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/about');
  const links = tab.page.locator('li.source .read-source a');
  assert.equal(await links.count(), 5);
  await links.nth(3).click();
  await tab.page.locator('.reader-text .para').first().waitFor();
  assert.equal(await tab.page.evaluate(() => location.hash), '#/sources/khiva-1918');
  assert.match(await tab.page.locator('.reader-ref').innerText(), /^Source text: journal article \(untitled/);
  assert.equal(await tab.page.locator('.reader-text .para').count(), 19);
  assert.equal(await tab.page.locator('.reader-text h2').count(), 3, 'the three sections of data/sources.toml');
  await tab.close();
});

test('the single file opens a citation from file://, its texts inlined, no request', async () => {
  const tab = await TarikhPage.open(browser, OFFLINE_FILE, '#/sources/khiva-1918?p=3-4');
  await asked(tab).first().waitFor();
  assert.deepEqual(await shownText(asked(tab)), [[3, words(para('khiva-1918', 3))], [4, words(para('khiva-1918', 4))]]);
  await tab.page.getByRole('link', { name: 'Next →' }).click();
  await tab.page.waitForFunction(() => location.hash.endsWith('?p=5'));
  assert.deepEqual(await shownText(asked(tab)), [[5, words(para('khiva-1918', 5))]]);
  assert.deepEqual(tab.requests.filter((u) => !u.startsWith(OFFLINE_FILE) && !u.startsWith('data:')), []);
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

for (const [width, height, dark] of [[375, 667, false], [1280, 900, false], [375, 667, true]]) {
  test(`the reader at ${width} px${dark ? ', dark' : ''}: axe 0, structure, the cited paragraph in view`, async () => {
    const tab = await TarikhPage.open(browser, server.url, '#/sources/moscow-cage?p=143-144',
      { viewport: { width, height }, colorScheme: dark ? 'dark' : 'light', bypassCSP: true });
    await asked(tab).first().waitFor();
    assert.deepEqual(await axe(tab.page), []);
    assert.deepEqual(await structure(tab.page), []);
    assert.ok(await tab.page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scroll');
    const top = await asked(tab).first().evaluate((p) => p.getBoundingClientRect().top);
    const next = await tab.page.getByRole('link', { name: 'Next →' }).evaluate((a) => a.getBoundingClientRect().bottom);
    console.log(`reader at ${width}×${height}: cited paragraph at ${Math.round(top)} px, Next at ${Math.round(next)} px`);
    assert.ok(top < height - 100, `the cited paragraph starts at ${top} px of ${height}`);
    assert.ok(next <= height, 'Next is in view');
    await tab.page.screenshot({ path: `/tmp/tarikh-reader-${width}${dark ? '-dark' : ''}.png` });
    await tab.close();
  });
}

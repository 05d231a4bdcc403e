// The offline copy survives a deploy (issue #19). The site is served as a plain static
// host does (Last-Modified, no Cache-Control: the browser keeps copies for a tenth of
// their age without asking); a deploy puts a new build with new hashed names in place
// and deletes the old files; then the reader goes offline. TARIKH_DIST picks another
// build (default dist/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { serve } from './server.mjs';
import { launch, TarikhPage } from './pages.mjs';

const DIST = process.env.TARIKH_DIST ?? 'dist';
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const HASHED = /^(?:tarikh-[0-9a-f]+(?:_bg)?\.(?:js|wasm)|main-[0-9a-f]+\.css|boot-[0-9a-f]+\.js|shell-[0-9a-f]+\.js|tarikh-split-[0-9a-f]+\.js|tarikh-(?:split|chunk)-[\w-]+-[0-9a-f]{16}\.wasm)$/;
// A hashed name with its hash's first digit moved by `by` (the same app, renamed).
const rehash = (f, by) => f.replace(/-([0-9a-f])([0-9a-f]{15})(?=(?:_bg)?\.)/, (_, d, rest) => `-${((parseInt(d, 16) + by) % 16).toString(16)}${rest}`);
/** index.html's integrity attributes made true again for what the files now hold. */
async function integrity(dir, html) {
  const out = [];
  for (const tag of html.split(/(?=<link )/)) {
    const m = tag.match(/^<link [^>]*href="\.\/([^"]+)"[^>]*integrity="sha384-[^"]*"/);
    if (!m) { out.push(tag); continue; }
    const sum = createHash('sha384').update(await readFile(join(dir, m[1]))).digest('base64');
    out.push(tag.replace(/integrity="sha384-[^"]*"/, `integrity="sha384-${sum}"`));
  }
  return out.join('');
}
const TEXT = /\.(?:html|js|css)$/;
const DAY = 86_400_000;

/** Every file of `dir` last modified `age` ms ago. */
async function age(dir, ms) {
  const t = new Date(Date.now() - ms);
  for (const f of await readdir(dir)) await utimes(join(dir, f), t, t);
}

/**
 * Deploys build `mark` over `dir`: the same app under new hashed names (each hash's
 * first digit changed), every reference rewritten, a new build id and service worker
 * version (`mark` appended to each), a marker in index.html, the old hashed files deleted (`keepOld`: left, as
 * a host that never deletes does). `index`: whether index.html is updated too.
 */
async function deploy(dir, mark, { index = true, keepOld = false } = {}) {
  const files = await readdir(dir);
  const renames = new Map(files.filter((f) => HASHED.test(f)).map((f) => [f, rehash(f, 1)]));
  const swap = (text) => {
    for (const [from, to] of renames) text = text.split(from).join(to);
    return text
      // The mark is appended (a replaced last digit could be the same digit).
      .replace(/(<meta name="tarikh-build" content=")([0-9a-f]+)/g, (_, a, id) => a + id + mark)
      .replace(/(const BUILD = ')([0-9a-f]+)/, (_, a, id) => a + id + mark)
      .replace(/(const CACHE = 'tarikh-)([0-9a-f]+)/, (_, a, v) => a + v + mark);
  };
  for (const f of files) {
    if (f === 'index.html' && !index) continue;
    const to = renames.get(f) ?? f;
    if (TEXT.test(f)) {
      let text = swap(await readFile(join(dir, f), 'utf8'));
      if (f === 'index.html') text = text.replace('<meta charset="utf-8">', `<meta charset="utf-8"><meta name="e2e-build" content="${mark}">`);
      await writeFile(join(dir, to), text);
    } else if (to !== f) {
      await cp(join(dir, f), join(dir, to));
    }
    if (to !== f && !keepOld) await unlink(join(dir, f));
  }
  // A real build's files match their integrity hashes; renamed references changed some.
  if (index) await writeFile(join(dir, 'index.html'), await integrity(dir, await readFile(join(dir, 'index.html'), 'utf8')));
}

/** Asks the browser to look for a new service worker; resolves to the new one's fate. */
const update = (page) => page.evaluate(async () => {
  const reg = await navigator.serviceWorker.getRegistration();
  const fate = new Promise((done) => reg.addEventListener('updatefound', () => {
    const w = reg.installing;
    w.addEventListener('statechange', () => { if (w.state === 'activated' || w.state === 'redundant') done(w.state); });
  }, { once: true }));
  await reg.update().catch(() => {});
  return Promise.race([fate, new Promise((done) => setTimeout(() => done('no update found'), 20_000))]);
});

async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Opens the site offline in a new tab of `context`: is the app live, and which build is it. */
async function offline(context, url) {
  await context.setOffline(true);
  const tab = new TarikhPage(await context.newPage(), url);
  let live = true;
  try {
    await tab.page.goto(url + '#/about', { timeout: 10_000 });
    await tab.page.locator('html[data-app="live"]').waitFor({ state: 'attached', timeout: 10_000 });
  } catch {
    live = false;
  }
  const build = live ? await tab.page.evaluate(() => document.querySelector('meta[name="e2e-build"]')?.content ?? 'first') : null;
  const single = live ? await tab.page.evaluate(() => fetch('tarikh-offline.html').then((r) => r.text(), () => ''))
    .then((t) => t.match(/<meta name="tarikh-build" content="([0-9a-f]+)"/)?.[1] ?? null) : null;
  await tab.page.close();
  await context.setOffline(false);
  return { live, build, single };
}

async function site(fn) {
  const dir = await mkdtemp(join(tmpdir(), 'tarikh-deploy-'));
  await cp(DIST, dir, { recursive: true });
  await age(dir, 30 * DAY); // published a month ago: the browser may keep copies for 3 days
  const host = await serve(dir, '/t/', 0, { lastModified: true });
  const context = await browser.newContext();
  try {
    await fn({ dir, host, context });
  } finally {
    await context.close();
    await host.close();
    await rm(dir, { recursive: true });
  }
}

test('a deploy with new hashed names and the old files deleted, on a plain static host: offline runs the new build, the single file included', async () => {
  await site(async ({ dir, host, context }) => {
    const tab = new TarikhPage(await context.newPage(), host.url);
    await tab.goto('#/about');
    await controlled(tab.page);
    await tab.page.reload(); // a second visit: under the service worker, the pages in the HTTP cache
    await tab.ready();
    await controlled(tab.page);
    const first = await offline(context, host.url);
    assert.deepEqual([first.live, first.build], [true, 'first'], 'offline after a first visit');
    assert.ok(first.single, '"Download for offline use" works offline');

    await deploy(dir, 'b');
    assert.equal(await update(tab.page), 'activated');
    await tab.page.locator('#update').waitFor({ state: 'visible' });
    const names = await tab.page.evaluate(() => caches.keys());
    assert.equal(names.length, 1, `one cache: ${names}`);
    const now = await offline(context, host.url);
    assert.equal(now.live, true, 'the app starts offline after the deploy');
    assert.equal(now.build, 'b', 'and it is the new build');
    assert.ok(now.single?.endsWith('b'), 'the single file offline is the new build\'s');
    assert.deepEqual(tab.errors, []);
  });
});

test('a host still serving the old index.html: the new version is not installed, the old one keeps working offline, until index.html follows', async () => {
  await site(async ({ dir, host, context }) => {
    const tab = new TarikhPage(await context.newPage(), host.url);
    await tab.goto('#/about');
    await controlled(tab.page);
    const before = await tab.page.evaluate(() => caches.keys());
    // Everything but index.html: the new service worker would cache the old page.
    await deploy(dir, 'c', { index: false, keepOld: true });
    assert.equal(await update(tab.page), 'redundant', 'the new version refuses to install');
    assert.deepEqual(await tab.page.evaluate(() => caches.keys()), before, 'the old cache is kept, whole');
    assert.deepEqual((await offline(context, host.url)).live, true, 'and works offline');
    // The host catches up: the next check installs it.
    const index = await readFile(join(dir, 'index.html'), 'utf8');
    const fresh = await readdir(dir);
    let text = index;
    for (const f of fresh.filter((f) => HASHED.test(f))) {
      const old = rehash(f, 15);
      if (fresh.includes(old) && f !== old && text.includes(old)) text = text.split(old).join(f);
    }
    text = text.replace(/(<meta name="tarikh-build" content=")([0-9a-f]+)/, (_, a, id) => a + id + 'c')
      .replace('<meta charset="utf-8">', '<meta charset="utf-8"><meta name="e2e-build" content="c">');
    await writeFile(join(dir, 'index.html'), await integrity(dir, text));
    assert.equal(await update(tab.page), 'activated');
    const now = await offline(context, host.url);
    assert.deepEqual([now.live, now.build], [true, 'c']);
  });
});

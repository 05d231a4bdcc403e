// Safety: a strict Content-Security-Policy, no third-party requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { serve } from './server.mjs';
import { launch, TarikhPage } from './pages.mjs';

let server, browser;
before(async () => {
  server = await serve('dist', '/sec/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('index.html has a strict CSP and no inline script', async () => {
  const html = await readFile('dist/index.html', 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '';
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.match(csp, /object-src 'none'/);
  assert.match(csp, /connect-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|https?:/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'an inline script');
});

test('the app runs under its CSP, and the CSP stops an injected inline script', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/timeline?q=kokand');
  await tab.page.getByRole('status').filter({ hasText: /event/ }).waitFor();
  const ran = await tab.page.evaluate(() => {
    window.injected = false;
    const s = document.createElement('script');
    s.textContent = 'window.injected = true';
    document.body.append(s);
    return window.injected;
  });
  assert.equal(ran, false, 'an inline script ran despite the CSP');
  const csp = tab.errors.filter((e) => /Content Security Policy/.test(e));
  assert.equal(csp.length, 1, 'only the injected script was refused');
  await tab.close();
});

test('every view requests nothing from any other origin, and no font at all', async () => {
  const tab = await TarikhPage.open(browser, server.url);
  const kinds = [];
  tab.page.on('request', (r) => kinds.push(`${r.resourceType()} ${r.url()}`));
  for (const hash of ['#/timeline?q=alash', '#/people', '#/people/alikhan-bukeikhan', '#/quiz', '#/quiz?strand=alash&n=3&seed=sec',
    '#/quiz?strand=alash&n=3&seed=sec&print=key', '#/about', '#/events/bukeikhan-arrested-1922', '#/disputes/arrest-1922-date']) {
    await tab.goto(hash);
  }
  const foreign = tab.requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(kinds.filter((k) => k.startsWith('font ')), [], 'a web font was loaded');
  assert.deepEqual(tab.failed, []);
  await tab.close();
  // Nor could any: the stylesheet names no font file, imports nothing and points nowhere else.
  const css = await readFile('dist/' + (await readdir('dist')).find((f) => /^main-.*\.css$/.test(f)), 'utf8');
  assert.doesNotMatch(css, /@font-face|@import|url\(\s*['"]?(https?:)?\/\//i);
});

// The single file (dist/tarikh-offline.html) carries its own policy in a <meta>:
// the inline start-up script and stylesheet it was built with, by hash; nothing else.
const OFFLINE_FILE = 'file://' + resolve('dist/tarikh-offline.html');
const directives = (csp) => Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
const hash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

test('the single file has a strict CSP: its own inline script and style by hash, nothing else', async () => {
  const html = await readFile('dist/tarikh-offline.html', 'utf8');
  const metas = [...html.matchAll(/http-equiv="Content-Security-Policy" content="([^"]+)"/g)];
  assert.equal(metas.length, 1, 'one policy');
  assert.ok(html.indexOf(metas[0][0]) < html.indexOf('<script'), 'the policy comes before any script');
  const d = directives(metas[0][1]);
  for (const [k, v] of Object.entries({
    'default-src': ["'none'"], 'object-src': ["'none'"], 'base-uri': ["'none'"], 'form-action': ["'none'"],
    'connect-src': ["'none'"], 'img-src': ['data:'],
  })) assert.deepEqual(d[k], v, k);
  // Scripts: exactly the hashes of the inline scripts in the file, and wasm compilation.
  const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attrs]) => !/type="(application\/octet-stream|text\/plain)"/.test(attrs));
  assert.equal(scripts.length, 1, 'one inline script (the wasm and the basemap travel as data)');
  assert.ok(scripts.every(([, attrs]) => !/\bsrc=/.test(attrs)), 'no script is loaded from anywhere');
  assert.doesNotMatch(scripts[0][2], /^\s*import[\s{*]|\bimport\s*\(|['"`]data:/m, 'the start-up script imports nothing');
  assert.deepEqual(d['script-src'], [...scripts.map(([, , body]) => hash(body)), "'wasm-unsafe-eval'"]);
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)];
  assert.deepEqual(d['style-src'], styles.map(([, body]) => hash(body)));
  assert.doesNotMatch(metas[0][1], /unsafe-inline|'self'|https?:|blob:|\*/);
  assert.doesNotMatch(d['script-src'].join(' '), /data:/);
});

test('the single file runs from disk under its CSP on every view, and refuses injected script and style', async () => {
  const tab = await TarikhPage.open(browser, OFFLINE_FILE, '#/timeline?q=alash&from=1917&to=1920');
  for (const [hash, heading] of [
    ['#/timeline?q=kokand&strand=basmachi', 'Timeline'],
    ['#/events/bukeikhan-arrested-1922', /Bukeikhan/],
    ['#/disputes/arrest-1922-date', /arrested in October 1922/],
    ['#/people?q=bokeikhanov', 'People'],
    ['#/people/alikhan-bukeikhan', 'Alikhan Bukeikhan'],
    ['#/quiz', 'Quiz'],
    ['#/quiz?strand=alash&n=3&seed=csp', 'Quiz'],
    ['#/quiz?strand=alash&n=3&seed=csp&print=key', /answer key/],
    ['#/about', 'About Tarikh'],
    ['#/no/such/view', 'Not found'],
  ]) {
    await tab.goto(hash);
    await tab.heading().filter({ hasText: heading }).waitFor();
  }
  assert.deepEqual(tab.errors, [], 'the app itself breaks no rule of its policy');
  const outcome = await tab.page.evaluate(() => new Promise((done) => {
    const refused = [];
    document.addEventListener('securitypolicyviolation', (e) => refused.push(`${e.effectiveDirective} ${e.blockedURI}`));
    window.injected = [];
    const inline = document.createElement('script');
    inline.textContent = 'window.injected.push("inline")';
    document.body.append(inline);
    const fromData = document.createElement('script');
    fromData.src = 'data:text/javascript,window.injected.push("data")';
    document.body.append(fromData);
    const style = document.createElement('style');
    style.textContent = 'main { display: none }';
    document.head.append(style);
    setTimeout(() => done({ refused: refused.sort(), injected: window.injected,
      mainShown: getComputedStyle(document.querySelector('main')).display !== 'none' }), 300);
  }));
  assert.deepEqual(outcome.injected, [], 'an injected script ran');
  assert.ok(outcome.mainShown, 'an injected stylesheet applied');
  assert.deepEqual(outcome.refused, ['script-src-elem data', 'script-src-elem inline', 'style-src-elem inline']);
  assert.deepEqual(tab.requests.filter((u) => !u.startsWith(OFFLINE_FILE.split('#')[0]) && !u.startsWith('data:')), []);
  await tab.close();
});

test('in the single file a panic shows the recovery message, and its link brings the app back', async () => {
  const tab = await TarikhPage.open(browser, OFFLINE_FILE, '#/people');
  await tab.panicAndRecover();
  assert.ok(tab.page.url().startsWith(OFFLINE_FILE), 'still the same file');
  await tab.close();
});

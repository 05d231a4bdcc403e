// Safety: a strict Content-Security-Policy, no third-party requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
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

test('every view requests nothing from any other origin', async () => {
  const tab = await TarikhPage.open(browser, server.url);
  for (const hash of ['#/timeline?q=alash', '#/people', '#/quiz', '#/about', '#/events/bukeikhan-arrested-1922', '#/disputes/arrest-1922-date']) {
    await tab.goto(hash);
  }
  const foreign = tab.requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(tab.failed, []);
  await tab.close();
});

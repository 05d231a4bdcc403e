// Robustness in the browser: arbitrary addresses never panic nor leave a blank
// page; fast typing and resizing keep the state consistent.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, TarikhPage, TimelinePage } from './pages.mjs';

let server, browser;
before(async () => {
  server = await serve('dist', '/fuzz/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A deterministic generator of nasty fragments. */
function* fragments(n, seed = 7) {
  let x = seed;
  const rnd = (k) => { x = (x * 1103515245 + 12345) % 2147483648; return x % k; };
  const paths = ['/timeline', '/people', '/people/', '/events/', '/disputes/', '/quiz', '/about', '/', '', '//', '/x/y/z', '/%', '/%E2%82', '/people/%00'];
  const keys = ['q', 'from', 'to', 'strand', 'type', 'person', 'place', 'org', 'source', 'disputed', 'periods', 'page', 'seed', 'n', '', '%', 'q[]'];
  const bits = ['%', '%zz', '%E2%28%A1', '&', '=', '==', '+', ',', ',,', '#', '?', '1917', '-5', '99999999999999999999', 'alash', 'ұлы', '😀', '<script>', '"', "'", '\\', 'alikhan-bukeikhan', 'none'];
  for (let i = 0; i < n; i++) {
    let s = '#' + paths[rnd(paths.length)];
    if (rnd(3)) s += bits[rnd(bits.length)];
    if (rnd(4)) {
      s += '?';
      for (let k = 0; k < 1 + rnd(6); k++) {
        s += keys[rnd(keys.length)] + '=';
        const len = i % 25 === 0 ? 3000 : rnd(5);
        for (let j = 0; j < len; j++) s += bits[rnd(bits.length)];
        s += '&';
      }
    }
    yield s;
  }
}

test('200 malformed addresses: always a view with a heading, never the panic panel', async () => {
  const tab = await TarikhPage.open(browser, server.url);
  for (const hash of fragments(200)) {
    await tab.page.evaluate((h) => { location.hash = h.slice(1); }, hash);
    await tab.page.waitForTimeout(5);
    const state = await tab.page.evaluate(() => ({
      h1: document.querySelectorAll('main h1').length,
      panic: !document.getElementById('panic').hidden,
      text: document.querySelector('main')?.textContent.length ?? 0,
    }));
    assert.equal(state.panic, false, `panic on ${hash}`);
    assert.equal(state.h1, 1, `no single heading on ${hash}`);
    assert.ok(state.text > 0, `blank main on ${hash}`);
  }
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('fast typing and resizing keep the results and the address in step', async () => {
  const tab = await TimelinePage.open(browser, server.url);
  await tab.search().focus();
  for (const size of [375, 1280, 320, 1024]) {
    await tab.page.setViewportSize({ width: size, height: 700 });
    await tab.page.keyboard.type('kok', { delay: 0 });
    await tab.page.keyboard.press('Backspace');
    await tab.page.keyboard.press('Backspace');
    await tab.page.keyboard.press('Backspace');
  }
  await tab.page.keyboard.type('Kokand', { delay: 0 });
  await tab.page.waitForFunction(() => location.hash === '#/timeline?q=Kokand');
  const expected = await TimelinePage.open(browser, server.url, '#/timeline?q=Kokand');
  assert.equal(await tab.countNumber(), await expected.countNumber());
  assert.deepEqual(await tab.cardTitles(), await expected.cardTitles());
  assert.equal(await tab.search().inputValue(), 'Kokand');
  assert.deepEqual(tab.errors, []);
  await expected.close();
  await tab.close();
});

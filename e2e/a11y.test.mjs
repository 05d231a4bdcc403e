// Accessibility: axe-core (WCAG 2.2 A/AA rules) finds nothing on any view, in the
// light and the dark theme; the layout holds at 320 px and with 200% text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, axe, TarikhPage } from './pages.mjs';

let server, browser;
before(async () => {
  server = await serve('dist', '/a11y/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const VIEWS = [
  '#/timeline',
  '#/timeline?q=bukeikhan&strand=khiva', // empty result with its offers
  '#/timeline?q=alash&from=1917&to=1920&disputed=1&type=congress',
  '#/events/bukeikhan-arrested-1922',
  '#/disputes/arrest-1922-date',
  '#/about',
  '#/people',
  '#/people?q=bokeikhanov&sort=first', // a name resolved, a variant shown
  '#/people?q=zzzz&strand=khiva', // no one: offers and similar names
  '#/people/alikhan-bukeikhan',
  '#/people/smakhan-tore', // relations derived from the other side
  '#/people/bokeikhanov', // not found, with suggestions
  '#/quiz',
  '#/no/such/view',
];

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no WCAG A/AA violation on any view (${colorScheme} theme)`, async () => {
    // axe is injected as a script, which the app's CSP rightly refuses: bypass it here.
    const tab = await TarikhPage.open(browser, server.url, '', { colorScheme, bypassCSP: true });
    const found = [];
    for (const hash of VIEWS) {
      await tab.goto(hash);
      await tab.page.waitForTimeout(100);
      for (const v of await axe(tab.page)) found.push(`${hash}: ${v}`);
    }
    assert.deepEqual(found, []);
    await tab.close();
  });
}

test('usable at 320 px wide and with text at 200%: nothing scrolls sideways', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/timeline', { viewport: { width: 320, height: 640 } });
  for (const zoom of ['100%', '200%']) {
    await tab.page.evaluate((z) => { document.documentElement.style.fontSize = z; }, zoom);
    for (const hash of ['#/timeline', '#/about', '#/disputes/arrest-1922-date', '#/people', '#/people/alikhan-bukeikhan']) {
      await tab.goto(hash);
      await tab.page.evaluate((z) => { document.documentElement.style.fontSize = z; }, zoom);
      const overflow = await tab.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `${hash} at ${zoom}: ${overflow}px wider than the screen`);
    }
  }
  await tab.close();
});

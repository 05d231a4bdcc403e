// Screenshots of every view at a phone's and a laptop's width (kept in
// e2e/artifacts/ for a person to look at), with checks a person would make:
// nothing wider than the screen, one heading, a visible focus ring.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { serve } from './server.mjs';
import { launch, TarikhPage } from './pages.mjs';

let server, browser;
before(async () => {
  server = await serve('dist', '/screens/');
  browser = await launch();
  await mkdir('e2e/artifacts', { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const VIEWS = {
  timeline: '#/timeline?q=bukeikhan&from=1917&to=1922',
  event: '#/events/bukeikhan-arrested-1922',
  dispute: '#/disputes/arrest-1922-date',
  people: '#/people',
  person: '#/people/alikhan-bukeikhan',
  quiz: '#/quiz?strand=alash&n=5&seed=screens',
  about: '#/about',
};

for (const width of [375, 1280]) {
  test(`every view at ${width} px: fits the screen, one heading, screenshot saved`, async () => {
    const tab = await TarikhPage.open(browser, server.url, '', { viewport: { width, height: 900 } });
    for (const [name, hash] of Object.entries(VIEWS)) {
      await tab.goto(hash);
      await tab.page.waitForTimeout(100);
      assert.equal(await tab.heading().count(), 1, `${name}: one <h1>`);
      const overflow = await tab.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `${name} at ${width}px: ${overflow}px wider than the screen`);
      await tab.page.screenshot({ path: `e2e/artifacts/${name}-${width}.png` });
    }
    assert.deepEqual(tab.errors, []);
    await tab.close();
  });
}

test('keyboard focus is visible on links, buttons and fields', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/timeline');
  for (const selector of ['nav a', '#q', '.results-bar button']) {
    await tab.page.locator(selector).first().focus();
    await tab.page.keyboard.press('Shift+Tab');
    await tab.page.keyboard.press('Tab');
    const outline = await tab.page.evaluate(() => {
      const s = getComputedStyle(document.activeElement);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    assert.notEqual(outline.style, 'none', `${selector}: no focus outline`);
    assert.ok(outline.width >= 2, `${selector}: focus outline ${outline.width}px`);
  }
  await tab.close();
});

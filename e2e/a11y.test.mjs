// Accessibility: axe-core (WCAG 2.2 A/AA rules) finds nothing on any view, in the
// light and the dark theme; landmarks, headings in order and a name on every control;
// the layout holds at 320 px and with 200% text; reduced motion is respected.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, axe, structure, TarikhPage } from './pages.mjs';

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
  '#/', // the start page
  '#/tours/fall-of-khiva', // a tour's page
  '#/timeline',
  '#/timeline?q=bukeikhan&strand=khiva', // empty result with its offers
  '#/timeline?q=alash&from=1917&to=1920&disputed=1&type=congress',
  '#/events/bukeikhan-arrested-1922',
  '#/disputes/arrest-1922-date',
  '#/about',
  '#/glossary',
  '#/glossary/basmachi', // a term: spellings, usage note, see also
  '#/glossary/kurultai', // not found
  '#/events/kazak-assr-renamed-1925', // a summary with glossary term links
  '#/people',
  '#/people?q=bokeikhanov&sort=first', // a name resolved, a variant shown
  '#/people?q=zzzz&strand=khiva', // no one: offers and similar names
  '#/people/alikhan-bukeikhan',
  '#/people/smakhan-tore', // relations derived from the other side
  '#/people/bokeikhanov', // not found, with suggestions
  '#/quiz',
  '#/quiz?strand=alash&n=3&seed=a11y', // a question
  '#/quiz?strand=alash&n=3&seed=a11y&print=worksheet',
  '#/quiz?strand=alash&n=3&seed=a11y&print=key',
  '#/no/such/view',
  '#/map', // the map: markers, names, the year control, the places outside, the table
  '#/map?from=1900&place=omsk', // a place chosen: its events
  '#/places/semey', // a place page with its small map
  '#/network', // the web of people, its legend and table
  '#/network?sel=alikhan-bukeikhan', // one person highlighted
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

test('every view: landmarks, a skip link, one <h1> first in <main>, headings in order, every control named', async () => {
  const tab = await TarikhPage.open(browser, server.url);
  const found = [];
  for (const hash of VIEWS) {
    await tab.goto(hash);
    await tab.page.waitForTimeout(100);
    for (const p of await structure(tab.page)) found.push(`${hash}: ${p}`);
  }
  // Opened filters and "more" lists show their controls too.
  await tab.goto('#/timeline');
  await tab.page.evaluate(() => { for (const d of document.querySelectorAll('main details')) d.open = true; });
  for (const p of await structure(tab.page)) found.push(`#/timeline (all open): ${p}`);
  assert.deepEqual(found, []);
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

/** How far the page scrolls sideways, text cut off by a box too small for it, hidden things shown. */
async function lost(page) {
  return page.evaluate(() => {
    const out = [];
    const over = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    if (over > 1) out.push(`${over}px wider than the screen`);
    const skip = document.querySelector('a.skip-link');
    if (skip !== document.activeElement && skip.getBoundingClientRect().bottom > 0) out.push('the skip link shows without the focus');
    for (const el of document.querySelectorAll('body *')) {
      // (A text field scrolls to its caret by design; a year or a label must fit.)
      if (el.closest('.visually-hidden, [hidden], svg, input[type=search], textarea') || !el.getClientRects().length) continue;
      const s = getComputedStyle(el);
      const clips = (o) => o === 'hidden' || o === 'clip';
      if ((clips(s.overflowX) && el.scrollWidth > el.clientWidth + 1) || (clips(s.overflowY) && el.scrollHeight > el.clientHeight + 1)) {
        out.push(`cut off: <${el.tagName.toLowerCase()} class="${el.className}"> “${el.textContent.trim().slice(0, 40)}”`);
      }
    }
    return out;
  });
}

for (const [width, zooms] of [[320, ['100%', '200%']], [1280, ['200%']]]) {
  test(`every view at ${width} px with text at ${zooms.join(' and ')}: nothing scrolls sideways, no text cut off`, async () => {
    const tab = await TarikhPage.open(browser, server.url, '#/timeline', { viewport: { width, height: 700 } });
    const found = [];
    for (const zoom of zooms) {
      for (const hash of VIEWS) {
        await tab.goto(hash);
        await tab.page.evaluate((z) => { document.documentElement.style.fontSize = z; }, zoom);
        for (const p of await lost(tab.page)) found.push(`${hash} at ${zoom}: ${p}`);
      }
    }
    assert.deepEqual(found, []);
    await tab.close();
  });
}

test('with reduced motion asked for, nothing animates: no transition, animation or smooth scrolling', async () => {
  // Tarikh has no motion of its own today; the guard in main.css must also stop any
  // that a later rule (here: set on the elements themselves) would add.
  const motion = async (reducedMotion) => {
    const tab = await TarikhPage.open(browser, server.url, '#/timeline', { reducedMotion, viewport: { width: 375, height: 500 } });
    const seen = await tab.page.evaluate(async () => {
      const root = document.documentElement;
      const els = [root, ...document.querySelectorAll('a.skip-link, nav a, button, input, li.card, details')];
      const before = els.map((el) => getComputedStyle(el).transitionDuration + ' ' + getComputedStyle(el).animationName);
      for (const el of els) {
        el.style.transition = 'all 2s';
        el.style.animation = 'spin 2s infinite';
      }
      root.style.scrollBehavior = 'smooth';
      const after = els.map((el) => getComputedStyle(el).transitionDuration + ' ' + getComputedStyle(el).animationName);
      // A jump in the page (a skip link, the focus moving to a heading) lands at once.
      scrollTo(0, 0);
      scrollTo(0, 600);
      const landed = scrollY;
      return { before: [...new Set(before)], after: [...new Set(after)], scroll: getComputedStyle(root).scrollBehavior, landed };
    });
    await tab.close();
    return seen;
  };
  const reduced = await motion('reduce');
  assert.deepEqual(reduced.before, ['0s none']);
  assert.deepEqual(reduced.after, ['0s none'], 'motion added by a rule still runs');
  assert.equal(reduced.scroll, 'auto');
  assert.equal(reduced.landed, 600, 'a jump scrolls smoothly');
  // Without the preference the same rules do animate (so the check above can fail).
  const usual = await motion('no-preference');
  assert.deepEqual(usual.after, ['2s spin']);
  assert.equal(usual.scroll, 'smooth');
  assert.ok(usual.landed < 600);
});

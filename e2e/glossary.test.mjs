// The glossary end to end: the list of terms with their spellings and citations,
// a term's own page, the links to it from titles and summaries (first occurrence
// on a page only, never from a lower-case source name), quoted official titles on
// person pages, and screenshots at 375 and 1280 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, GlossaryPage, PersonPage, TarikhPage, TimelinePage } from './pages.mjs';

let server, browser;
before(async () => {
  server = await serve('dist', '/school/tarikh/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the footer leads to the glossary: every term with its spellings and citations, Basmachi with why Tarikh uses the name', async () => {
  const tab = await TimelinePage.open(browser, server.url);
  await tab.page.getByRole('contentinfo').getByRole('link', { name: 'Glossary', exact: true }).click();
  const g = new GlossaryPage(tab.page, server.url);
  await g.heading().filter({ hasText: 'Glossary' }).waitFor();
  assert.equal(new URL(tab.page.url()).hash, '#/glossary');
  assert.equal(await tab.page.title(), 'Glossary — Tarikh');
  const n = await g.entries().count();
  assert.ok(n >= 25, `${n} terms`);
  // Alphabetical by headword, whatever the case.
  const heads = await g.entries().locator('h2').allInnerTexts();
  assert.deepEqual(heads, [...heads].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  // Each entry: its spellings and at least one citation.
  for (let i = 0; i < n; i++) {
    const e = g.entries().nth(i);
    assert.match(await e.locator('.meta').innerText(), /^Printed as: \S/);
    assert.match(await e.locator('cite.cite-line').innerText(), /¶ \d/);
  }
  const basmachi = g.entry('Basmachi');
  const text = await basmachi.innerText();
  assert.match(text, /pejorative/);
  assert.match(text, /bandit/);
  assert.match(text, /How Tarikh uses it: Tarikh uses 'Basmachi' as the movement's name/);
  assert.match(text, /Printed as: Basmachi, Basmachestvo, basmacı/);
  assert.match(text, /Basmachi movement: “Overview” ¶ 12; “Name and characterisation” ¶ 53/);
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('a term has its own page: definition, every spelling and its source, see also, sources', async () => {
  const tab = await GlossaryPage.open(browser, server.url, '#/glossary/basmachi');
  await tab.heading().filter({ hasText: 'Basmachi' }).waitFor();
  assert.equal(await tab.page.title(), 'Basmachi (glossary) — Tarikh');
  assert.equal(await tab.currentNav().innerText(), 'About');
  const spellings = await tab.spellings();
  assert.deepEqual(spellings.map((s) => s.name), ['Basmachi', 'Basmachestvo', 'basmacı']);
  assert.ok(spellings.every((s) => s.sources === 'Basmachi movement'), JSON.stringify(spellings));
  assert.match(await tab.page.locator('.usage').innerText(), /^How Tarikh uses it: /);
  // See also: the org's events on the timeline, and the disputes about the name.
  const see = tab.page.locator('ul.see-also');
  await see.getByRole('link', { name: /name/i }).first().click();
  await tab.heading().filter({ hasText: /name/i }).waitFor();
  assert.match(new URL(tab.page.url()).hash, /^#\/disputes\//);
  await tab.page.goBack();
  await tab.heading().filter({ hasText: 'Basmachi' }).waitFor();
  assert.ok(await tab.page.locator('ul.cites li').count() >= 6);
  // An unknown term: not found, with the way to the glossary.
  await tab.goto('#/glossary/kurultai');
  await tab.heading().filter({ hasText: 'Not found' }).waitFor();
  await tab.page.getByRole('link', { name: 'See every term in the glossary' }).click();
  await tab.heading().filter({ hasText: 'Glossary' }).waitFor();
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('an event page links a term where it first appears, and the link opens its entry', async () => {
  // Title: "Kyrgyz ASSR renamed Kazak ASSR"; the summary says "Kyrgyz ASSR" again
  // and names "the Basmachi movement article" (a source, not the movement).
  const tab = await TarikhPage.open(browser, server.url, '#/events/kazak-assr-renamed-1925');
  await tab.heading().filter({ hasText: 'Kyrgyz ASSR renamed' }).waitFor();
  const main = tab.page.locator('main');
  const links = await GlossaryPage.termLinks(main);
  assert.deepEqual(links, [{ text: 'Kyrgyz', href: '#/glossary/kirghiz' }]);
  assert.equal(await tab.heading().locator('a.term').innerText(), 'Kyrgyz', 'the first occurrence is in the title');
  const summary = main.locator('p').filter({ hasText: 'According to the encyclopedia article' });
  assert.match(await summary.innerText(), /the Kyrgyz ASSR set up in 1920/);
  assert.match(await summary.innerText(), /the Basmachi movement article/);
  assert.equal(await summary.locator('a').count(), 0, 'later occurrences stay text');
  // The heading reads the same as before: the link is part of its text.
  assert.equal(await tab.heading().innerText(), 'Kyrgyz ASSR renamed Kazak ASSR');
  await tab.heading().getByRole('link', { name: 'Kyrgyz' }).click();
  await tab.heading().filter({ hasText: 'Kirghiz' }).waitFor();
  assert.equal(new URL(tab.page.url()).hash, '#/glossary/kirghiz');
  assert.match(await tab.page.locator('.definition').innerText(), /the Kazakhs themselves/);
  await tab.page.goBack();
  await tab.heading().filter({ hasText: 'Kyrgyz ASSR renamed' }).waitFor();
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('timeline cards link terms in their summaries, each term once per card', async () => {
  const tab = await TimelinePage.open(browser, server.url, '#/timeline?q=basmachi');
  const cards = tab.cards();
  const n = await cards.count();
  assert.ok(n > 0);
  let linked = 0;
  for (let i = 0; i < n; i++) {
    const card = cards.nth(i);
    const links = await GlossaryPage.termLinks(card);
    assert.equal(await card.locator('h3 a.term').count(), 0, 'no link inside the title link');
    const hrefs = links.map((l) => l.href);
    assert.deepEqual(hrefs, [...new Set(hrefs)], `a term linked twice in card ${i}`);
    assert.ok(links.every((l) => /^#\/glossary\/[a-z0-9-]+$/.test(l.href)));
    linked += links.filter((l) => l.href === '#/glossary/basmachi').length;
  }
  assert.ok(linked > 0, 'some card links Basmachi');
  await tab.close();
});

test('a person page shows quoted official titles as quotations, with what that means', async () => {
  const tab = await PersonPage.open(browser, server.url, 'a-tsyurupa');
  await tab.heading().waitFor();
  const quoted = await tab.page.locator('ul.roles q.quoted-title').allInnerTexts();
  assert.ok(quoted.includes('Chairman of the State Planning Committee of the USSR'), JSON.stringify(quoted));
  // The browser draws the quotation marks (the words are the source's, unchanged).
  const mark = await tab.page.locator('ul.roles q.quoted-title').first()
    .evaluate((q) => getComputedStyle(q, '::before').content);
  assert.match(mark, /“|"\\201C"|open-quote/);
  assert.match(await tab.page.locator('#roles + p').innerText(), /quoted word for word/);
  await tab.close();
});

test('screenshots of the glossary, a term and an event page at 375 and 1280 px', async () => {
  for (const width of [375, 1280]) {
    for (const [name, hash] of [['glossary', '#/glossary'], ['term', '#/glossary/basmachi'],
      ['event', '#/events/kazak-assr-renamed-1925'], ['person', '#/people/a-tsyurupa']]) {
      const tab = await TarikhPage.open(browser, server.url, hash, { viewport: { width, height: 900 } });
      await tab.heading().waitFor();
      const overflow = await tab.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name} at ${width}px scrolls sideways by ${overflow}px`);
      if (process.env.SCREENSHOTS) {
        await tab.page.screenshot({ path: `${process.env.SCREENSHOTS}/${name}-${width}.png`, fullPage: false });
      }
      await tab.close();
    }
  }
});

// Pages that lead on (issue 15): organisation pages and the links that reach them,
// the disputes index (sorted by topic and by strand, in the main navigation), person
// pages that lead with what the person did, About's full references, strand tags
// linking to the filtered timeline. Screenshots at 375 and 1280 px go to
// $SHOTS (default /tmp/tarikh-orgs-shots) to be looked at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { serve } from './server.mjs';
import { axe, launch, structure, TarikhPage, TimelinePage } from './pages.mjs';

const SHOTS = process.env.SHOTS ?? '/tmp/tarikh-orgs-shots';
const PHONE = { viewport: { width: 375, height: 667 }, bypassCSP: true }; // axe is injected
const WIDE = { viewport: { width: 1280, height: 900 }, bypassCSP: true };

let server, browser;
before(async () => {
  server = await serve('dist', '/school/tarikh/');
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function accessible(tab, what) {
  assert.deepEqual(await axe(tab.page), [], `axe on ${what}`);
  assert.deepEqual(await structure(tab.page), [], `structure of ${what}`);
}

async function shoot(tab, name) {
  await tab.page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
}

test('an organisation page says what it was, its people and their roles, its events and every name', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/orgs/alash-orda', WIDE);
  await tab.heading().filter({ hasText: 'Alash Orda' }).waitFor();
  assert.equal(await tab.page.title(), 'Alash Orda — Tarikh');
  const main = tab.page.locator('main');
  assert.match(await main.locator('.kicker').innerText(), /Organisation · government or ruling body/);
  assert.match(await main.locator('.lede').innerText(), /Government of the Alash autonomy/);
  assert.match(await tab.page.locator('dl.facts dt:text-is("When") + dd').innerText(), /1917/);

  // Its people: Bukeikhan chaired it, dated and cited; each links to the person.
  const people = main.locator('#members + p + ul.roles > li, #members ~ ul.roles').first();
  const bukeikhan = main.locator('ul.roles > li').filter({ hasText: 'Alikhan Bukeikhan' }).first();
  assert.match(await bukeikhan.innerText(), /Chairman[\s\S]*¶/);
  assert.ok(await people.count());
  await bukeikhan.getByRole('link', { name: 'Alikhan Bukeikhan' }).click();
  await tab.heading().filter({ hasText: 'Alikhan Bukeikhan' }).waitFor();
  await tab.page.goBack();
  await tab.heading().filter({ hasText: 'Alash Orda' }).waitFor();

  // Its events, as many as the timeline finds for it.
  const onTimeline = tab.page.getByRole('link', { name: /^Show these \d+ events on the timeline$/ });
  const stated = Number((await onTimeline.innerText()).match(/(\d+)/)[1]);
  assert.ok(stated >= 5, `${stated} events`);
  assert.ok(await main.locator('ol.mini-timeline > li').count() >= Math.min(stated, 12));
  await onTimeline.click();
  await tab.page.waitForFunction(() => location.hash === '#/timeline?org=alash-orda');
  const timeline = new TimelinePage(tab.page, tab.base);
  await timeline.count().waitFor();
  assert.equal(await timeline.countNumber(), stated);
  await tab.page.goBack();
  await tab.heading().filter({ hasText: 'Alash Orda' }).waitFor();

  // Every name the sources use, the one shown marked.
  const names = await main.locator('ul.org-names > li').allInnerTexts();
  assert.ok(names.includes('Alash-Orda'), names.join(' | '));
  assert.ok(names.includes('Alash Orda (the name Tarikh uses)'), names.join(' | '));
  assert.ok(names.includes('Alash Orda People\'s Council'));
  // What the data does not give is not shown: no "used in" per name.
  assert.match(await main.innerText(), /does not record which source uses which/);
  assert.ok(await main.locator('ul.disputes a').count() > 0, 'the disputes of its events');
  assert.ok(await main.locator('#sources + ul.cites li').count() > 0);
  // Order: what it was, its people, its events, then its names.
  const top = (sel) => main.locator(sel).evaluate((el) => el.getBoundingClientRect().top);
  const [lede, members, events, named] = [await top('.lede'), await top('#members'), await top('#events'), await top('#names')];
  assert.ok(lede < members && members < events && events < named, `${lede} ${members} ${events} ${named}`);
  assert.equal(await tab.currentNav().count(), 0);
  await shoot(tab, 'org-1280');
  await accessible(tab, 'an organisation page');
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('the organisations of an event page, of a person\'s roles and of the search box lead to their pages', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/events/khiva-captured-1920', WIDE);
  await tab.heading().filter({ hasText: 'Red Army takes Khiva' }).waitFor();
  const orgs = tab.page.locator('dl.facts dt:text-is("Organisations") + dd a');
  assert.deepEqual(await orgs.evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ['#/orgs/red-army', '#/orgs/khiva-khanate']);
  await orgs.filter({ hasText: /Khiva/ }).click();
  await tab.heading().filter({ hasText: /Khiva/ }).waitFor();
  assert.match(tab.page.url(), /#\/orgs\/khiva-khanate$/);
  // Its people: Junaid Khan's office in it, and his page links back.
  const junaid = tab.page.locator('ul.roles > li').filter({ hasText: 'Junaid Khan' }).first();
  assert.match(await junaid.innerText(), /Army commander/);
  await junaid.getByRole('link', { name: 'Junaid Khan' }).click();
  await tab.heading().filter({ hasText: 'Junaid Khan' }).waitFor();
  const roleOrg = tab.page.locator('ul.roles > li').filter({ hasText: 'Basmachi leader in Khorezm' }).locator('a[href^="#/orgs/"]');
  assert.equal(await roleOrg.getAttribute('href'), '#/orgs/basmachi');
  const affiliation = tab.page.locator('#affiliations ~ ul.inline-list a').first();
  assert.match(await affiliation.getAttribute('href'), /^#\/orgs\//);
  await roleOrg.click();
  await tab.heading().filter({ hasText: 'Basmachi' }).waitFor();
  // The header's search box offers organisations and leads to their page.
  const box = tab.page.getByRole('combobox', { name: /Search/ });
  await box.fill('Alash Orda');
  const option = tab.page.getByRole('option').filter({ hasText: 'Organisation' }).first();
  await option.waitFor();
  await option.click();
  await tab.page.waitForFunction(() => location.hash.startsWith('#/orgs/'));
  await tab.heading().waitFor();
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('an unknown organisation id is a not-found page, not a blank one', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/orgs/no-such-party');
  await tab.heading().filter({ hasText: /not found/i }).waitFor();
  assert.match(await tab.page.locator('main').innerText(), /no-such-party/);
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('the disputes index is in the main navigation, sorts by topic and by strand, and is current on a dispute page', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/timeline', WIDE);
  await tab.navLink('Disputes').click();
  await tab.heading().filter({ hasText: 'Disputes' }).waitFor();
  assert.match(tab.page.url(), /#\/disputes$/);
  assert.equal(await tab.currentNav().innerText(), 'Disputes');
  const titles = () => tab.page.locator('ul.dispute-index > li > a').allInnerTexts();
  const byTopic = await titles();
  assert.ok(byTopic.length >= 50, `${byTopic.length} disputes`);
  assert.equal(new Set(byTopic).size, byTopic.length, 'by topic each dispute once');
  assert.equal(await tab.page.locator('.sort-links a[aria-current=true]').innerText(), 'By topic');
  // By topic the questions about Bukeikhan sit together, whatever word they start with.
  const about = byTopic.map((t, i) => [t, i]).filter(([t]) => /^(When|Was|Did|Where|How|What|Why|On what day) (did |was |is )?Bukeikhan/.test(t)).map(([, i]) => i);
  assert.ok(about.length >= 8, `${about.length} about Bukeikhan`);
  assert.ok(about[about.length - 1] - about[0] < about.length + 6, `spread ${about}`);
  await shoot(tab, 'disputes-1280');
  await accessible(tab, 'the disputes index by topic');

  await tab.page.getByRole('link', { name: 'By strand', exact: true }).click();
  await tab.page.waitForFunction(() => location.hash === '#/disputes?sort=strand');
  await tab.page.locator('main h2').first().waitFor();
  const headings = await tab.page.locator('main h2').allInnerTexts();
  assert.ok(headings.some((h) => /^Khiva \(\d+\)$/.test(h)), headings.join(' | '));
  assert.ok(headings.some((h) => /^Alash \(\d+\)$/.test(h)));
  const khiva = tab.page.locator('#strand-khiva + p + ul.dispute-index > li > a');
  const khivaTitles = await khiva.allInnerTexts();
  assert.ok(khivaTitles.includes('When did the Red Army take Khiva?'), khivaTitles.join(' | '));
  assert.ok(!khivaTitles.includes('What was the capital of the Alash autonomy?'));
  const byStrand = await titles();
  assert.ok(byStrand.length > byTopic.length, 'a dispute touching several strands is under each');
  assert.notDeepEqual(byStrand.slice(0, 10), byTopic.slice(0, 10));
  // The strand's disputed events on the timeline.
  assert.equal(await tab.page.locator('#strand-khiva + p a').getAttribute('href'), '#/timeline?strand=khiva&disputed=1');
  await accessible(tab, 'the disputes index by strand');
  await tab.page.setViewportSize({ width: 375, height: 667 });
  await shoot(tab, 'disputes-strand-375');
  const wide = await tab.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 375, `the page is ${wide}px wide at 375`);

  // Back returns to the topic order; a dispute page highlights Disputes, not About.
  await tab.page.goBack();
  await tab.page.waitForFunction(() => location.hash === '#/disputes');
  await tab.page.locator('.sort-links a[aria-current=true]').filter({ hasText: 'By topic' }).waitFor();
  await tab.page.locator('ul.dispute-index > li > a').filter({ hasText: 'When did the Red Army take Khiva?' }).click();
  await tab.heading().filter({ hasText: 'When did the Red Army take Khiva?' }).waitFor();
  assert.equal(await tab.currentNav().innerText(), 'Disputes');
  // An order it does not know is said, and the topic order shown.
  await tab.goto('#/disputes?sort=date');
  await tab.page.getByText(/Ignored “sort=date”/).waitFor();
  assert.equal(await tab.page.locator('.sort-links a[aria-current=true]').innerText(), 'By topic');
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('Junaid Khan\'s page on a phone leads with who he was and what he did, then his spellings', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/people/junaid-khan', PHONE);
  await tab.heading().filter({ hasText: 'Junaid Khan' }).waitFor();
  const main = tab.page.locator('main');
  const box = (sel) => main.locator(sel).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY };
  });
  const lede = await box('.lede');
  const roles = await box('#roles');
  const events = await box('#events');
  const names = await box('table.names');
  // The summary is on the first screen; roles and events come before the spellings.
  assert.ok(lede.bottom <= 667, `the summary ends at ${lede.bottom}px`);
  assert.ok(lede.top < names.top && roles.top < names.top && events.top < names.top,
    `summary ${lede.top}, roles ${roles.top}, events ${events.top}, spellings ${names.top}`);
  assert.match(await main.locator('.lede').innerText(), /real ruler of Khiva/);
  // His key events are named up front, with the strands linking to their timelines.
  const key = tab.page.locator('dl.facts dt:text-is("Key events") + dd a');
  assert.ok(await key.count() > 0);
  const strands = await tab.page.locator('dl.facts dt:text-is("Strands") + dd a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(strands, ['#/timeline?strand=khiva', '#/timeline?strand=basmachi']);
  await shoot(tab, 'junaid-375');
  await tab.page.setViewportSize({ width: 1280, height: 900 });
  await shoot(tab, 'junaid-1280');
  await tab.page.setViewportSize({ width: 375, height: 667 });
  await accessible(tab, 'Junaid Khan\'s page at 375 px');
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('About lists the five sources with their full references', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/about', WIDE);
  await tab.heading().filter({ hasText: 'About Tarikh' }).waitFor();
  const sources = tab.page.locator('ol.sources > li.source');
  assert.equal(await sources.count(), 5);
  const refs = await sources.locator('p.reference').allInnerTexts();
  assert.equal(refs.length, 5);
  assert.ok(refs.includes('Sultan-Khan Akkuly, “The Leader of the Nation and His "Moscow Cage"”. Essay, 242 paragraphs.'), refs.join(' | '));
  assert.ok(refs.includes('“Alash Autonomy”, in Kazakhstan Encyclopedia. Encyclopedia article, 11 paragraphs.'));
  assert.ok(refs.some((r) => r.startsWith('[The Khiva Khanate')), 'an untitled text: a descriptive title in brackets');
  const moscow = tab.page.locator('#source-moscow-cage');
  assert.match(await moscow.locator('dt:text-is("Sections") + dd').innerText(), /Moscow/);
  assert.match(await moscow.locator('dt:text-is("Length") + dd').innerText(), /^242 paragraphs$/);
  await shoot(tab, 'about-1280');
  await accessible(tab, 'About');
  await tab.close();
});

test('strand tags on cards, event, person and organisation pages link to the filtered timeline', async () => {
  const tab = await TimelinePage.open(browser, server.url, '#/timeline?q=khiva', WIDE);
  const card = tab.cards().first().locator('.meta a[href^="#/timeline?strand="]');
  assert.ok(await card.count() > 0, 'card strands are links');
  const name = await card.first().innerText();
  const href = await card.first().getAttribute('href');
  await card.first().click();
  await tab.page.waitForFunction((h) => location.hash === h, href);
  await tab.countChangesFrom('');
  assert.match(await tab.page.locator('.filters').innerText(), new RegExp(name.split(' ')[0]));
  for (const hash of ['#/events/khiva-captured-1920', '#/people/junaid-khan', '#/orgs/khiva-khanate']) {
    await tab.goto(hash);
    await tab.heading().waitFor();
    const links = await tab.page.locator('dl.facts dt:text-is("Strands") + dd a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(links.length > 0 && links.every((h) => /^#\/timeline\?strand=[a-z0-9-]+$/.test(h)), `${hash}: ${links}`);
  }
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('organisation pages and the disputes index fit a phone', async () => {
  const tab = await TarikhPage.open(browser, server.url, '#/orgs/alash-orda', PHONE);
  await tab.heading().filter({ hasText: 'Alash Orda' }).waitFor();
  const wide = await tab.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 375, `the page is ${wide}px wide at 375`);
  await shoot(tab, 'org-375');
  await accessible(tab, 'an organisation page at 375 px');
  await tab.goto('#/disputes');
  await tab.heading().filter({ hasText: 'Disputes' }).waitFor();
  await shoot(tab, 'disputes-375');
  await tab.close();
});

// Page objects: what a person sees and does, so tests read as user steps.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** One browser tab on Tarikh, recording console errors and every request. */
export class TarikhPage {
  constructor(page, base) {
    this.page = page;
    this.base = base;
    this.errors = [];
    this.requests = [];
    this.failed = [];
    page.on('console', (m) => { if (m.type() === 'error') this.errors.push(m.text()); });
    page.on('pageerror', (e) => this.errors.push(String(e)));
    page.on('request', (r) => this.requests.push(r.url()));
    page.on('response', (r) => { if (r.status() >= 400) this.failed.push(`${r.status()} ${r.url()}`); });
  }

  static async open(browser, base, hash = '', options = {}) {
    const context = await browser.newContext(options);
    const tab = new TarikhPage(await context.newPage(), base);
    await tab.goto(hash);
    return tab;
  }

  /** Opens `base + hash` and waits until the app (not the static shell or snapshot) is live. */
  async goto(hash = '') {
    await this.page.goto(this.base + hash);
    await this.ready();
  }

  async ready() {
    // The app marks <html data-app="live"> when it has replaced what index.html shows
    // before it runs: the loading shell, or (hosted release build) a snapshot of the
    // timeline whose controls do nothing. Wait for that, never for content alone.
    await this.page.locator('html[data-app="live"]').waitFor({ state: 'attached' });
    // A view opened for the first time in a page may still be loading its code
    // (src/app/deferred.rs): "Loading…" until it is shown, as a reader sees it.
    await this.page.locator('main .deferred-loading').waitFor({ state: 'detached' });
  }

  /**
   * Panics the app on purpose; checks the recovery message shows, follows its link and
   * waits for the live start page, with the message gone.
   */
  async panicAndRecover() {
    assert.equal(await this.page.locator('#panic').isVisible(), false, 'the recovery message shows before any panic');
    await this.page.evaluate(() => { try { window.wasmBindings.debug_panic(); } catch (_) { /* the trap */ } });
    const panel = this.page.getByRole('alert');
    await panel.waitFor({ state: 'visible' });
    assert.match(await panel.innerText(), /Something went wrong/);
    await this.page.getByRole('link', { name: 'Reload Tarikh' }).click();
    await this.ready();
    await this.heading().filter({ hasText: 'Alash and the Basmachi revolt' }).waitFor();
    assert.equal(await this.page.locator('#panic').isVisible(), false);
  }

  heading() { return this.page.locator('main h1'); }
  nav() { return this.page.getByRole('navigation', { name: 'Main' }); }
  navLink(name) { return this.nav().getByRole('link', { name, exact: true }); }
  currentNav() { return this.nav().locator('a[aria-current=page]'); }
  async close() { await this.page.context().close(); }
}

/** The timeline view: search, filters, result count and cards. */
export class TimelinePage extends TarikhPage {
  static async open(browser, base, hash = '#/timeline', options = {}) {
    const context = await browser.newContext(options);
    const tab = new TimelinePage(await context.newPage(), base);
    await tab.goto(hash);
    await tab.count().waitFor();
    return tab;
  }
  search() { return this.page.getByRole('searchbox', { name: 'Search', exact: true }); }
  count() { return this.page.getByRole('status').filter({ hasText: /event/ }); }
  async countNumber() {
    const text = await this.count().innerText();
    if (/^No events/.test(text)) return 0;
    return Number(text.match(/(\d+) event/)[1]);
  }
  cards() { return this.page.locator('li.card'); }
  async cardTitles() { return this.cards().locator('h3').allInnerTexts(); }
  /** Waits until the count line says something other than `before`. */
  async countChangesFrom(before) {
    await this.page.waitForFunction(
      (b) => [...document.querySelectorAll('[role=status]')].some((s) => /event/.test(s.textContent) && s.textContent !== b),
      before);
  }
  query() { return new URL(this.page.url()).hash; }
}

/** Runs axe-core (WCAG 2.0–2.2 A and AA rules, and its best practices: heading order, landmarks …) on the page; returns the violations. */
export async function axe(page) {
  await page.addScriptTag({ path: new URL('../node_modules/axe-core/axe.min.js', import.meta.url).pathname });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

/**
 * What a screen-reader user relies on, checked directly (axe checks some of it too):
 * one banner, one "Main" navigation, one main and one contentinfo landmark, a skip link
 * to the main content; one <h1>, the first heading of <main>, and no heading level
 * skipped in the whole page; a non-empty accessible name on every form control, button
 * and link that is shown. Returns the problems found.
 */
export async function structure(page) {
  return page.evaluate(() => {
    const problems = [];
    const shown = (el) => el.getClientRects().length > 0 && !el.closest('[hidden], [aria-hidden="true"]');
    const text = (el) => (el?.textContent ?? '').trim();
    const landmarks = {
      banner: 'body header:not(main header, article header, section header)',
      navigation: 'nav[aria-label="Main"]',
      main: 'main',
      contentinfo: 'body footer:not(main footer, article footer, section footer)',
    };
    for (const [role, sel] of Object.entries(landmarks)) {
      const n = [...document.querySelectorAll(sel)].filter(shown).length;
      if (n !== 1) problems.push(`${n} ${role} landmarks`);
    }
    const skip = document.querySelector('a.skip-link');
    if (!skip || skip.getAttribute('href') !== '#' + document.querySelector('main')?.id) problems.push('no skip link to <main>');
    const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(shown);
    const h1s = headings.filter((h) => h.tagName === 'H1');
    if (h1s.length !== 1) problems.push(`${h1s.length} <h1> shown`);
    const inMain = headings.filter((h) => h.closest('main'));
    if (inMain[0]?.tagName !== 'H1') problems.push(`<main> starts with ${inMain[0]?.tagName ?? 'no heading'}`);
    let level = 0;
    for (const h of headings) {
      const l = Number(h.tagName[1]);
      if (l > level + 1) problems.push(`h${level} → ${h.tagName.toLowerCase()} “${text(h).slice(0, 40)}”`);
      level = l;
    }
    const name = (el) => {
      const by = el.getAttribute('aria-labelledby');
      if (by) return by.split(/\s+/).map((id) => text(document.getElementById(id))).join(' ').trim();
      if (el.getAttribute('aria-label')?.trim()) return el.getAttribute('aria-label').trim();
      if (el.labels?.length) return [...el.labels].map(text).join(' ').trim();
      if (el.matches('button, a')) return text(el) || el.querySelector('svg title')?.textContent || '';
      return (el.getAttribute('title') ?? '').trim();
    };
    for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea, button, a[href]')) {
      if (shown(el) && !name(el)) problems.push(`no name: ${el.outerHTML.slice(0, 80)}`);
    }
    return problems;
  });
}

/** The people index: search, strand and role filters, sort, one page of people. */
export class PeoplePage extends TarikhPage {
  static async open(browser, base, hash = '#/people', options = {}) {
    const context = await browser.newContext(options);
    const tab = new PeoplePage(await context.newPage(), base);
    await tab.goto(hash);
    await tab.count().waitFor();
    return tab;
  }
  search() { return this.page.getByRole('searchbox', { name: 'Search people' }); }
  count() { return this.page.locator('p.count[role=status]'); }
  async countNumber() {
    const text = await this.count().innerText();
    if (/^No one/.test(text)) return 0;
    return Number(text.match(/(\d+) (people|person)/)[1]);
  }
  sort() { return this.page.getByLabel('Sort by'); }
  entries() { return this.page.locator('li.person-entry'); }
  async names() { return this.entries().locator('h3').allInnerTexts(); }
  /** The entry of the person called `name` (their canonical name). */
  entry(name) { return this.entries().filter({ has: this.page.getByRole('heading', { name, exact: true }) }); }
  resolved() { return this.page.locator('p.resolved'); }
  /** Waits until the count line says something other than `before`. */
  async countChangesFrom(before) {
    await this.page.waitForFunction(
      (b) => document.querySelector('p.count[role=status]')?.textContent !== b, before);
  }
  query() { return new URL(this.page.url()).hash; }
}

/** One person's page. */
export class PersonPage extends TarikhPage {
  static async open(browser, base, id, options = {}) {
    const context = await browser.newContext(options);
    const tab = new PersonPage(await context.newPage(), base);
    await tab.goto(`#/people/${id}`);
    return tab;
  }
  /** The spellings table: [{ name, sources }] (the canonical one marked "(canonical)"). */
  async variants() {
    return this.page.locator('table.names').first().locator('tbody tr').evaluateAll((rows) =>
      rows.map((r) => ({ name: r.querySelector('th').textContent, sources: r.querySelector('td').textContent })));
  }
  async epithets() {
    return this.page.locator('table.names').nth(1).locator('tbody th').allInnerTexts();
  }
  /** The text of the fact called `term` (Born, Died, Strands, Events). */
  fact(term) { return this.page.locator(`dl.facts dt:text-is("${term}") + dd`); }
  relations() { return this.page.locator('ul.relations > li'); }
  /** The relation to the person called `name`: its kind and the text of the line. */
  relation(name) { return this.relations().filter({ has: this.page.getByRole('link', { name, exact: true }) }); }
  appearsWith() { return this.page.locator('ul.appears > li'); }
  miniTimeline() { return this.page.locator('ol.mini-timeline > li'); }
  disputes() { return this.page.locator('ul.disputes a'); }
}

/** The quiz: the setup form, one question at a time, the summary, the printouts. */
export class QuizPage extends TarikhPage {
  static async open(browser, base, hash = '#/quiz', options = {}) {
    const context = await browser.newContext(options);
    const tab = new QuizPage(await context.newPage(), base);
    await tab.goto(hash);
    await tab.heading().waitFor();
    return tab;
  }

  /** Another tab in the same browser context (same localStorage). */
  async sibling(hash) {
    const tab = new QuizPage(await this.page.context().newPage(), this.base);
    await tab.goto(hash);
    await tab.heading().waitFor();
    return tab;
  }

  progress() { return this.page.locator('.quiz-progress'); }
  score() { return this.page.locator('.score'); }
  message() { return this.page.getByRole('alert').filter({ hasText: /topic/ }); }

  /** The question on screen: its prompt, what it is about, how it is answered, its options. */
  async current() {
    await this.page.locator('#question').waitFor();
    const about = this.page.locator('.quiz-question .quiz-about');
    const q = {
      prompt: await this.page.locator('#question').innerText(),
      about: (await about.count()) ? await about.innerText() : '',
      progress: await this.progress().innerText(),
    };
    if (await this.page.locator('.options').count()) {
      q.format = 'choice';
      q.options = await this.page.locator('.options label').allInnerTexts();
    } else if (await this.page.locator('ol.order').count()) {
      q.format = 'order';
      q.options = await this.page.locator('.order-title').allInnerTexts();
    } else {
      q.format = 'match';
      q.items = await this.page.locator('.match-row label').allInnerTexts();
      q.options = (await this.page.locator('.match-row select').first().locator('option').allInnerTexts()).slice(1);
    }
    return q;
  }

  /** Presses Tab (or Shift+Tab) until the focused element satisfies `test` (run in the page). */
  async tabUntil(test, arg, max = 120) {
    for (let i = 0; i < max; i++) {
      if (await this.page.evaluate(test, arg)) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached the element (${test})`);
  }

  /** Keyboard only: picks choice option `k` (0-based). */
  async chooseByKeyboard(k) {
    await this.tabUntil(() => document.activeElement?.type === 'radio');
    // The first radio of an unchecked group takes the focus; arrows move and check.
    const at = await this.page.evaluate(() => Number(document.activeElement.id.replace('opt-', '')));
    if (at === k) await this.page.keyboard.press('Space');
    const n = await this.page.locator('.options input').count();
    for (let i = 0; i < (k - at + n) % n; i++) await this.page.keyboard.press('ArrowDown');
    await this.page.waitForFunction((id) => document.getElementById(id)?.checked, `opt-${k}`);
  }

  /** Keyboard only: moves the events into `order` (titles, top first) with the Up buttons. */
  async orderByKeyboard(order) {
    for (let t = 0; t < order.length; t++) {
      let titles = await this.page.locator('.order-title').allInnerTexts();
      let at = titles.indexOf(order[t]);
      if (at < 0) throw new Error(`no event ${order[t]} in ${titles}`);
      if (at === t) continue;
      await this.tabUntil((label) => document.activeElement?.getAttribute('aria-label') === label, `Move up: ${order[t]}`);
      while (at > t) {
        await this.page.keyboard.press('Enter');
        await this.page.waitForFunction(([title, pos]) =>
          [...document.querySelectorAll('.order-title')].map((e) => e.textContent).indexOf(title) === pos
          && document.activeElement?.getAttribute('aria-label')?.endsWith(title), [order[t], at - 1]);
        at -= 1;
      }
    }
  }

  /** Keyboard only: picks, for each role in turn, the person with that name. */
  async matchByKeyboard(names) {
    const people = (await this.page.locator('.match-row select').first().locator('option').allInnerTexts()).slice(1);
    for (let i = 0; i < names.length; i++) {
      await this.tabUntil((id) => document.activeElement?.id === id, `match-${i}`);
      const want = people.indexOf(names[i]);
      for (let k = 0; k <= want; k++) await this.page.keyboard.press('ArrowDown');
      await this.page.waitForFunction(([id, v]) => document.getElementById(id).value === String(v), [`match-${i}`, want]);
    }
  }

  /** Keyboard only: Tab to the form's submit button and press Enter. */
  async submitByKeyboard() {
    await this.tabUntil(() => document.activeElement?.type === 'submit');
    await this.page.keyboard.press('Enter');
  }

  /** The answer key: per question its prompt, subject and answer, as printed. */
  async answerKey() {
    await this.page.locator('li.key-item').first().waitFor();
    return this.page.locator('li.key-item').evaluateAll((items) => items.map((li) => {
      const lines = [...li.querySelectorAll('.lines li')].map((e) => e.textContent);
      const note = li.querySelector('.note').textContent;
      const a = { prompt: li.querySelector('.prompt').textContent, about: li.querySelector('.quiz-about')?.textContent ?? '' };
      if (note.startsWith('Answer, earliest first')) {
        a.format = 'order';
        a.order = lines.map((l) => l.replace(/^\d+\. /, ''));
      } else if (note.startsWith('Answer, position')) {
        a.format = 'match';
        a.roles = lines.map((l) => l.split(' → ')[0]);
        a.people = lines.map((l) => l.split(' → ')[1].replace(/^[A-Z]\. /, ''));
      } else {
        a.format = 'choice';
        a.answer = lines[0].replace(/^[A-Z]\. /, '');
      }
      return a;
    }));
  }

  /** The worksheet: per question its prompt, subject and options (the events to number for an ordering). */
  async worksheet() {
    await this.page.locator('li.ws-item').first().waitFor();
    return this.page.locator('li.ws-item').evaluateAll((items) => items.map((li) => {
      const options = [...li.querySelectorAll('.ws-options li')].map((e) => e.textContent.replace(/^[A-Z]\. /, ''));
      const lines = [...li.querySelectorAll('.lines li')].map((e) => e.textContent.replace(/^____ /, ''));
      return {
        prompt: li.querySelector('.prompt').textContent,
        about: li.querySelector('.quiz-about')?.textContent ?? '',
        options: options.length ? options : lines,
      };
    }));
  }
}

/** The glossary (`#/glossary`) and a term's page (`#/glossary/<id>`). */
export class GlossaryPage extends TarikhPage {
  static async open(browser, base, hash = '#/glossary', options = {}) {
    const context = await browser.newContext(options);
    const tab = new GlossaryPage(await context.newPage(), base);
    await tab.goto(hash);
    return tab;
  }
  entries() { return this.page.locator('ol.glossary > li.gloss'); }
  entry(term) { return this.entries().filter({ has: this.page.getByRole('heading', { name: term, exact: true }) }); }
  /** A term page's spellings table: [{ name, sources }]. */
  async spellings() {
    return this.page.locator('table.names tbody tr').evaluateAll((rows) =>
      rows.map((r) => ({ name: r.querySelector('th').textContent, sources: r.querySelector('td').textContent })));
  }
  /** The links to glossary entries in `scope` (a locator): [{ text, href }]. */
  static async termLinks(scope) {
    return scope.locator('a.term').evaluateAll((links) =>
      links.map((a) => ({ text: a.textContent, href: a.getAttribute('href') })));
  }
}

// Page objects: what a person sees and does, so tests read as user steps.
import { chromium } from 'playwright-core';

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

  /** Opens `base + hash` and waits until the app (not the static shell) has rendered. */
  async goto(hash = '') {
    await this.page.goto(this.base + hash);
    await this.ready();
  }

  async ready() {
    // The static shell has no skip link; the app adds it when it mounts.
    await this.page.locator('a.skip-link').waitFor({ state: 'attached' });
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

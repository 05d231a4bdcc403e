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

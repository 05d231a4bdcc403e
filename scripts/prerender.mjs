// Release builds (called by scripts/postbuild.mjs): puts a snapshot of the default
// view, the start (#/: the orientation, key events and people, tours), into the hosted
// index.html, so the first paint shows the real page instead of a "Loading…" shell
// while the wasm is fetched and compiled. The
// app replaces it when it starts (src/app/mod.rs, start()).
//
// The snapshot is the app's own markup, not a second renderer: the staging directory
// is served on 127.0.0.1 and opened in headless Chromium (a fresh profile, 1280 px
// wide, #/); once the app is live, #app is copied, then
//   - form state the app sets as DOM properties (the chosen period scheme, values,
//     checkboxes) is written as attributes, since markup does not carry properties;
//   - every control is disabled: it does nothing until the app runs (links, to the
//     events, people and other views, keep working as plain links);
//   - <main> keeps aria-busy="true", and gets the old loading shell (.loading-shell,
//     hidden by style/main.css unless needed);
//   - shell-<hash>.js, a blocking classic script in <head>, marks <html class=
//     "elsewhere"> when the address is not the default view (a deep link, or a link
//     followed before the app runs): style/main.css then shows the loading shell
//     instead of a start page that is not the view asked for (the timeline is
//     #/timeline; an old link #/?q=… is the timeline too).
// Nothing in the snapshot may depend on the build machine or the
// moment (the server's address, today's date, focus): checked, or the build fails.
//
// Needs Chromium (/usr/bin/chromium, or $CHROMIUM; `scripts/setup.sh browser`
// installs it): without it the release build fails. TARIKH_PRERENDER=off builds
// without the snapshot (the plain loading shell), with a warning.
import { existsSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const SHELL_JS = `// Written by scripts/prerender.mjs. index.html shows a snapshot of the start
// page (#/) until the app runs; at any other address, the loading shell instead
// (<html class="elsewhere">, see style/main.css).
(function () {
  var html = document.documentElement;
  function check() {
    if (html.hasAttribute('data-app')) return;
    // The snapshot's skip link: keep the jump, but start the app on the start page.
    if (location.hash === '#main') history.replaceState(history.state, '', '#/');
    html.classList.toggle('elsewhere', !/^#?!?\\/*\\??$/.test(location.hash));
  }
  check();
  addEventListener('hashchange', check);
})();
`;

/** Runs in the page: #app's markup as the snapshot (see the top of this file). */
function snapshot() {
  const live = document.getElementById('app');
  const copy = live.cloneNode(true);
  const controls = 'input, select, textarea, button';
  const from = live.querySelectorAll(controls);
  const to = copy.querySelectorAll(controls);
  if (from.length !== to.length) throw new Error('the copy of #app differs from #app');
  to.forEach((c, i) => {
    const l = from[i];
    if (l.type === 'checkbox' || l.type === 'radio') c.toggleAttribute('checked', l.checked);
    else if (l.tagName === 'SELECT') [...l.options].forEach((o, k) => c.options[k].toggleAttribute('selected', o.selected));
    else if (l.tagName === 'INPUT') {
      if (l.value) c.setAttribute('value', l.value);
      else c.removeAttribute('value');
    }
    // A <textarea>'s text (the view's citation: its address and today's date) is
    // the app's to fill in: left empty.
    c.setAttribute('disabled', '');
  });
  // Focus moved by a navigation, not part of a first render; never in the snapshot.
  copy.querySelectorAll('[tabindex="-1"]').forEach((e) => e.removeAttribute('tabindex'));
  copy.querySelector('main').setAttribute('aria-busy', 'true');
  return copy.innerHTML;
}

/**
 * Prerenders the start page into `hosted` (the index.html of the staging directory
 * `stage`, already written there). Writes shell-<hash>.js; returns the new
 * index.html and that file's name (null when skipped).
 */
export async function prerender(stage, hosted) {
  if (process.env.TARIKH_PRERENDER === 'off') {
    console.warn('\n*** postbuild: TARIKH_PRERENDER=off: index.html shows only the loading shell until the wasm runs (slower first render) ***\n');
    return { html: hosted, shell: null };
  }
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`prerender: Chromium is needed to prerender the timeline into index.html, and ${executablePath} does not exist. ` +
      'Install it (`scripts/setup.sh browser`, or `apt-get install chromium`), point $CHROMIUM at one, ' +
      'or build without the snapshot: TARIKH_PRERENDER=off trunk build --release');
  }
  const { chromium } = await import('playwright-core');
  const { serve } = await import('../e2e/server.mjs');
  const { CHROMIUM_ARGS } = await import('../e2e/pages.mjs');

  const server = await serve(stage, '/prerender/');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  let markup;
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(server.url + '#/');
    await page.waitForFunction(() => document.documentElement.dataset.app === 'live' && document.querySelector('#app .home'),
      null, { timeout: 120_000 });
    // Let the app's effects (title, counts) settle: two frames.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    if (errors.length) throw new Error(`prerender: the app logged errors: ${errors.join(' | ')}`);
    if (await page.locator('#panic').isVisible()) throw new Error('prerender: the app panicked');
    markup = await page.evaluate(snapshot);
  } finally {
    await browser.close();
    await server.close();
  }

  // Leptos' empty placeholder comments mean nothing outside the live app.
  markup = markup.replace(/<!---->/g, '');
  const today = new Date().toISOString().slice(0, 10);
  for (const [bad, what] of [[server.origin, 'the build server\'s address'], ['127.0.0.1', 'the build server\'s address'],
    ['/prerender/', 'the build server\'s path'], [today, 'today\'s date'], ['autofocus', 'autofocus']]) {
    if (markup.includes(bad)) throw new Error(`prerender: the snapshot contains ${what} (${bad})`);
  }
  const parts = (markup.match(/<section class="intro-part"/g) ?? []).length;
  if (!parts) throw new Error('prerender: no part of the orientation in the snapshot');

  // The old loading shell, for any other address, at the top of <main>.
  const app = hosted.match(/(<div id="app">)([\s\S]*?)(<\/div>\s*<noscript>)/);
  if (!app) throw new Error('prerender: <div id="app"> … </div> <noscript> not found in index.html');
  const loading = app[2].match(/<main id="main" aria-busy="true">([\s\S]*?)<\/main>/);
  if (!loading) throw new Error('prerender: the loading shell\'s <main> not found in index.html');
  const main = '<main id="main" aria-busy="true">';
  if (!markup.includes(main)) throw new Error('prerender: the snapshot has no <main id="main">');
  markup = markup.replace(main, () => `${main}<div class="loading-shell">${loading[1].trim().replace(/\s*\n\s*/g, '')}</div>`);

  const shell = `shell-${createHash('sha256').update(SHELL_JS).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(stage, shell), SHELL_JS);
  let html = hosted.replace(app[0], () => `${app[1]}
    <!-- A snapshot of the start page (scripts/prerender.mjs); the app replaces it when it starts. -->
    ${markup}
  ${app[3]}`);
  const css = html.match(/<link rel="stylesheet"[^>]*>/);
  if (!css) throw new Error('prerender: no stylesheet link in index.html');
  // Before the stylesheet: a script after one waits for it to load.
  html = html.replace(css[0], () => `<script src="./${shell}"></script>\n  ${css[0]}`);
  console.log(`prerender: the start page (${parts} parts of the orientation) is in index.html; ${shell}`);
  return { html, shell };
}

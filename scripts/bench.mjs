// The benchmark's measurements (run by scripts/bench.sh, which builds what it needs):
//
//   node scripts/bench.mjs --real DIST [--synthetic N:DIST:META,…] [--timelinejs JSON]
//                          [--runs N] [--quick] [--lighthouse]
//
// Serves each build with e2e/server.mjs under a sub-path and drives headless
// Chromium (playwright-core, e2e/pages.mjs' flags) in a fresh browser context per
// run. Writes bench/results.json and BENCHMARKS.md. Timings are medians and 95th
// percentiles over the runs; nothing here is a test and nothing asserts a time.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/pages.mjs';
import { compress, firstLoad, viewModules } from '../e2e/first-load.mjs';
import * as shares from './wasm-shares.mjs';
import { serve } from '../e2e/server.mjs';

const root = new URL('..', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// Nothing may come from another origin: every other host fails to resolve, and
// any attempt is recorded (and fails the benchmark) rather than hidden.
const OFFLINE = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

// ---------------------------------------------------------------- arguments
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = args.includes('--quick');
const RUNS = Number(opt('--runs') ?? (quick ? 3 : 15));
// The 1,000-keystroke memory measurement is slow on the large sets: fewer runs.
const MEMORY_RUNS = Math.min(RUNS, quick ? 1 : 3);
const real = opt('--real');
// N:DIST:META — META is what scripts/bench-data.mjs printed (counts and the query).
const synthetic = (opt('--synthetic') ?? '').split(',').filter(Boolean).map((s) => {
  const [n, dir, meta] = s.split(':');
  return { n: Number(n), dir, meta: JSON.parse(readFileSync(meta, 'utf8')) };
});
const tljs = opt('--timelinejs');
// --only a,b,…: just these measurements (each needs a loaded page, so the load is
// always measured): filter typo suggest axis quiz people map network throttled memory.
const ONLY = opt('--only')?.split(',').filter(Boolean);
const want = (what) => !ONLY || ONLY.includes(what);
const doLighthouse = args.includes('--lighthouse');
if (!real && !ONLY) {
  console.error('usage: node scripts/bench.mjs --real DIST [--synthetic N:DIST:META,…] [--timelinejs JSON] [--runs N] [--quick] [--lighthouse]');
  process.exit(2);
}

const log = (...a) => console.log('[bench]', ...a);

// ---------------------------------------------------------------- statistics
/** A list of keystroke timings summed up (null when none were measured). */
function keystrokes(keys) {
  return keys?.length ? {
    keystrokes: keys.length,
    changed: keys.filter((k) => k.changed).length,
    update: stats(keys.map((k) => k.update)),
    paint: stats(keys.map((k) => k.paint)),
  } : null;
}

function stats(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const rank = (p) => v[Math.min(v.length - 1, Math.ceil(p * v.length) - 1)]; // nearest rank
  return { n: v.length, median: v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2, p95: rank(0.95), min: v[0], max: v[v.length - 1] };
}

// ---------------------------------------------------------------- sizes
/** The files a page actually requested from `dir`, by path under the server's prefix. */
function requested(dir, prefix, paths) {
  const seen = [...new Set(paths)].filter((p) => p.startsWith(prefix));
  return seen.map((p) => {
    let rel = decodeURIComponent(p.slice(prefix.length)) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    const file = join(dir, rel);
    return existsSync(file) ? { name: rel, ...compress(readFileSync(file)) } : { name: rel, missing: true };
  });
}

const sum = (rows, k) => rows.reduce((s, r) => s + (r[k] ?? 0), 0);

// ---------------------------------------------------------------- the browser
let browser;
async function launch() {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, OFFLINE, '--enable-precise-memory-info'] });
}

/**
 * Runs in the page before anything else: when `selector` first appears, and the frame
 * after; with `live`, when the app is live (`<html data-app="live">`: the wasm has
 * started and replaced what index.html shows before it, the prerendered timeline).
 */
function probe({ selector, status, live }) {
  const m = (window.__bench = {});
  // One interaction, one frame (the axis, map and web of people's frame times).
  // `act` (which dispatches an input event) runs at the start of a frame, in an
  // animation-frame callback, as Chromium delivers wheel and pointer moves: then
  // the handler, the reactive updates it queues (microtasks) and the frame's
  // style, layout and paint all happen in that frame, and a task queued there runs
  // once it is painted. "work": from `act` to that task, the frame's own time; if
  // `changed()` does not hold yet (the app deferred the change to a later frame),
  // it runs on to the frame that shows it. "latency": from the call (before
  // waiting for the frame start) to painted, the wait for the display's next
  // frame (up to 16.7 ms at 60 Hz) included. Not two frames per step: a rAF inside
  // a rAF measured ≥ 33 ms whatever the work (issue 14's artefact).
  // "script": to the end of the handler and its microtasks (a second callback of
  // the same frame runs after them), the rest of "work" being style, layout, paint.
  window.__frame = (act, changed) => new Promise((resolve) => {
    const asked = performance.now();
    let t0, t1;
    requestAnimationFrame(() => {
      t0 = performance.now();
      act();
      const painted = () => setTimeout(() => {
        const t2 = performance.now();
        if (changed && !changed() && t2 - t0 < 2000) { requestAnimationFrame(painted); return; }
        resolve({ work: t2 - t0, script: t1 - t0, latency: t2 - asked, ok: !changed || changed() });
      }, 0);
      painted();
    });
    requestAnimationFrame(() => { t1 = performance.now(); });
  });
  addEventListener('TrunkApplicationStarted', (e) => { window.__benchWasm = e.detail && e.detail.wasm; });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') m.fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
  } catch { /* no paint timing */ }
  // The longest task until the app is live (issue 21: none over 100 ms at 1×);
  // the browser reports only tasks over 50 ms, so 0 means none that long.
  m.longTask = 0;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (m.live == null || e.startTime < m.live) m.longTask = Math.max(m.longTask, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* no long task timing */ }
  const check = () => {
    if (status && m.status == null && [...document.querySelectorAll('[role=status]')].some((s) => /event/.test(s.textContent))) m.status = performance.now();
    if (m.dom == null && document.querySelector(selector)) {
      m.dom = performance.now();
      requestAnimationFrame(() => { m.frame = performance.now(); setTimeout(() => { m.painted = performance.now(); }, 0); });
    }
    if (live && m.live == null && document.documentElement.dataset.app === 'live') m.live = performance.now();
    if (m.dom != null && (!status || m.status != null) && (!live || m.live != null)) obs.disconnect();
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-app'] });
}

/** A fresh context and page; records every request and any that leaves the origin. */
async function open(origin, { rate = 1 } = {}) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const rec = { paths: [], foreign: [], errors: [] };
  context.on('request', (r) => {
    const url = r.url();
    if (/^(data|blob|about):/.test(url)) return;
    if (!url.startsWith(origin + '/')) rec.foreign.push(url);
    else rec.paths.push(new URL(url).pathname);
  });
  page.on('pageerror', (e) => rec.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') rec.errors.push(m.text()); });
  const cdp = await context.newCDPSession(page);
  if (rate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { context, page, cdp, rec };
}

function foreignCheck(what, rec) {
  if (rec.foreign.length) {
    throw new Error(`${what} requested something from another origin (the benchmark must run offline): ${[...new Set(rec.foreign)].join(', ')}`);
  }
}

async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => {
    const w = window.__benchWasm;
    return w && w.memory && w.memory.buffer ? w.memory.buffer.byteLength : null;
  });
  const nodes = await page.evaluate(() => document.body.querySelectorAll('*').length);
  return { jsHeapUsed: heap.usedSize, jsHeapTotal: heap.totalSize, wasmMemory: wasm, domNodes: nodes };
}

/** One load of `url`: time to `selector` (and the frame after it), FCP, memory and DOM after. */
async function load(url, origin, selector, { rate = 1, status = false, live = false, keep = false } = {}) {
  const tab = await open(origin, { rate });
  await tab.page.addInitScript(probe, { selector, status, live });
  await tab.page.goto(url);
  await tab.page.waitForFunction(() => window.__bench && window.__bench.painted != null, null, { timeout: 120_000 });
  if (status) await tab.page.waitForFunction(() => window.__bench.status != null, null, { timeout: 120_000 });
  if (live) await tab.page.waitForFunction(() => window.__bench.live != null, null, { timeout: 120_000 });
  const marks = await tab.page.evaluate(() => ({ ...window.__bench }));
  if (rate !== 1) await tab.cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  // Let late requests (fonts, icons) happen before the list is read.
  await tab.page.waitForLoadState('networkidle').catch(() => {});
  const mem = await memory(tab.page, tab.cdp);
  const out = { ...marks, ...mem, paths: [...tab.rec.paths], errors: [...tab.rec.errors] };
  foreignCheck(url, tab.rec);
  if (keep) return { out, tab };
  await tab.context.close();
  return { out };
}

/** Types `keys` into #q one at a time; per key: until the status changes, and the next paint. */
function typeKeys(keys) {
  return (async () => {
    const input = document.querySelector('#q');
    const status = () => [...document.querySelectorAll('[role=status]')].find((s) => /event/.test(s.textContent));
    const main = document.querySelector('main');
    const out = [];
    for (const k of keys) {
      const before = status().textContent;
      const t0 = performance.now();
      if (k === '\b') input.value = input.value.slice(0, -1);
      else input.value += k;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: k === '\b' ? 'deleteContentBackward' : 'insertText', data: k === '\b' ? null : k }));
      const changed = await new Promise((resolve) => {
        let done = false;
        const finish = (v) => { if (!done) { done = true; mo.disconnect(); resolve(v); } };
        const mo = new MutationObserver(() => { if (status().textContent !== before) finish(performance.now()); });
        mo.observe(main, { subtree: true, childList: true, characterData: true });
        if (status().textContent !== before) finish(performance.now());
        // No change by the next frame: this key left the count as it was.
        requestAnimationFrame(() => finish(null));
      });
      const painted = await new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)));
      out.push({ changed: changed != null, update: changed == null ? null : changed - t0, paint: painted - t0 });
    }
    return out;
  })();
}

/**
 * Quiz generation as a reader meets it: from the timeline, the hash changes to a
 * seeded quiz link (all events, 10 questions) until its first question (or the
 * "cannot make this quiz" view) is in the DOM, and the frame after. The first seed
 * of a page also builds the quiz's fact tables; the next ones are warm.
 */
function quizTimes(seeds) {
  return (async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const panicked = () => document.querySelector('#panic:not([hidden])');
    const until = (test) => new Promise((resolve) => {
      if (test() || panicked()) return resolve();
      const mo = new MutationObserver(() => { if (test() || panicked()) { mo.disconnect(); resolve(); } });
      mo.observe(document.body, { childList: true, subtree: true, attributes: true });
    });
    const out = [];
    for (const seed of seeds) {
      location.hash = '#/timeline';
      await until(() => document.querySelector('li.card'));
      await frame();
      const t0 = performance.now();
      location.hash = `#/quiz?n=10&seed=${seed}`;
      await until(() => document.querySelector('form.quiz-question, .quiz-impossible'));
      const state = panicked() ? 'panic' : document.querySelector('form.quiz-question') ? 'made' : 'impossible';
      await frame();
      out.push({ ms: performance.now() - t0, state });
      if (state === 'panic') break;
    }
    return out;
  })();
}
/**
 * Drags across `selector` (30 mouse moves over 60% of its width) while counting
 * the page's frames: the frame times during the drag. The same gesture on
 * Tarikh's time axis and on TimelineJS's navigator.
 */
async function dragFrames(page, selector) {
  const box = await page.locator(selector).first().boundingBox().catch(() => null);
  if (!box) return null;
  await page.evaluate(() => {
    window.__frames = [];
    window.__dragging = true;
    let last = performance.now();
    const f = (t) => { window.__frames.push(t - last); last = t; if (window.__dragging) requestAnimationFrame(f); };
    requestAnimationFrame(f);
  });
  const y = box.y + Math.min(60, box.height / 2);
  await page.mouse.move(box.x + box.width * 0.8, y);
  await page.mouse.down();
  for (let k = 1; k <= 30; k++) await page.mouse.move(box.x + box.width * (0.8 - 0.02 * k), y);
  await page.mouse.up();
  return page.evaluate(() => { window.__dragging = false; return window.__frames.slice(1); });
}

/**
 * Runs in the page: the time axis (issue 14). A scripted zoom (wheel in, then
 * out) and pan (Shift+arrows on the focused event), each step one frame
 * (`window.__frame`: its work, and input to painted); the elements in the chart;
 * and switching the lanes and the periodisation, each to the frame that shows it.
 */
async function axisFrames() {
  // The axis's first draw (issue 21: ≤ 100 ms at 1×): the timeline opened again from
  // another view (its code already loaded in this page) until its marks are drawn
  // and the frame after.
  const back = location.hash;
  location.hash = '#/about';
  while (!document.querySelector('main h1') || document.querySelector('main .deferred-loading') || document.querySelector('.axis-chart')) await new Promise((r) => setTimeout(r, 1));
  const t0 = performance.now();
  location.hash = back;
  while (!document.querySelector('.axis-chart [tabindex]')) {
    await new Promise((r) => setTimeout(r, 1));
    if (performance.now() - t0 > 60_000) return null;
  }
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const first = performance.now() - t0;
  const chart = document.querySelector('.axis-chart');
  if (!chart) return null;
  const r = chart.getBoundingClientRect();
  const zoom = [];
  for (let i = 0; i < 40; i++) {
    zoom.push(await window.__frame(() => chart.dispatchEvent(new WheelEvent('wheel', { deltaY: i < 20 ? -150 : 150, clientX: r.left + r.width / 2, clientY: r.top + 40, bubbles: true, cancelable: true }))));
  }
  // The zoom above ends at the whole span, where a pan moves nothing: zoom in
  // again (not counted), so each pan moves the window, and wait for it to say so.
  for (let i = 0; i < 10; i++) await window.__frame(() => chart.dispatchEvent(new WheelEvent('wheel', { deltaY: -150, clientX: r.left + r.width / 2, clientY: r.top + 40, bubbles: true, cancelable: true })));
  await new Promise((res) => setTimeout(res, 400));
  const mark = chart.querySelector('[tabindex="0"]');
  const shown = () => document.querySelector('.axis-window')?.textContent;
  const pan = [];
  if (mark) {
    mark.focus();
    for (let i = 0; i < 30; i++) {
      const was = shown();
      pan.push(await window.__frame(() => (document.activeElement ?? mark).dispatchEvent(new KeyboardEvent('keydown', { key: i < 15 ? 'ArrowRight' : 'ArrowLeft', shiftKey: true, bubbles: true, cancelable: true })), () => shown() !== was));
    }
  }
  const elements = chart.querySelectorAll('*').length;
  const change = async (id, value) => {
    const el = document.getElementById(id);
    if (!el) return null;
    // Changed: the chart (or the page around it, for the periods band) mutated.
    let seen = false;
    const mo = new MutationObserver(() => { seen = true; });
    mo.observe(document.querySelector('main') ?? document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    const f = await window.__frame(() => { el.value = value; el.dispatchEvent(new Event('change', { bubbles: true })); }, () => seen);
    mo.disconnect();
    return f;
  };
  const lanes = [await change('axis-lanes', 'type'), await change('axis-lanes', 'strand')];
  const periods = [await change('periods', 'none'), await change('periods', document.querySelector('#periods option')?.value)];
  return { first, zoom, pan, elements, redraw: [...lanes, ...periods].filter((x) => x != null) };
}

const QUIZ_SEEDS = ['bench1', 'bench2', 'bench3', 'bench4', 'bench5', 'bench6'];

/**
 * The header box (#find, on every view): per key typed into it, until its list of
 * suggestions changes, and the next paint.
 */
function typeSuggest(keys) {
  return (async () => {
    const input = document.querySelector('#find');
    const list = document.querySelector('#find-list');
    input.focus();
    const out = [];
    for (const k of keys) {
      const before = list.textContent;
      const t0 = performance.now();
      if (k === '\b') input.value = input.value.slice(0, -1);
      else input.value += k;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: k === '\b' ? 'deleteContentBackward' : 'insertText', data: k === '\b' ? null : k }));
      const changed = await new Promise((resolve) => {
        let done = false;
        const finish = (v) => { if (!done) { done = true; mo.disconnect(); resolve(v); } };
        const mo = new MutationObserver(() => { if (list.textContent !== before) finish(performance.now()); });
        mo.observe(list, { subtree: true, childList: true, characterData: true, attributes: true });
        if (list.textContent !== before) finish(performance.now());
        requestAnimationFrame(() => finish(null));
      });
      const painted = await new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)));
      out.push({ changed: changed != null, update: changed == null ? null : changed - t0, paint: painted - t0 });
    }
    input.blur();
    return out;
  })();
}

/** `word` with one letter mistyped (the middle one): what typo tolerance must forgive. */
const mistype = (word) => {
  const i = Math.floor(word.length / 2);
  return word.slice(0, i) + (word[i] === 'e' ? 'a' : 'e') + word.slice(i + 1);
};

/** The keys that type `word` and delete it again. */
const typeAndClear = (word) => [...word, ...Array(word.length).fill('\b')];

// ---------------------------------------------------------------- one build
/**
 * The map (issue 16), in a page where the app is live: from navigating to the whole
 * frame (`at=60,45,1`: every place of the dataset) to its markers drawn (the basemap
 * fetched and parsed included) and the frame after; then 20 zoom steps by the wheel
 * and 20 pans by the arrow keys, each one frame (`window.__frame`) until the view
 * changed and was painted.
 */
function mapTimes() {
  return (async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const t0 = performance.now();
    location.hash = '#/map?at=60,45,1';
    while (!(document.querySelector('.marks a') && document.querySelector('.map-svg path.land'))) {
      await new Promise((r) => setTimeout(r, 1));
      if (performance.now() - t0 > 60_000) return { first: null, zoom: [], pan: [], marks: 0 };
    }
    await frame();
    const first = performance.now() - t0;
    const places = document.querySelectorAll('.marks a').length;
    const box = document.querySelector('.map-box');
    const r = box.getBoundingClientRect();
    const moved = () => {
      const before = document.querySelector('.basemap').getAttribute('transform');
      return () => document.querySelector('.basemap').getAttribute('transform') !== before;
    };
    const zoom = [];
    for (let i = 0; i < 20; i++) {
      zoom.push(await window.__frame(() => box.dispatchEvent(new WheelEvent('wheel', { deltaY: i < 10 ? -120 : 120, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, bubbles: true, cancelable: true })), moved()));
    }
    box.focus();
    const pan = [];
    for (let i = 0; i < 20; i++) {
      const key = ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp'][Math.floor(i / 5)];
      pan.push(await window.__frame(() => box.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })), moved()));
    }
    box.blur();
    return { first, zoom, pan, marks: places };
  })();
}

/**
 * The web of people (issue 16), in a page where the app is live: from navigating to
 * the web of everyone (`#/network`: every person of the dataset, laid out in core) to
 * its nodes drawn and the frame after (1×); then 10 zoom steps by the buttons, each
 * one frame until the viewBox changed and was painted. Budget: ≤ 300 ms with 1,000 people.
 */
function networkTimes() {
  return (async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const t0 = performance.now();
    location.hash = '#/network';
    while (!document.querySelector('.net-box .net-nodes a')) {
      await new Promise((r) => setTimeout(r, 1));
      if (performance.now() - t0 > 60_000) return { first: null, zoom: [], nodes: 0 };
    }
    await frame();
    const first = performance.now() - t0;
    const svg = document.querySelector('.net-box svg');
    const zoom = [];
    for (let i = 0; i < 10; i++) {
      const before = svg.getAttribute('viewBox');
      const button = document.querySelector(`.net-box ~ .map-zoom button[aria-label="${i < 5 ? 'Zoom in' : 'Zoom out'}"]`);
      zoom.push(await window.__frame(() => button?.click(), () => svg.getAttribute('viewBox') !== before));
    }
    return { first, zoom, nodes: document.querySelectorAll('.net-box .net-nodes a').length };
  })();
}

async function benchTarikh(label, dir, query, { throttled = true } = {}) {
  const server = await serve(dir, '/bench/tarikh/');
  const url = server.url + '#/timeline';
  const r = { label, dir, runs: RUNS, load1: [], load4: [], keys: [], keys4: [], typo: [], suggest: [], memory: [], quiz: [], axis: [], people: [], person: [], map: [], network: [] };
  try {
    await load(url, server.origin, 'li.card', { status: true, live: true }); // warm-up (OS file cache, browser), not counted
    for (let i = 0; i < RUNS; i++) {
      const { out, tab } = await load(url, server.origin, 'li.card', { status: true, live: true, keep: true });
      r.load1.push(out);
      // Filter latency, in the same page once it has loaded.
      if (want('filter')) r.keys.push(...(await tab.page.evaluate(typeKeys, typeAndClear(query))));
      // The same with one letter mistyped: the results then come from typo tolerance.
      if (want('typo')) r.typo.push(...(await tab.page.evaluate(typeKeys, typeAndClear(mistype(query)))));
      // The header box's suggestions for the same query.
      if (want('suggest')) r.suggest.push(...(await tab.page.evaluate(typeSuggest, typeAndClear(query))));
      // The time axis, on the timeline (before the quiz takes the page elsewhere).
      const axis = want('axis') ? await tab.page.evaluate(axisFrames) : null;
      if (axis) r.axis.push({ ...axis, drag: (await dragFrames(tab.page, '.axis-chart')) ?? [] });
      const firstPerson = await tab.page.evaluate(() => document.querySelector('.card a[href^="#/people/"]')?.getAttribute('href'));
      if (want('quiz') && hasQuiz && !r.quizStuck) {
        // A quiz that never shows (a hang) is recorded, not waited for forever.
        const timeout = new Promise((resolve) => setTimeout(() => resolve([{ ms: null, state: 'timeout (60 s)' }]), 60_000));
        const q = await Promise.race([tab.page.evaluate(quizTimes, QUIZ_SEEDS), timeout]);
        r.quiz.push(q);
        r.quizStuck = q.some((x) => x.state !== 'made' && x.state !== 'impossible');
      }
      // The people index and one person's page, opened straight from a link
      // (the app live, then the first entry painted).
      if (want('people')) {
        r.people.push((await load(server.url + '#/people', server.origin, '.person-entry', { live: true })).out);
        if (firstPerson) r.person.push((await load(server.url + firstPerson, server.origin, 'main h1', { live: true })).out);
      }
      if (want('map')) {
        const map = await tab.page.evaluate(mapTimes);
        // Dragging the map (real mouse input): the frame intervals meanwhile.
        r.map.push({ ...map, drag: map.first == null ? [] : (await dragFrames(tab.page, '.map-box')) ?? [] });
      }
      if (want('network')) r.network.push(await tab.page.evaluate(networkTimes));
      foreignCheck(url, tab.rec);
      await tab.context.close();
      if (throttled && want('throttled')) {
        const slow = await load(url, server.origin, 'li.card', { rate: 4, status: true, live: true, keep: true });
        r.load4.push(slow.out);
        // Filter latency at 4× too, in that page (load() set the rate back to 1×).
        await slow.tab.cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        r.keys4.push(...(await slow.tab.page.evaluate(typeKeys, typeAndClear(query))));
        await slow.tab.context.close();
      }
      process.stdout.write('.');
    }
    // JS heap and wasm memory after load and after 1,000 keystrokes.
    const thousand = [];
    while (thousand.length < 1000) thousand.push(...typeAndClear(query));
    thousand.length = 1000;
    for (let i = 0; i < (want('memory') ? MEMORY_RUNS : 0); i++) {
      const { out, tab } = await load(url, server.origin, 'li.card', { status: true, live: true, keep: true });
      // A first burst of 100 keys sets up what typing needs once (caches, arenas):
      // growth is counted from there, over the 1,000 keys after it.
      // (Whole type-and-clear cycles, so the box is empty again after it.)
      const cycle = typeAndClear(query).length;
      await tab.page.evaluate(typeKeys, thousand.slice(0, Math.ceil(100 / cycle) * cycle));
      const warm = await memory(tab.page, tab.cdp);
      const t = Date.now();
      const keys = await tab.page.evaluate(typeKeys, thousand);
      const after = await memory(tab.page, tab.cdp);
      foreignCheck(url, tab.rec);
      r.memory.push({ load: { jsHeapUsed: out.jsHeapUsed, wasmMemory: out.wasmMemory, domNodes: out.domNodes }, warm, after, seconds: (Date.now() - t) / 1000, changed: keys.filter((k) => k.changed).length });
      await tab.context.close();
      process.stdout.write('m');
    }
    process.stdout.write('\n');
  } finally {
    await server.close();
  }
  return summarise(r, firstLoad(dir));
}

/** `window.__frame` results: their work and their latency, each as stats(). */
const frameStats = (fs) => ({ work: stats(fs.map((f) => f.work)), script: stats(fs.map((f) => f.script)), latency: stats(fs.map((f) => f.latency)), missed: fs.filter((f) => !f.ok).length });

function summarise(r, assets) {
  const pick = (list, k) => stats(list.map((x) => x[k]));
  return {
    label: r.label,
    runs: r.runs,
    assets,
    firstLoad: { raw: sum(assets, 'raw'), gzip: sum(assets, 'gzip'), brotli: sum(assets, 'brotli') },
    requested: r.load1[0] ? [...new Set(r.load1[0].paths)] : [],
    errors: [...new Set(r.load1.flatMap((x) => x.errors))],
    render1: { fcp: pick(r.load1, 'fcp'), dom: pick(r.load1, 'dom'), painted: pick(r.load1, 'painted'), status: pick(r.load1, 'status'), live: pick(r.load1, 'live'), longTask: pick(r.load1, 'longTask') },
    render4: r.load4.length ? { fcp: pick(r.load4, 'fcp'), dom: pick(r.load4, 'dom'), painted: pick(r.load4, 'painted'), status: pick(r.load4, 'status'), live: pick(r.load4, 'live') } : null,
    filter: keystrokes(r.keys),
    filterTypo: keystrokes(r.typo),
    suggest: keystrokes(r.suggest),
    filter4: keystrokes(r.keys4),
    people: r.people?.length ? { live: pick(r.people, 'live'), painted: pick(r.people, 'painted') } : null,
    person: r.person?.length ? { live: pick(r.person, 'live'), painted: pick(r.person, 'painted') } : null,
    axis: r.axis?.length ? {
      first: stats(r.axis.map((a) => a.first)),
      zoom: frameStats(r.axis.flatMap((a) => a.zoom)),
      pan: frameStats(r.axis.flatMap((a) => a.pan)),
      elements: stats(r.axis.map((a) => a.elements)),
      redraw: frameStats(r.axis.flatMap((a) => a.redraw)),
      drag: stats(r.axis.flatMap((a) => a.drag ?? [])),
    } : null,
    navDrag: r.navDrag?.length ? stats(r.navDrag) : null,
    afterLoad: { domNodes: pick(r.load1, 'domNodes'), jsHeapUsed: pick(r.load1, 'jsHeapUsed'), wasmMemory: pick(r.load1, 'wasmMemory') },
    quiz: r.quiz?.length ? {
      first: stats(r.quiz.map((q) => q[0]?.ms)),
      next: stats(r.quiz.flatMap((q) => q.slice(1).map((x) => x.ms))),
      states: [...new Set(r.quiz.flatMap((q) => q.map((x) => x.state)))],
    } : null,
    map: r.map?.length ? {
      first: stats(r.map.map((m) => m.first)),
      zoom: frameStats(r.map.flatMap((m) => m.zoom)),
      pan: frameStats(r.map.flatMap((m) => m.pan)),
      drag: stats(r.map.flatMap((m) => m.drag)),
      marks: stats(r.map.map((m) => m.marks)),
    } : null,
    network: r.network?.length ? {
      first: stats(r.network.map((m) => m.first)),
      zoom: frameStats(r.network.flatMap((m) => m.zoom)),
      nodes: stats(r.network.map((m) => m.nodes)),
    } : null,
    warm100: r.memory.length ? {
      jsHeapUsed: stats(r.memory.map((m) => m.warm.jsHeapUsed)),
      wasmMemory: stats(r.memory.map((m) => m.warm.wasmMemory)),
    } : null,
    after1000: r.memory.length ? {
      runs: r.memory.length,
      domNodes: stats(r.memory.map((m) => m.after.domNodes)),
      jsHeapUsed: stats(r.memory.map((m) => m.after.jsHeapUsed)),
      wasmMemory: stats(r.memory.map((m) => m.after.wasmMemory)),
      seconds: stats(r.memory.map((m) => m.seconds)),
    } : null,
  };
}

// ---------------------------------------------------------------- TimelineJS
/**
 * A temporary site with TimelineJS (the npm package's dist/) showing `json`, the
 * real events in its format (`cargo run --example export_timelinejs`). No external
 * font (`font: null`), no theme, no analytics; its English strings are built in.
 */
function timelinejsSite(json) {
  const pkg = join(root, 'node_modules/@knight-lab/timelinejs/dist');
  if (!existsSync(pkg)) throw new Error('node_modules/@knight-lab/timelinejs is missing (npm ci)');
  const dir = mkdtempSync(join(tmpdir(), 'tarikh-bench-timelinejs-'));
  mkdirSync(join(dir, 'js'));
  mkdirSync(join(dir, 'css'));
  copyFileSync(join(pkg, 'js/timeline.js'), join(dir, 'js/timeline.js'));
  copyFileSync(join(pkg, 'css/timeline.css'), join(dir, 'css/timeline.css'));
  cpSync(join(pkg, 'css/icons'), join(dir, 'css/icons'), { recursive: true });
  copyFileSync(json, join(dir, 'timeline.json'));
  writeFileSync(join(dir, 'start.js'), `window.timeline = new TL.Timeline('timeline-embed', 'timeline.json', {
  font: null, theme: null, hash_bookmark: false, ga_measurement_id: null, language: 'en',
});\n`);
  writeFileSync(join(dir, 'index.html'), `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>TimelineJS: Tarikh's events</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="css/timeline.css">
  <script src="js/timeline.js"></script>
</head>
<body style="margin: 0">
  <div id="timeline-embed" style="width: 100%; height: 100vh"></div>
  <script src="start.js"></script>
</body>
</html>
`);
  return dir;
}

async function benchTimelineJS(dir) {
  const server = await serve(dir, '/bench/timelinejs/');
  const url = server.url;
  const r = { label: 'TimelineJS 3.9.11 (real events)', runs: RUNS, load1: [], load4: [], keys: [], memory: [], navDrag: [] };
  try {
    await load(url, server.origin, '.tl-slide'); // warm-up, not counted
    for (let i = 0; i < RUNS; i++) {
      const { out, tab } = await load(url, server.origin, '.tl-slide', { keep: true });
      r.load1.push(out);
      // Dragging its time navigator: the counterpart of panning Tarikh's axis.
      r.navDrag.push(...((await dragFrames(tab.page, '.tl-timenav')) ?? []));
      await tab.context.close();
      r.load4.push((await load(url, server.origin, '.tl-slide', { rate: 4 })).out);
      process.stdout.write('.');
    }
    process.stdout.write('\n');
  } finally {
    await server.close();
  }
  // First load: what the page actually asked for, as Tarikh's list is what it asks for.
  const paths = r.load1.flatMap((x) => x.paths);
  const assets = requested(dir, '/bench/timelinejs/', paths);
  if (assets.some((a) => a.missing)) throw new Error(`TimelineJS asked for files that are not there: ${assets.filter((a) => a.missing).map((a) => a.name)}`);
  return summarise(r, assets);
}

// ---------------------------------------------------------------- Lighthouse
function lighthouse(dir) {
  const bin = join(root, 'node_modules/.bin/lighthouse');
  if (!existsSync(bin)) return { error: 'lighthouse is not installed (npm ci)' };
  return (async () => {
    // Compressed (brotli) as a static host serves it: Lighthouse's simulated slow
    // network then carries the bytes a reader would download.
    const server = await serve(dir, '/bench/tarikh/', 0, { compress: true });
    mkdirSync(join(root, 'bench'), { recursive: true });
    const runs = quick ? 1 : 3;
    const scores = [];
    let error = null;
    try {
      for (let i = 0; i < runs; i++) {
        const out = join(root, 'bench', `lighthouse-${i}.json`);
        // Lighthouse talks to Chromium itself: its own flags, the same as the tests'.
        const flags = ['--headless=new', ...CHROMIUM_ARGS, OFFLINE].join(' ');
        // Asynchronously: the server answering Lighthouse runs in this process.
        const res = await new Promise((resolve) => {
          const p = spawn(bin, [server.url, '--quiet', '--output=json', `--output-path=${out}`,
            '--only-categories=performance,accessibility', '--form-factor=mobile', `--chrome-flags=${flags}`],
          { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 });
          let stderr = '';
          p.stderr.on('data', (d) => { stderr += d; });
          p.on('close', (status, signal) => resolve({ status, signal, stderr }));
          p.on('error', (error) => resolve({ status: null, error, stderr }));
        });
        if (res.status !== 0 || !existsSync(out)) {
          error = `lighthouse exited with ${res.status ?? res.signal}: ${(res.stderr || res.error || '').toString().trim().split('\n').slice(-3).join(' ')}`;
          break;
        }
        const j = JSON.parse(readFileSync(out, 'utf8'));
        if (j.runtimeError) { error = `lighthouse: ${j.runtimeError.code}: ${j.runtimeError.message}`; break; }
        scores.push({
          performance: j.categories.performance.score,
          accessibility: j.categories.accessibility.score,
          fcp: j.audits['first-contentful-paint']?.numericValue,
          lcp: j.audits['largest-contentful-paint']?.numericValue,
          tbt: j.audits['total-blocking-time']?.numericValue,
          version: j.lighthouseVersion,
          warnings: j.runWarnings,
        });
        process.stdout.write('l');
      }
      process.stdout.write('\n');
    } finally {
      await server.close();
    }
    if (error && !scores.length) return { error };
    return {
      runs: scores.length,
      version: scores[0]?.version,
      performance: stats(scores.map((s) => s.performance * 100)),
      accessibility: stats(scores.map((s) => s.accessibility * 100)),
      fcp: stats(scores.map((s) => s.fcp)),
      lcp: stats(scores.map((s) => s.lcp)),
      tbt: stats(scores.map((s) => s.tbt)),
      warnings: [...new Set(scores.flatMap((s) => s.warnings ?? []))],
      error,
    };
  })();
}

// ---------------------------------------------------------------- quiz
// Only if the app has a quiz generator (core::quiz, src/core/quiz.rs).
const hasQuiz = existsSync(join(root, 'src/core/quiz.rs')) || existsSync(join(root, 'src/core/quiz/mod.rs'));
function quiz() {
  return hasQuiz ? {} : { error: 'n/a: src/core/quiz.rs (core::quiz) does not exist on this commit' };
}

// ---------------------------------------------------------------- the report
function machine() {
  const git = (...a) => { try { return execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim(); } catch { return '?'; } };
  const dirty = git('status', '--porcelain', '--untracked-files=no') ? ' (with uncommitted changes)' : '';
  let chromium = '?';
  try { chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { /* */ }
  return {
    cpu: `${cpus()[0]?.model ?? '?'} × ${cpus().length}`,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    os: (() => { try { return readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)/m)[1]; } catch { return process.platform; } })(),
    node: process.version,
    chromium,
    commit: git('rev-parse', '--short', 'HEAD') + dirty,
    date: new Date().toISOString().slice(0, 10),
  };
}

const kb = (b) => (b == null ? '—' : `${(b / 1000).toFixed(1)} kB`);
const mb = (b) => (b == null ? '—' : `${(b / 1e6).toFixed(1)} MB`);
const ms = (x) => (x == null ? '—' : `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`);
const mp = (s, f = ms) => (s == null ? '—' : `${f(s.median)} / ${f(s.p95)}`);
const ratio = (a, b) => (a == null || b == null || !b ? '—' : `${(a / b).toFixed(2)}×`);

/**
 * The budgets of issues #14, #16 and #17 (the axis, the map and the web of people,
 * search at scale) against this run: [what, measured, met (true/false/null)].
 * Frame times are `window.__frame`'s work (one frame, the wait for the display's
 * next frame left out); the drag is the interval between frames during a real drag.
 */
function scaleBudgets(res) {
  const syn = (re) => res.synthetic.find((x) => re.test(x.label));
  const s10 = syn(/ 10k/), s100 = syn(/ 100k/);
  const out = [];
  const row = (what, measured, ok) => out.push([what, measured, ok]);
  const med = (st, b) => (st ? st.median <= b : null);
  const p95 = (st, b) => (st ? st.p95 <= b : null);
  // A frame's work, with its script part (the rest is style, layout and paint).
  const fw = (f) => (f?.work ? `${mp(f.work)} (script ${mp(f.script)})` : '—');
  for (const [label, x] of [['10k', s10], ['100k', s100]]) {
    if (!x) continue;
    const n = x.map?.marks ? `${x.map.marks.median} markers drawn for ${x.places} places` : `${x.places} places`;
    row(`Map, ${label} events (${n}): first draw ≤ 200 ms at 1× (median)`, mp(x.map?.first), med(x.map?.first, 200));
    row(`Map, ${label}: wheel zoom frame ≤ 16.7 ms (median work)`, fw(x.map?.zoom), med(x.map?.zoom?.work, 16.7));
    row(`Map, ${label}: arrow-key pan frame ≤ 16.7 ms (median work)`, fw(x.map?.pan), med(x.map?.pan?.work, 16.7));
    // A frame interval is a multiple of 16.7 ms at 60 Hz, give or take the timer's jitter.
    row(`Map, ${label}: drag, frame interval ≤ 16.7 ms (median; one 60 Hz frame ± 0.5 ms counts as met)`, mp(x.map?.drag), med(x.map?.drag, 17.2));
  }
  for (const [label, x] of [['10k', s10], ['100k', s100]]) {
    if (!x?.network) continue;
    const people = `${x.network.nodes.median} people drawn`;
    row(`Web of people, ${label} (${people}): first draw ≤ 300 ms at 1× with 1,000 people (median)`, mp(x.network.first), label === '10k' ? med(x.network.first, 300) : null);
    row(`Web of people, ${label}: zoom frame (median work; no budget)`, fw(x.network.zoom), null);
  }
  if (s100) {
    row('Search, 100k events: keystroke → results updated ≤ 16 ms at 1× (p95), typo tolerance on', mp(s100.filter?.update), p95(s100.filter?.update, 16));
    row('Search, 100k events: the same, a mistyped query (results from typo tolerance) ≤ 16 ms (p95)', mp(s100.filterTypo?.update), p95(s100.filterTypo?.update, 16));
  }
  if (s10) row('Header box, 10k events: keystroke → suggestions updated ≤ 16 ms at 1× (p95)', mp(s10.suggest?.update), p95(s10.suggest?.update, 16));
  for (const [label, x] of [['real', res.tarikh], ['10k', s10], ['100k', s100]]) {
    if (!x?.axis) continue;
    const a = x.axis;
    row(`Axis, ${label}: wheel zoom frame ≤ 16.7 ms median, ≤ 33 ms p95 (work)`, fw(a.zoom), a.zoom.work ? a.zoom.work.median <= 16.7 && a.zoom.work.p95 <= 33 : null);
    row(`Axis, ${label}: Shift+arrow pan frame ≤ 16.7 ms median, ≤ 33 ms p95 (work)`, fw(a.pan), a.pan.work ? a.pan.work.median <= 16.7 && a.pan.work.p95 <= 33 : null);
    row(`Axis, ${label}: drag, frame interval ≤ 33 ms (p95; two 60 Hz frames, 33.3 ms ± 0.5, count as met)`, mp(a.drag), p95(a.drag, 33.9));
    row(`Axis, ${label}: lanes / scheme switch → painted ≤ 50 ms (p95 latency; work in brackets)`, `${mp(a.redraw.latency)} (${mp(a.redraw.work)})`, p95(a.redraw.latency, 50));
  }
  return out;
}

/** The budgets of issue #8 against this run: what was measured and whether it is met. */
function budgets(res) {
  const T = res.tarikh;
  const s10 = res.synthetic.find((x) => /10k/.test(x.label));
  const s100 = res.synthetic.find((x) => /100k/.test(x.label));
  const all = [T, ...res.synthetic];
  const yes = (ok) => (ok == null ? 'not measured' : ok ? '**met**' : '**not met**');
  const rows = [];
  const row = (what, measured, ok) => rows.push(`| ${what} | ${measured} | ${yes(ok)} |`);
  row('First-load transfer (brotli) ≤ 100 kB', kb(T.firstLoad.brotli), T.firstLoad.brotli <= 100_000);
  const r4 = T.render4?.painted;
  row('First rendered timeline ≤ 300 ms at 4× (painted, median / p95)', mp(r4), r4 ? r4.median <= 300 : null);
  for (const [label, x] of [['10k events', s10], ['100k events', s100]]) {
    if (!x) { row(`Filter keystroke → update, ${label}`, '—', null); continue; }
    const u1 = x.filter?.update, u4 = x.filter4?.update;
    if (label === '10k events') {
      row(`Keystroke → results updated ≤ 16 ms at 1× (p95), ${label}`, mp(u1), u1 ? u1.p95 <= 16 : null);
      row(`Keystroke → results updated ≤ 50 ms at 4× (p95), ${label}`, mp(u4), u4 ? u4.p95 <= 50 : null);
      row(`Keystroke → next frame painted, ${label}, 1× / 4× (p95; includes waiting for the display's next frame, up to 16.7 ms at 60 Hz)`, `${ms(x.filter?.paint?.p95)} / ${ms(x.filter4?.paint?.p95)}`, x.filter?.paint && x.filter4?.paint ? x.filter.paint.p95 <= 16 && x.filter4.paint.p95 <= 50 : null);
      const sg = x.suggest?.update;
      row(`Header box: keystroke → suggestions updated ≤ 16 ms at 1× (p95), ${label} (issue #17)`, mp(sg), sg ? sg.p95 <= 16 : null);
    } else {
      row(`Usable at ${label}: keystroke → results updated, 1× / 4× (p95)`, `${ms(u1?.p95)} / ${ms(u4?.p95)}`, u1 ? u1.p95 <= 100 : null);
      const ty = x.filterTypo?.update;
      row(`Keystroke → results updated ≤ 16 ms at 1× (p95), ${label}, a mistyped query (typo tolerance; issue #17)`, mp(ty), ty ? ty.p95 <= 16 : null);
    }
  }
  const doms = all.flatMap((x) => [x.afterLoad.domNodes?.max, x.after1000?.domNodes?.max]).filter((v) => v != null);
  row('≤ 800 DOM nodes in the body, any dataset (largest seen, after load and after 1,000 keys)', String(Math.max(...doms)), Math.max(...doms) <= 800);
  const growth = all.filter((x) => x.after1000).map((x) => {
    const w = (x.after1000.wasmMemory?.median ?? 0) - (x.warm100.wasmMemory?.median ?? 0);
    const h = (x.after1000.jsHeapUsed?.median ?? 0) - (x.warm100.jsHeapUsed?.median ?? 0);
    return { label: x.label, w, h };
  });
  row('No memory growth over 1,000 keystrokes (wasm memory / JS heap: after 1,100 keys − after the first 100, medians)',
    growth.map((g) => `${g.label}: ${mb(g.w)} / ${mb(g.h)}`).join('; ') || '—',
    growth.length ? growth.every((g) => g.w <= 0 && g.h <= 1e6) : null);
  const lh = res.lighthouse;
  row('Lighthouse mobile performance 100', lh?.performance ? mp(lh.performance, (x) => x.toFixed(0)) : '—', lh?.performance ? lh.performance.min >= 100 : null);
  row('Lighthouse mobile accessibility 100', lh?.accessibility ? mp(lh.accessibility, (x) => x.toFixed(0)) : '—', lh?.accessibility ? lh.accessibility.min >= 100 : null);
  for (const [what, measured, ok] of scaleBudgets(res)) row(what, measured, ok);
  return ['## Budgets (issues #8, #14, #16, #17)', '', 'Median / 95th percentile as in the tables below. "JS heap growth" allows 1 MB for the garbage collector\'s timing.', '',
    '| budget | measured | |', '|---|---|---|', ...rows];
}

/** Issue #21's budgets (the app as a whole, every view in it) against this run. */
function budgets21(res) {
  const T = res.tarikh, P = res.timelinejs, B = res.bytes;
  const s10 = res.synthetic.find((x) => /10k/.test(x.label));
  const yes = (ok) => (ok == null ? 'not measured' : ok ? '**met**' : '**not met**');
  const L = ['## Budgets of issue #21 (fast on a school laptop)', '', '| budget | measured | |', '|---|---|---|'];
  const row = (what, measured, ok) => L.push(`| ${what} | ${measured} | ${yes(ok)} |`);
  row('First load smaller than the 299 kB measured before this round\'s views (brotli)', kb(T.firstLoad.brotli), T.firstLoad.brotli < 299_000);
  row('First-load transfer ≤ 160 kB brotli (HTML, CSS, JS, wasm with the dataset)', kb(T.firstLoad.brotli), T.firstLoad.brotli <= 160_000);
  if (B?.dataset) row(`The dataset's layout: its blob ≤ 1.25 × its texts (brotli; ${kb(B.dataset.brotli)} / ${kb(B.dataset.textBrotli)})`, `${B.dataset.ratio.toFixed(3)} ×`, B.dataset.ratio <= 1.25);
  if (B?.dataset && B.main?.data) row(`The main module's whole data segment ≤ 1.25 × the dataset's texts (brotli; ${kb(B.main.data.brotli)}: the blob and the other constants of the code in that module)`, `${(B.main.data.brotli / B.dataset.textBrotli).toFixed(2)} ×`, B.main.data.brotli <= 1.25 * B.dataset.textBrotli);
  const live4 = T.render4?.live;
  row('Interactive (`data-app="live"`, the timeline shown) at 4× CPU ≤ 1.0 s (median / p95)', mp(live4), live4 ? live4.median <= 1000 : null);
  const lt = T.render1?.longTask;
  row('No task over 100 ms during start-up at 1× (longest task until live, median / p95; 0: none over 50 ms)', mp(lt), lt ? lt.p95 <= 100 : null);
  const lh = res.lighthouse;
  row('Lighthouse mobile performance ≥ 98 (median of the runs / p95)', lh?.performance ? mp(lh.performance, (x) => x.toFixed(0)) : '—', lh?.performance ? lh.performance.median >= 98 : null);
  row('Lighthouse mobile accessibility 100 (median / p95)', lh?.accessibility ? mp(lh.accessibility, (x) => x.toFixed(0)) : '—', lh?.accessibility ? lh.accessibility.median >= 100 : null);
  const paint1 = s10?.filter?.paint, paint4 = s10?.filter4?.paint;
  row('Keystroke → next paint at 10k events ≤ 33 ms p95 at 1× and ≤ 100 ms at 4×', `${ms(paint1?.p95)} / ${ms(paint4?.p95)}`, paint1 && paint4 ? paint1.p95 <= 33 && paint4.p95 <= 100 : null);
  row('First draw of the axis ≤ 100 ms at 1×, real data (the timeline opened again from another view; median / p95)', mp(T.axis?.first), T.axis?.first ? T.axis.first.median <= 100 : null);
  row('First draw of the map ≤ 100 ms at 1×, real data (its code and basemap fetched included; median / p95)', mp(T.map?.first), T.map?.first ? T.map.first.median <= 100 : null);
  row('First draw of the web of people ≤ 100 ms at 1×, real data (its code fetched included; median / p95)', mp(T.network?.first), T.network?.first ? T.network.first.median <= 100 : null);
  if (P) {
    L.push('', 'Tarikh / TimelineJS, where both have it (medians; below 1 is better):', '');
    L.push(`- first-load bytes (brotli): **${ratio(T.firstLoad.brotli, P.firstLoad.brotli)}**`);
    L.push(`- first event painted, 1× / 4×: **${ratio(T.render1.painted?.median, P.render1.painted?.median)}** / **${ratio(T.render4?.painted?.median, P.render4?.painted?.median)}**`);
    L.push(`- interactive (Tarikh live / TimelineJS painted), 1× / 4×: **${ratio(T.render1.live?.median, P.render1.painted?.median)}** / **${ratio(T.render4?.live?.median, P.render4?.painted?.median)}**`);
    if (T.axis?.drag && P.navDrag) L.push(`- frame interval while dragging the axis / TimelineJS's navigator: **${ratio(T.axis.drag.median, P.navDrag.median)}**`);
    L.push('- memory: see "Memory" below (Tarikh has wasm memory besides the JS heap).');
  }
  return L;
}

/** Where the wasm's bytes are: each view's modules, each crate's share of the code. */
function bytesSection(res) {
  const B = res.bytes;
  if (!B) return [];
  const L = ['## Where the bytes are', ''];
  if (B.main) L.push(`The main module (the shell, the start page, the header search, the dataset, Leptos): code ${kb(B.main.code.brotli)}, data ${kb(B.main.data.brotli)} brotli (${kb(B.main.code.raw)} / ${kb(B.main.data.raw)} raw). Of the data, ${kb(B.dataset?.brotli)} is the dataset blob (${kb(B.dataset?.raw)} raw; its texts alone ${kb(B.dataset?.textBrotli)}).`, '');
  if (B.views) {
    L.push('Every other view is a wasm module of its own (src/app/deferred.rs), fetched the first time it is opened: its own module, and chunks of code it shares with other views (fetched once for all of them). "Opened first" is what opening that view first fetches on top of the first load.', '');
    L.push('| views | files | own module | shared chunks | opened first |', '|---|---:|---:|---:|---:|');
    const names = { timeline: 'timeline (list, axis, filters)', pages: 'pages (events, people, disputes, organisations, places, glossary, tours, about)', map: 'map and place pages', network: 'web of people', quiz: 'quiz, class results, study', present: 'Present mode', reader: 'source reader' };
    for (const v of B.views.sort((a, b) => b.total - a.total)) L.push(`| ${names[v.group] ?? v.group} | ${v.files} | ${kb(v.own + v.alone)} | ${kb(v.shared)} | ${kb(v.total)} |`);
    L.push('', `All view modules together: ${kb(B.modulesBrotli)} brotli in ${B.modules} files, on demand (the service worker caches them on the first visit; the single file has them inline).`, '');
  }
  if (B.crates?.crates) {
    const C = B.crates;
    const pct = (x) => `${(100 * x).toFixed(1)} %`;
    L.push(`Each crate's share of the code (all modules together: ${kb(C.code)} of functions before optimisation, from \`twiggy top\` on the linked wasm with its names; a generic function instantiated for one of Tarikh's types counts as Tarikh's, one named only by its own crate as that crate's).`, '');
    L.push('| crate | code | share |', '|---|---:|---:|');
    const top = C.crates.slice(0, 16), rest = C.crates.slice(16);
    for (const c of top) L.push(`| ${c.name} | ${kb(c.bytes)} | ${pct(c.share)} |`);
    if (rest.length) L.push(`| ${rest.length} others (${rest.map((c) => c.name).join(', ')}) | ${kb(rest.reduce((a, c) => a + c.bytes, 0))} | ${pct(rest.reduce((a, c) => a + c.share, 0))} |`);
    L.push('', "Tarikh's own code by module:", '', '| module | code | share |', '|---|---:|---:|');
    const mt = C.modules.slice(0, 30), mr = C.modules.slice(30);
    for (const c of mt) L.push(`| ${c.name} | ${kb(c.bytes)} | ${pct(c.share)} |`);
    if (mr.length) L.push(`| ${mr.length} others | ${kb(mr.reduce((a, c) => a + c.bytes, 0))} | ${pct(mr.reduce((a, c) => a + c.share, 0))} |`);
    L.push('');
  } else if (B.crates?.error) L.push(`Crate shares: ${B.crates.error}.`, '');
  return L;
}

function report(res) {
  const m = res.machine;
  const T = res.tarikh;
  const P = res.timelinejs;
  const all = [T, ...res.synthetic];
  const L = [];
  L.push('# Benchmarks', '');
  L.push('Generated by `scripts/bench.sh` (see README, "Benchmark"); do not edit by hand. Raw numbers: `bench/results.json` (not committed).', '');
  L.push(`- **Machine**: ${m.cpu}, ${m.memory}, ${m.os}; ${m.chromium}; Node ${m.node}`);
  L.push(`- **Date**: ${m.date}; **commit**: ${m.commit}; **mode**: ${res.quick ? 'quick' : 'full'} (${res.runs} runs per measurement)`);
  const la = (x) => x.map((v) => v.toFixed(2)).join(', ');
  L.push(`- **Load average** (1, 5, 15 min) at the start: ${la(res.load.start)}; at the end: ${la(res.load.end)} (other work on the machine shows here and makes timings noisier).`);
  L.push('- Each cell is **median / 95th percentile** (nearest rank) over the runs (after one uncounted warm-up load), each run a fresh browser context (empty cache, service workers blocked), headless Chromium at 1280×800, the build served from 127.0.0.1 (e2e/server.mjs, no compression, no network beyond it).', '');

  L.push(...budgets(res), '');
  L.push(...budgets21(res), '');
  L.push('## First load (bytes)', '');
  L.push('What index.html loads, compressed as a static host would serve it (gzip -9, brotli 11).', '');
  for (const [who, x] of [['Tarikh', T], ['TimelineJS 3.9.11', P]]) {
    if (!x) continue;
    L.push(`**${who}**`, '', '| asset | raw | gzip | brotli |', '|---|---:|---:|---:|');
    for (const a of x.assets) L.push(`| ${a.name.replace(/-[0-9a-f]{16}/, '-…')} | ${kb(a.raw)} | ${kb(a.gzip)} | ${kb(a.brotli)} |`);
    L.push(`| **total** | **${kb(x.firstLoad.raw)}** | **${kb(x.firstLoad.gzip)}** | **${kb(x.firstLoad.brotli)}** |`, '');
  }
  if (P) L.push(`Tarikh / TimelineJS, brotli: **${ratio(T.firstLoad.brotli, P.firstLoad.brotli)}** (raw ${ratio(T.firstLoad.raw, P.firstLoad.raw)}). Tarikh's data (${res.events.real} events with every person, place, organisation, dispute and source) is inside its wasm; TimelineJS's is \`timeline.json\` (the same events: date, title, summary, citations).`, '');
  if (res.synthetic.length) {
    L.push('Synthetic datasets (same code, data compiled in):', '', '| dataset | raw | gzip | brotli |', '|---|---:|---:|---:|');
    for (const s of res.synthetic) L.push(`| ${s.label} | ${kb(s.firstLoad.raw)} | ${kb(s.firstLoad.gzip)} | ${kb(s.firstLoad.brotli)} |`);
    L.push('');
  }

  L.push(...bytesSection(res));
  L.push('## Time to the first rendered timeline', '');
  L.push('From navigation start to the first event in the DOM (Tarikh: the first `li.card`; TimelineJS: the first `.tl-slide`) and to the frame after it ("painted": a `requestAnimationFrame` then a task). FCP: first contentful paint. Tarikh\'s hosted index.html carries a snapshot of the timeline (`scripts/prerender.mjs`), so its first event is painted before the wasm runs; "interactive": until the app is live (`<html data-app="live">`: the wasm has started and replaced the snapshot, and the controls work). 4×: CDP `Emulation.setCPUThrottlingRate`.', '');
  L.push('| page | CPU | FCP | results status shown | first event in DOM | painted | interactive |', '|---|---|---:|---:|---:|---:|---:|');
  for (const x of [T, P, ...res.synthetic].filter(Boolean)) {
    const row = (r, cpu) => `| ${x.label} | ${cpu} | ${mp(r.fcp)} | ${x === P ? 'n/a' : mp(r.status)} | ${mp(r.dom)} | ${mp(r.painted)} | ${x === P ? 'n/a' : mp(r.live)} |`;
    L.push(row(x.render1, '1×'));
    if (x.render4) L.push(row(x.render4, '4×'));
  }
  L.push('');
  if (P) {
    L.push('Tarikh / TimelineJS (medians, painted): ' +
      `1× **${ratio(T.render1.painted?.median, P.render1.painted?.median)}**, 4× **${ratio(T.render4?.painted?.median, P.render4?.painted?.median)}**; ` +
      `Tarikh interactive / TimelineJS painted: 1× **${ratio(T.render1.live?.median, P.render1.painted?.median)}**, 4× **${ratio(T.render4?.live?.median, P.render4?.painted?.median)}**.`, '');
  }

  L.push('## Filter latency (keystroke to the next paint)', '');
  L.push('Each run types the query into the search box `#q` one character at a time and deletes it again, all in the loaded page. "update": from the `input` event to the results status text changing (keystrokes that leave the count as it was are left out of this column); "paint": to the frame after (`requestAnimationFrame` then a task; headless Chromium draws at 60 Hz, so this is at least one frame).', '');
  L.push('| dataset | query | CPU | keystrokes (status changed) | update | paint |', '|---|---|---|---:|---:|---:|');
  for (const x of all) {
    for (const [f, cpu] of [[x.filter, '1×'], [x.filter4, '4×']]) {
      if (f) L.push(`| ${x.label} | \`${x.query}\` | ${cpu} | ${f.keystrokes} (${f.changed}) | ${mp(f.update)} | ${mp(f.paint)} |`);
      if (cpu === '1×' && x.filterTypo) { const t = x.filterTypo; L.push(`| ${x.label}, mistyped | \`${mistype(x.query)}\` | 1× | ${t.keystrokes} (${t.changed}) | ${mp(t.update)} | ${mp(t.paint)} |`); }
      if (cpu === '1×' && x.suggest) { const t = x.suggest; L.push(`| ${x.label}, header box suggestions | \`${x.query}\` | 1× | ${t.keystrokes} (${t.changed}) | ${mp(t.update)} | ${mp(t.paint)} |`); }
    }
  }
  L.push('');

  L.push('## Memory and DOM', '');
  L.push(`DOM: elements in \`<body>\`. JS heap: CDP \`Runtime.getHeapUsage\` (used) after a forced GC. Wasm: the byte length of the module's exported \`memory\` (from trunk's \`TrunkApplicationStarted\` event). "After 100 keys": a first burst of typing and deleting the query (whole cycles, at least 100 keystrokes, a frame each), which sets up what typing needs once; "after 1,000 more": 1,000 keystrokes after that (${MEMORY_RUNS} run${MEMORY_RUNS > 1 ? 's' : ''} per dataset).`, '');
  L.push('| page | DOM after load | JS heap after load | wasm memory after load | JS heap after 100 keys | wasm memory after 100 keys | DOM after 1,000 more | JS heap after 1,000 more | wasm memory after 1,000 more |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const x of [T, P, ...res.synthetic].filter(Boolean)) {
    const a = x.after1000, w = x.warm100;
    L.push(`| ${x.label} | ${mp(x.afterLoad.domNodes, String)} | ${mp(x.afterLoad.jsHeapUsed, mb)} | ${x === P ? 'n/a (no wasm)' : mp(x.afterLoad.wasmMemory, mb)} | ${w ? mp(w.jsHeapUsed, mb) : '—'} | ${w ? mp(w.wasmMemory, mb) : '—'} | ${a ? mp(a.domNodes, String) : '—'} | ${a ? mp(a.jsHeapUsed, mb) : '—'} | ${a ? mp(a.wasmMemory, mb) : '—'} |`);
  }
  L.push('');
  if (P) L.push(`TimelineJS has no search box, so it has no filter latency or keystroke memory; its DOM holds every slide at once (Tarikh / TimelineJS DOM after load: **${ratio(T.afterLoad.domNodes?.median, P.afterLoad.domNodes?.median)}**, JS heap **${ratio(T.afterLoad.jsHeapUsed?.median, P.afterLoad.jsHeapUsed?.median)}**; Tarikh's wasm memory comes on top).`, '');

  L.push('## Quiz generation', '');
  if (res.quiz.error) L.push(res.quiz.error, '');
  else {
    L.push(`From the loaded timeline to a seeded quiz link (\`#/quiz?n=10&seed=…\`, all events, every question type) until the first question is in the DOM, and the frame after: generation and rendering together, in the browser (wasm). "first": the first quiz of the page, which also builds the quiz's fact tables; "next": ${QUIZ_SEEDS.length - 1} more seeds in the same page.`, '');
    L.push('| dataset | first quiz | next quizzes | outcome |', '|---|---:|---:|---|');
    for (const x of all) if (x.quiz) L.push(`| ${x.label} | ${mp(x.quiz.first)} | ${mp(x.quiz.next)} | ${x.quiz.states.join(', ')} |`);
    L.push('');
  }

  L.push('## Map', '');
  L.push('From the loaded timeline to the whole map (`#/map?at=60,45,1`, every place of the dataset) until its markers and coastlines are drawn, the basemap fetched included, and the frame after (1×); then wheel zoom steps and arrow-key pans, and a mouse drag. Budgets (issue 16): first draw ≤ 200 ms with 2,500 places, frames ≤ 16.7 ms median.', '');
  L.push('Zoom and pan: one frame each (`window.__frame` in scripts/bench.mjs): "work" is the input handler plus the frame that shows the change, to painted; "latency" adds the wait for the display\'s next frame. Drag: a real mouse drag (30 moves), the intervals between frames meanwhile.', '');
  L.push('| dataset | places | first draw | zoom: work | zoom: latency | pan: work | pan: latency | drag frame interval | markers drawn |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const x of all) if (x.map) L.push(`| ${x.label} | ${x.places ?? '—'} | ${mp(x.map.first)} | ${mp(x.map.zoom.work)} | ${mp(x.map.zoom.latency)} | ${mp(x.map.pan.work)} | ${mp(x.map.pan.latency)} | ${mp(x.map.drag)} | ${mp(x.map.marks, String)} |`);
  L.push('');

  L.push('## Web of people', '');
  L.push('From the loaded map to the web of everyone (`#/network`, every person of the dataset, laid out in core with a fixed number of rounds) until its nodes are drawn, and the frame after (1×); then zoom steps by the buttons, each one frame until the view changed and was painted. Budget (issue 16): ≤ 300 ms with 1,000 people.', '');
  L.push('| dataset | first draw | zoom: work | zoom: latency | people drawn |', '|---|---:|---:|---:|---:|');
  for (const x of all) if (x.network) L.push(`| ${x.label} | ${mp(x.network.first)} | ${mp(x.network.zoom.work)} | ${mp(x.network.zoom.latency)} | ${mp(x.network.nodes, String)} |`);
  L.push('');

  L.push('## Lighthouse (mobile)', '');
  const lh = res.lighthouse;
  if (!lh) L.push('Not run (pass `--lighthouse`; scripts/bench.sh does).', '');
  else if (lh.error && !lh.runs) L.push(`Could not run here: ${lh.error}`, '');
  else {
    L.push(`Lighthouse ${lh.version}, default mobile settings (simulated slow 4G and 4× CPU), ${lh.runs} run${lh.runs > 1 ? 's' : ''}, Tarikh's real build. served with brotli as a static host would (e2e/server.mjs with \`compress\`): ${kb(T.firstLoad.brotli)} over the simulated network.`, '');
    L.push('| performance | accessibility | FCP | LCP | TBT |', '|---:|---:|---:|---:|---:|');
    L.push(`| ${mp(lh.performance, (x) => x.toFixed(0))} | ${mp(lh.accessibility, (x) => x.toFixed(0))} | ${mp(lh.fcp)} | ${mp(lh.lcp)} | ${mp(lh.tbt)} |`, '');
    if (lh.warnings.length) L.push(`Lighthouse's warnings: ${lh.warnings.join(' ')}`, '');
    if (lh.error) L.push(`(A later run failed: ${lh.error})`, '');
  }

  L.push('## Datasets', '');
  L.push(`- **real**: \`data/\`, ${res.events.real} events.`);
  for (const s of res.synthetic) L.push(`- **${s.label}**: generated by \`scripts/bench-data.mjs\` into a temporary directory (never committed or shipped): ${s.counts}; real vocab.toml, sources.toml and periods.toml, citations to real paragraphs; built with \`TARIKH_DATA_DIR\`.`);
  L.push('');
  if (res.notes.length) L.push('## Not measured', '', ...res.notes.map((n) => `- ${n}`), '');
  L.push('## People index and person page (issue 13)', '');
  L.push('Opened straight from a link at 1× (a fresh context each): the app live, and the first entry (index) or heading (person) painted.', '');
  L.push('| dataset | people index: live | painted | a person: live | painted |', '|---|---:|---:|---:|---:|');
  for (const x of all) {
    if (!x?.people) continue;
    L.push(`| ${x.label} | ${mp(x.people.live)} | ${mp(x.people.painted)} | ${mp(x.person?.live)} | ${mp(x.person?.painted)} |`);
  }
  L.push('');
  L.push('## Time axis (issue 14)', '');
  L.push('Scripted in the page at 1× after load: 40 wheel steps (zoom in, then out) and 30 Shift+arrow pans, and switching the lanes and the periodisation, each one frame (`window.__frame`: "work" is the input handler plus the frame that shows the change, to painted; "latency" adds the wait for the display\'s next frame); a real mouse drag, the intervals between frames meanwhile; the elements in the chart afterwards. Budgets: frames ≤ 16.7 ms median and ≤ 33 ms p95 at 10k events, redraws ≤ 50 ms, ≤ 1,500 elements whatever the size.', '');
  L.push('| dataset | zoom: work | zoom: latency | pan: work | pan: latency | drag frame interval | lanes / scheme: work | lanes / scheme: latency | elements in the chart |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const x of all) {
    if (!x?.axis) continue;
    const a = x.axis;
    L.push(`| ${x.label} | ${mp(a.zoom.work)} | ${mp(a.zoom.latency)} | ${mp(a.pan.work)} | ${mp(a.pan.latency)} | ${mp(a.drag)} | ${mp(a.redraw.work)} | ${mp(a.redraw.latency)} | ${Math.round(a.elements.median)} |`);
  }
  if (P?.navDrag) L.push(`| ${P.label}: dragging its navigator | — | — | — | — | ${mp(P.navDrag)} | — | — | — |`);
  L.push('');
  if (P?.navDrag && T?.axis) L.push(`Frame time while dragging, Tarikh's axis / TimelineJS's navigator (median): **${ratio(T.axis.drag.median, P.navDrag.median)}**.`, '');
  return L.join('\n');
}

// ---------------------------------------------------------------- main
const results = { machine: machine(), quick, runs: RUNS, memoryRuns: MEMORY_RUNS, notes: [], synthetic: [], events: {}, load: { start: loadavg() } };
await launch();
try {
  const realQuery = opt('--query') ?? 'bukeikhan';
  if (real) {
    log(`Tarikh, real data (${RUNS} runs)`);
    results.tarikh = { ...(await benchTarikh('Tarikh (real data)', real, realQuery)), query: realQuery };
  }
  results.events.real = readdirSync(join(root, 'data/events')).filter((f) => f.endsWith('.toml'))
    .reduce((n, f) => n + (readFileSync(join(root, 'data/events', f), 'utf8').match(/^\[\[event\]\]/gm) ?? []).length, 0);
  if (tljs) {
    log(`TimelineJS (${RUNS} runs)`);
    const site = timelinejsSite(tljs);
    try {
      results.timelinejs = await benchTimelineJS(site);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  } else results.notes.push('TimelineJS: not run (no --timelinejs).');
  for (const s of synthetic) {
    log(`Tarikh, synthetic ${s.n} events (${RUNS} runs)`);
    const { meta } = s;
    results.synthetic.push({
      ...(await benchTarikh(`Tarikh (synthetic ${s.n / 1000}k)`, s.dir, meta.query)),
      query: meta.query,
      places: meta.places,
      counts: `${meta.events} events, ${meta.people} people${meta.relations != null ? ` (${meta.relations} relations)` : ''}, ${meta.places} places, ${meta.orgs} organisations, ${meta.disputes} disputes`,
    });
  }
} finally {
  await browser.close();
}
results.quiz = quiz();
if (real) {
  // Where the bytes are (scripts/wasm-shares.mjs), from the real build and the
  // linked wasm cargo wrote for it (--linked; names kept).
  const linked = opt('--linked');
  const mainWasm = readdirSync(real).find((n) => /^tarikh-[0-9a-f]+_bg\.wasm$/.test(n));
  const blob = shares.newestBlob(join(root, 'target'));
  const mods = viewModules(real);
  results.bytes = {
    main: mainWasm ? shares.sections(join(real, mainWasm)) : null,
    dataset: blob ? shares.dataset(blob) : null,
    views: shares.views(real),
    modules: mods.length,
    modulesBrotli: mods.reduce((a, m) => a + m.brotli, 0),
    crates: linked ? shares.crates(linked, real) : { error: 'no --linked wasm given' },
  };
}
if (doLighthouse) {
  log('Lighthouse');
  results.lighthouse = await lighthouse(real);
}
if (results.quiz.error) results.notes.push(`Quiz generation time: ${results.quiz.error}.`);
if (results.lighthouse?.error && !results.lighthouse.runs) results.notes.push(`Lighthouse: ${results.lighthouse.error}`);
const bad = [results.tarikh, results.timelinejs, ...results.synthetic].filter((x) => x?.errors?.length);
for (const x of bad) results.notes.push(`${x.label} logged errors: ${x.errors.slice(0, 3).join(' | ')}`);

results.load.end = loadavg();
mkdirSync(join(root, 'bench'), { recursive: true });
if (ONLY) {
  // Some measurements only: not the benchmark's report. The raw numbers, and the
  // budgets they bear on, printed.
  writeFileSync(join(root, 'bench/results-only.json'), JSON.stringify(results, null, 2) + '\n');
  const la = (x) => x.map((v) => v.toFixed(2)).join(', ');
  console.log(`\n${RUNS} run(s); load average at the start ${la(results.load.start)}, at the end ${la(results.load.end)}`);
  for (const [what, measured, ok] of scaleBudgets(results)) console.log(`${ok == null ? '   ' : ok ? 'met' : 'NOT'}  ${what}: ${measured}`);
  log('wrote bench/results-only.json (BENCHMARKS.md untouched: --only)');
  process.exit(0);
}
writeFileSync(join(root, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
writeFileSync(join(root, 'BENCHMARKS.md'), report(results));
log('wrote bench/results.json and BENCHMARKS.md');

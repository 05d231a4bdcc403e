// Size of the first load (issue 8): every asset index.html loads, compressed with
// brotli as a static host would serve it. Deterministic, so it can fail CI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

// The product budget is 100 KB (brotli) for the whole first load. Tarikh does not
// meet it yet (issue 8); until it does, this guard stops it growing
// unnoticed: raise it only with a reason in the commit. (+7,900: the timeline
// prerendered into index.html, shell-<hash>.js and the app's takeover, 7,836 B measured.
// +5,100: issue 20's data — 11 events, 3 people, 12 disputes, the corrections — and
// the link-state tables of issue 13; 311,251 B measured. +67,000: the time axis
// and Present mode (issue 14: core::axis and two views; the dataset's text grew
// too), 379,246 B measured. +15,900: issue 20's glossary — 30 terms (about 3,500 B
// of it the data), the glossary and term views, the term matcher (Unicode letter
// tables) and term links on four views (311,294 B → 327,167 B measured on its own).
// +55,100: issue 16's map view, place pages and their core (projection, camera,
// clusters, labels), measured on its own 313,000 → 368,345 B; the basemap itself,
// 13.6 KB, is not in the first load. +19,200: issue 19 (nothing lost), measured on
// its own 312,066 → 331,188 B: reading the stored quiz progress as JSON (serde_json's
// parser and Value, 8,285 B), gloo-storage (1,189 B), and 9,300 B of the whole-state
// check and repair, eviction, the save-failure, damage and two-tab notices and the
// notices of the views without parameters. +19,200: issue 15, measured on its own
// 311,251 → 330,440 B: the start page (its orientation and four tours in data/, the
// view, prerendered into index.html instead of the timeline), a tour's page, the
// pickers as comboboxes, scroll restoration, the key flag and strand names, print
// all, event pages that lead on, the phone fixes. +34,300: issue 18's classroom,
// measured on its own 397,006 → 431,274 B: result codes (core::quiz::code, a small
// bignum), the class results (core::quiz::results) and three views (the result code
// at the end of a quiz, the class results view with its table, chart and CSV, and
// projector mode). +17,000: issue 17's search, measured on its own 311,251 →
// 328,804 B: the rule-based matcher with typo tolerance, English stems, ranking, the
// header's combobox on every view, "did you mean", the marked words. +25,800: issue
// 16's web of people, measured on its own 441,045 → 466,840 B: core::network (graph,
// force and ring layouts, names, link state and camera), the #/network view and the
// relations picture on person pages. Issue 21 brings it down: −20,000, the
// dataset as one compact blob read in place instead of Rust literals (data
// segment 152.9 → 131.8 KB brotli), 525,394 B measured. +66,000: this round's
// views merged on top, 591,805 B measured: organisation pages and the disputes
// index (#15), the source reader and its citation links (the texts themselves,
// 46 KB, load on demand), study mode (#18), the teacher's preview / replace /
// remove, topics of several parts, the QR encoder and the compact key (#18),
// the shared camera and gestures (#13) and the map's wheel preview (#16).)
const GUARD = 596_000;
const BUDGET = 100_000;

export async function firstLoad(dir = 'dist') {
  const names = (await readdir(dir)).filter((n) =>
    n === 'index.html' || n === 'favicon.svg' || /^(boot|shell|tarikh)-[0-9a-f]+(_bg\.wasm|\.js)$/.test(n) || /^main-[0-9a-f]+\.css$/.test(n));
  const rows = [];
  for (const name of names) {
    const raw = await readFile(`${dir}/${name}`);
    rows.push({
      name,
      raw: raw.length,
      gzip: gzipSync(raw, { level: 9 }).length,
      brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return rows;
}

test('the first load stays within its size guard (brotli)', async () => {
  const rows = await firstLoad();
  assert.ok(rows.some((r) => r.name.endsWith('_bg.wasm')) && rows.some((r) => r.name === 'index.html'));
  const total = rows.reduce((s, r) => s + r.brotli, 0);
  console.log(rows.map((r) => `${r.name}: ${r.raw} raw, ${r.gzip} gzip, ${r.brotli} brotli`).join('\n'));
  console.log(`first load: ${total} bytes brotli (budget ${BUDGET}, guard ${GUARD})`);
  assert.ok(total <= GUARD, `first load ${total} B brotli is over the guard of ${GUARD} B`);
});

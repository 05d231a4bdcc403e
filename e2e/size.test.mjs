// Size of the first load (issue 8): every asset index.html loads, compressed with
// brotli as a static host would serve it. Deterministic, so it can fail CI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstLoad, viewModules } from './first-load.mjs';

// Issue 21's budget is 160 KB (brotli) for the whole first load; Tarikh does not
// meet it yet. Until it does, this guard stops it growing unnoticed: raise it only
// with a reason here and in the commit. History: 299 KB before this round's views;
// 592 KB with them (the map, the web of people, the axis and Present, the
// classroom, the reader, study mode); 525 KB → then 224,333 B measured once every
// view but the start page became a wasm module of its own, loaded when first
// opened (src/app/deferred.rs, scripts/split.mjs). The first load is what
// index.html names and its scripts import (e2e/first-load.mjs), so a view that
// slipped back into the first load is counted.
const GUARD = 227_000;
const BUDGET = 160_000;

test('the first load stays within its size guard (brotli)', async () => {
  const rows = firstLoad('dist');
  assert.ok(rows.some((r) => r.name.endsWith('_bg.wasm')) && rows.some((r) => r.name === 'index.html'));
  const total = rows.reduce((s, r) => s + r.brotli, 0);
  console.log(rows.map((r) => `${r.name}: ${r.raw} raw, ${r.gzip} gzip, ${r.brotli} brotli`).join('\n'));
  console.log(`first load: ${total} bytes brotli (budget ${BUDGET}, guard ${GUARD})`);
  assert.ok(total <= GUARD, `first load ${total} B brotli is over the guard of ${GUARD} B`);
});

test('the views other than the start page are not in the first load, and each is there to load', () => {
  const first = firstLoad('dist').map((r) => r.name);
  const modules = viewModules('dist');
  // One module per group of views (src/app/views/mod.rs) plus chunks they share.
  for (const group of ['timeline', 'pages', 'map', 'network', 'quiz', 'present', 'reader']) {
    assert.ok(modules.some((m) => m.name.startsWith(`tarikh-split-${group}-`)), `no module for the ${group} views`);
  }
  assert.ok(first.some((n) => /^tarikh-split-[0-9a-f]+\.js$/.test(n)), 'the loader of the view modules is part of the first load');
  assert.ok(!first.some((n) => /^tarikh-(split|chunk)-.*\.wasm$/.test(n)), `a view module in the first load: ${first.join(', ')}`);
  const total = modules.reduce((s, r) => s + r.brotli, 0);
  console.log(`view modules: ${modules.length} files, ${total} bytes brotli (on demand)`);
});

// What a visit to index.html loads before the app is live, and what loads later
// (issue 21), shared by e2e/size.test.mjs and the benchmark (scripts/bench.mjs).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const compress = (raw) => ({
  raw: raw.length,
  gzip: gzipSync(raw, { level: 9 }).length,
  brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

/** The files of the first load: what index.html's <script src> and <link href>
 * name, and what those scripts import or start, followed through their static
 * imports. The on-demand assets (basemap, source texts: named by <meta>) and the
 * deferred views' modules (src/app/deferred.rs: fetched by the loader when a view
 * is first opened) are not in it. */
export function firstLoadNames(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const names = new Set(['index.html']);
  const queue = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\.?\/?([^"#:]+)"/g)].map((m) => m[1]);
  while (queue.length) {
    const name = queue.shift();
    if (names.has(name)) continue;
    names.add(name);
    if (!name.endsWith('.js')) continue;
    const js = readFileSync(join(dir, name), 'utf8');
    for (const m of js.matchAll(/^\s*import\b[^'"]*['"]\.\/([^'"]+)['"]/gm)) queue.push(m[1]);
    for (const m of js.matchAll(/module_or_path:\s*['"]\.\/([^'"]+\.wasm)['"]/g)) queue.push(m[1]);
  }
  return [...names].sort();
}

const rows = (dir, names) => names.map((name) => ({ name, ...compress(readFileSync(join(dir, name))) }));

/** Every file of the first load, with its raw, gzip and brotli sizes. */
export const firstLoad = (dir) => rows(dir, firstLoadNames(dir));

/** The deferred views' modules (each view's own and the chunks views share). */
export function viewModules(dir) {
  const first = new Set(firstLoadNames(dir));
  return rows(dir, readdirSync(dir).filter((n) => n.endsWith('.wasm') && !first.has(n)).sort());
}

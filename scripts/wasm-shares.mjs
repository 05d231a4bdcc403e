// Where the wasm's bytes are (issue 21), for BENCHMARKS.md (scripts/bench.mjs):
//   views()   each group of deferred views (src/app/views/mod.rs): its own module
//             and the chunks it loads, read from the split loader in dist/;
//   crates()  every crate's share of the code, and each module of this crate's,
//             from `twiggy top` on the linked wasm (names kept, before wasm-split,
//             wasm-bindgen and wasm-opt), scaled to the brotli size of all code.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compress, firstLoadNames } from '../e2e/first-load.mjs';

const brotli = (dir, f) => compress(readFileSync(join(dir, f))).brotli;

/** Per group of views: its module, its chunks (those no other group loads, and the shared ones). */
export function views(dir) {
  const loaderName = firstLoadNames(dir).find((n) => /^tarikh-split-[0-9a-f]+\.js$/.test(n));
  if (!loaderName) return null;
  const loader = readFileSync(join(dir, loaderName), 'utf8');
  const chunkFile = new Map([...loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const groups = [...loader.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\((?:\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?\}\s*)?,?\s*\[([^\]]*)\]\)\)/g)]
    .map((m) => ({ group: m[1], own: m[2] ?? null, chunks: m[3].split(',').map((c) => c.trim()).filter(Boolean).map((c) => chunkFile.get(c)) }));
  const users = new Map();
  for (const g of groups) for (const c of g.chunks) users.set(c, (users.get(c) ?? 0) + 1);
  return groups.map((g) => {
    const own = g.own ? brotli(dir, g.own) : 0;
    const alone = g.chunks.filter((c) => users.get(c) === 1).reduce((s, c) => s + brotli(dir, c), 0);
    const shared = g.chunks.filter((c) => users.get(c) > 1).reduce((s, c) => s + brotli(dir, c), 0);
    return { group: g.group, files: 1 + g.chunks.length, own, alone, shared, total: own + alone + shared };
  });
}

/** All the wasm modules' brotli sizes, split into code and the rest. */
function codeBrotli(dir) {
  return readdirSync(dir).filter((n) => n.endsWith('.wasm')).reduce((s, f) => s + brotli(dir, f), 0);
}

/** Code bytes per crate (and per module of `tarikh`), as shares of all code. */
export function crates(linked, dir) {
  let csv;
  try {
    csv = execFileSync('twiggy', ['top', '-n', '1000000', '-f', 'csv', linked], { encoding: 'utf8', maxBuffer: 256 << 20 });
  } catch (e) {
    return { error: `twiggy could not read ${linked}: ${e.message.split('\n')[0]}` };
  }
  const byCrate = new Map();
  const byModule = new Map();
  let code = 0;
  for (const line of csv.split('\n').slice(1)) {
    const m = line.match(/^(".*"|[^,]*),(\d+),/);
    if (!m) continue;
    const name = m[1].replace(/^"|"$/g, '').replace(/::h[0-9a-f]{16}\b/g, '');
    const size = Number(m[2]);
    // Sections and data are not code: only functions count here.
    if (/^(custom section|data segment|elem\[|type\[|import |export |table\[|memory\[|global\[)|subsection"?$/.test(name)) continue;
    code += size;
    let crate = name.match(/([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/)?.[1] ?? '(unnamed)';
    if (name.includes('tarikh::')) {
      crate = 'tarikh';
      const mod = name.match(/tarikh::((?:app::views::)?[a-z_0-9]+(?:::[a-z_0-9]+)?)/)?.[1] ?? '?';
      byModule.set(mod, (byModule.get(mod) ?? 0) + size);
    }
    const entry = name.match(/^__wasm_split_00(\w+?)00_export_[0-9a-f]+_(\w+)$/);
    if (entry) { // a deferred view's body (src/app/views/mod.rs)
      crate = 'tarikh';
      byModule.set(`app::views::${entry[2]}`, (byModule.get(`app::views::${entry[2]}`) ?? 0) + size);
    }
    if (name.includes('tarikh_date::') || name.includes('tarikh_data::')) crate = name.includes('tarikh_date::') ? 'tarikh_date' : 'tarikh_data';
    byCrate.set(crate, (byCrate.get(crate) ?? 0) + size);
  }
  const total = codeBrotli(dir);
  const rows = (map) => [...map].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => ({ name, bytes, share: bytes / code }));
  return { code, wasmBrotli: total, crates: rows(byCrate), modules: rows(byModule) };
}

/** The dataset blob the build wrote (crates/tarikh-data/src/codegen.rs): its
 * brotli size against that of its texts alone (issue 21: the layout may cost at
 * most a quarter on top of the text). The blob is a varint, the records of that
 * length, then the distinct texts. */
export function dataset(blobPath) {
  const blob = readFileSync(blobPath);
  let len = 0, shift = 0, i = 0;
  for (;;) {
    const b = blob[i++];
    len += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) break;
  }
  const texts = blob.subarray(i + len);
  const b = compress(blob).brotli, t = compress(texts).brotli;
  return { raw: blob.length, brotli: b, textRaw: texts.length, textBrotli: t, ratio: b / t };
}

/** The newest dataset blob under a cargo target directory's release builds. */
export function newestBlob(target) {
  const build = join(target, 'wasm32-unknown-unknown', 'release', 'build');
  const found = readdirSync(build).filter((d) => d.startsWith('tarikh-'))
    .map((d) => join(build, d, 'out', 'dataset.bin'))
    .filter((p) => { try { return statSync(p).isFile(); } catch { return false; } })
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return found[0] ?? null;
}

/** A wasm module's code and data sections, raw and brotli. */
export function sections(path) {
  const b = readFileSync(path);
  const leb = (i) => {
    let v = 0, s = 0, x;
    do { x = b[i++]; v += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80);
    return [v, i];
  };
  const out = {};
  for (let i = 8; i < b.length;) {
    const id = b[i++];
    const [n, j] = leb(i);
    const name = { 10: 'code', 11: 'data' }[id];
    if (name) out[name] = { raw: n, brotli: compress(b.subarray(j, j + n)).brotli };
    i = j + n;
  }
  return out;
}

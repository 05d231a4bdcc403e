// trunk post_build hook (see Trunk.toml): runs in the staging directory of every
// build and adds two files beside index.html:
//   tarikh-offline.html  the whole app in one file (wasm, JS, CSS, icon inlined)
//                        that works opened from disk (file://), every view included,
//                        with its own strict Content-Security-Policy (hashes);
//   sw.js                (release builds) the service worker that keeps the hosted
//                        app working offline, with a cache named after this build;
//   boot-<hash>.js       (release builds) trunk's start-up script moved out of
//                        index.html, which gets a strict Content-Security-Policy;
//   shell-<hash>.js      (release builds) with a snapshot of the start page put into
//                        index.html by scripts/prerender.mjs (needs Chromium);
//   basemap-<hash>.txt   the map's coastlines and lakes (scripts/basemap.mjs), and
//   sources-<hash>.txt   the source reader's texts (the tarikh-sources binary of
//                        crates/tarikh-data, numbered as citations are): on-demand
//                        assets, fetched by the view that needs one when first opened
//                        (named by a <meta> in index.html; in the single file, a text
//                        block it reads instead; src/app/asset.rs).
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { prerender } from './prerender.mjs';
import { basemap } from './basemap.mjs';
import { split } from './split.mjs';

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) throw new Error('postbuild.mjs runs as a trunk hook (TRUNK_STAGING_DIR unset)');
const release = process.env.TRUNK_PROFILE === 'release';
const files = readdirSync(stage);
const pick = (re) => {
  const f = files.find((n) => re.test(n));
  if (!f) throw new Error(`postbuild: no file matching ${re} in ${stage}`);
  return f;
};
const js = pick(/^tarikh-[0-9a-f]+\.js$/);
const wasm = pick(/^tarikh-[0-9a-f]+_bg\.wasm$/);
const css = pick(/^main-[0-9a-f]+\.css$/);
const read = (f) => readFileSync(join(stage, f));
// On-demand assets: not part of the first load. The hosted page names each by a
// <meta name="tarikh-<name>">; the view that needs it fetches it (same origin).
// The reader's texts come from the data pipeline itself (the same paragraph
// numbering the citations are checked with), so the two cannot disagree.
function sourceTexts() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  try {
    return execFileSync('cargo', ['run', '--quiet', '--offline', '-p', 'tarikh-data', '--bin', 'tarikh-sources'], {
      cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'],
    });
  } catch (e) {
    throw new Error(`postbuild: the source reader's texts could not be written (${e.message.split('\n')[0]})`);
  }
}
const onDemand = [['basemap', basemap()], ['sources', sourceTexts()]].map(([name, text]) => {
  if (/<\/script|<!--/i.test(text)) throw new Error(`postbuild: the ${name} would end its text block early`);
  const file = `${name}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.txt`;
  writeFileSync(join(stage, file), text);
  return { name, text, file };
});
const ON_DEMAND_META = onDemand.map((a) => `<meta name="tarikh-${a.name}" content="${a.file}">`).join('\n  ');
// The build's id: its hashed file names. Both pages carry it, so the service worker
// can tell that what it cached is one build (see sw.js below).
const BUILD = createHash('sha256').update([js, wasm, css].join('\n')).digest('hex').slice(0, 16);
const BUILD_META = `<meta name="tarikh-build" content="${BUILD}">`;
let index = read('index.html').toString()
  .replace('<meta charset="utf-8">', () => `<meta charset="utf-8">\n  ${BUILD_META}\n  ${ON_DEMAND_META}`);
if (!index.includes(BUILD_META) || !index.includes(ON_DEMAND_META)) throw new Error('postbuild: no <meta charset="utf-8"> in index.html');
// The deferred views cut out of the main wasm module (scripts/split.mjs): trunk's
// JS and wasm are replaced, and the views' modules are loaded on demand.
// trunk's own wasm-opt is off (index.html: data-wasm-opt="0"), as split.mjs
// optimises every module itself; a build without split points is optimised here.
const parts = split(stage, { release, js, wasm, index });
if (parts) index = parts.index;
else if (release) execFileSync('wasm-opt', ['-Oz', join(stage, wasm), '-o', join(stage, wasm)], { stdio: 'inherit' });

// --- the single file ---------------------------------------------------------
// Everything is inlined, and the file carries its own strict policy: scripts and
// styles only by the sha256 of the ones written here (no 'unsafe-inline', no data:
// scripts), wasm compiled from the bytes in the page, no connection, no other origin.
const b64 = (buf) => Buffer.from(buf).toString('base64');
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// wasm-bindgen's JS is an ES module (`export class …`, `export function …`,
// `export { initSync, __wbg_init as default };`). An inline module script can't be
// imported, so its exports become the properties of `bindings`, the object start-up
// code gets from `import * as bindings` in the hosted app.
function inlineBindings(source) {
  const names = new Map(); // exported name → local name
  let text = source.replace(/^export (class|function|async function|const|let|var) ([A-Za-z_$][\w$]*)/gm, (_, kind, name) => {
    names.set(name, name);
    return `${kind} ${name}`;
  });
  text = text.replace(/^export \{([^}]*)\};?[ \t]*$/gm, (_, list) => {
    for (const item of list.split(',').map((x) => x.trim()).filter(Boolean)) {
      const m = item.match(/^([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?$/);
      if (!m) throw new Error(`postbuild: wasm-bindgen export list item not understood: ${item}`);
      names.set(m[2] ?? m[1], m[1]);
    }
    return '';
  });
  const left = text.match(/^[ \t]*(export|import)\b(?!\s*[(.]).*$/m);
  if (left) throw new Error(`postbuild: wasm-bindgen JS has an import or export not rewritten: ${left[0]}`);
  if (!names.has('default') || !names.has('initSync')) {
    throw new Error(`postbuild: wasm-bindgen JS no longer exports default and initSync (found: ${[...names.keys()].join(', ')})`);
  }
  if (/<\/script|<!--/i.test(text)) throw new Error('postbuild: wasm-bindgen JS would end the inline script early');
  const props = [...names].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, local]) => `${JSON.stringify(name)}: ${local}`);
  return `const bindings = (() => {
${text.trim()}
return Object.freeze({ __proto__: null, ${props.join(', ')} });
})();`;
}

// The deferred views' loader, inlined the same way: its modules are read from text
// blocks of the page instead of fetched (a page opened from disk can fetch nothing).
function inlineLoader({ loader, loaderText }) {
  const names = [];
  let text = loaderText.replace(/^import \{ initSync \} from "[^"]*";?$/m, 'const initSync = (...a) => bindings.initSync(...a);');
  text = text.replace(/^export const ([A-Za-z_$][\w$]*) =/gm, (_, name) => {
    names.push(name);
    return `const ${name} =`;
  });
  text = text.replace(/fetch\(new URL\("\.\/([^"]+)", import\.meta\.url\)\)/g, (_, f) => `inlineModule(${JSON.stringify(f)})`);
  const left = text.match(/^[ \t]*(export|import)\b(?!\s*[(.]).*$|import\.meta|fetch\(/m);
  if (left) throw new Error(`postbuild: the split loader has an import, export or fetch not rewritten: ${left[0]}`);
  return { loader, text: `const splitLoader = (() => {
const inlineModule = async (name) => {
  const b = atob(document.getElementById('tarikh-mod-' + name).textContent.trim());
  const bytes = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) bytes[i] = b.charCodeAt(i);
  return new Response(bytes, { headers: { 'Content-Type': 'application/wasm' } });
};
${text.trim()}
return Object.freeze({ __proto__: null, ${names.join(', ')} });
})();` };
}
const oneLoader = parts ? inlineLoader(parts) : null;
let mainBindings = read(js).toString();
if (oneLoader) {
  const importRe = new RegExp(`^import \\* as ([A-Za-z_$][\\w$]*) from "\\./${oneLoader.loader.replace(/\./g, '\\.')}";?$`, 'gm');
  mainBindings = mainBindings.replace(importRe, 'const $1 = splitLoader;');
}
const bootOne = `
${oneLoader ? oneLoader.text : ''}
${inlineBindings(mainBindings)}
const text = atob(document.getElementById('tarikh-wasm').textContent.trim());
const bytes = new Uint8Array(text.length);
for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
const wasm = await bindings.default({ module_or_path: bytes });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
`.replace(/\r\n?/g, '\n'); // the HTML parser turns CRLF into LF before the hash is checked
const style = read(css).toString().replace(/\r\n?/g, '\n');
if (/<\/style/i.test(style)) throw new Error('postbuild: the stylesheet would end the inline <style> early');
let one = index;
const swap = (re, to, what) => {
  if (!re.test(one)) throw new Error(`postbuild: ${what} not found in index.html`);
  one = one.replace(re, to);
};
swap(/<link rel="icon"[^>]*>/, () => `<link rel="icon" type="image/svg+xml" href="data:image/svg+xml;base64,${b64(read('favicon.svg'))}">`, 'the icon link');
swap(/<link rel="stylesheet"[^>]*>/, () => `<style>${style}</style>`, 'the stylesheet link');
one = one.replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
swap(/<script type="module">[\s\S]*?<\/script>/, () => `<script type="module">${bootOne}</script>
<script type="application/octet-stream" id="tarikh-wasm">${b64(read(wasm))}</script>
${onDemand.map((a) => `<script type="text/plain" id="tarikh-${a.name}">${a.text}</script>`).join('\n')}
${(parts?.modules ?? []).map((m) => `<script type="application/octet-stream" id="tarikh-mod-${m}">${b64(read(m))}</script>`).join('\n')}`, "trunk's start-up script");
one = one.replace(`\n  ${ON_DEMAND_META}`, '');
if (/(href|src)="\.?\/?(tarikh-|main-)/.test(one)) throw new Error('postbuild: an asset was not inlined');
// Any other inline script would be refused by the policy below: in a release build
// that is a mistake to catch here (a dev server's reload script may add one).
const scripts = [...one.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="(application\/octet-stream|text\/plain)")[^>]*>/g)];
if (scripts.length !== 1 && release) throw new Error(`postbuild: ${scripts.length} inline scripts in the single file, expected 1`);
const ONE_CSP = [
  "default-src 'none'", `script-src ${sha256(bootOne)} 'wasm-unsafe-eval'`, `style-src ${sha256(style)}`,
  'img-src data:', "connect-src 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'none'",
].join('; ');
swap(/<meta charset="utf-8">/, () => `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${ONE_CSP}">`, 'the charset meta');
writeFileSync(join(stage, 'tarikh-offline.html'), one);

// --- a strict Content-Security-Policy for the hosted site ----------------------
// trunk writes its start-up code as an inline module script; moving it into a file
// lets the policy allow scripts from the site itself only, no inline script at all.
const CSP = [
  "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'",
  "img-src 'self' data:", "connect-src 'self'", "worker-src 'self'", "object-src 'none'",
  "base-uri 'none'", "form-action 'none'",
].join('; ');
let hosted = index;
let boot = null;
if (release) {
  const inline = hosted.match(/<script type="module">([\s\S]*?)<\/script>/);
  if (!inline) throw new Error('postbuild: trunk\'s start-up script not found');
  boot = `boot-${createHash('sha256').update(inline[1]).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(stage, boot), inline[1].trim() + '\n');
  hosted = hosted
    .replace(inline[0], () => `<script type="module" src="./${boot}"></script>`)
    .replace('<meta charset="utf-8">', () => `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${CSP}">`)
    // Chromium ignores `integrity` on a preload of the wasm (as="fetch") and says so in
    // the console of every visit; the fetch that uses the wasm checks nothing either.
    .replace(/(<link rel="preload"[^>]*?) integrity="[^"]*"([^>]*as="fetch")/, '$1$2');
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(hosted)) throw new Error('postbuild: an inline script is left in index.html');
  writeFileSync(join(stage, 'index.html'), hosted);
} else {
  writeFileSync(join(stage, 'index.html'), hosted); // the on-demand assets' <meta>s
}

// --- the start page prerendered into the hosted index.html (scripts/prerender.mjs) ---
let shell = null;
if (release) {
  ({ html: hosted, shell } = await prerender(stage, hosted));
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(hosted)) throw new Error('postbuild: an inline script is left in index.html');
  writeFileSync(join(stage, 'index.html'), hosted);
}

// --- the service worker ------------------------------------------------------
// Install: every file of this build, fetched past the browser's HTTP cache
// (`cache: 'reload'`, as Workbox precaches: a plain static host sends Last-Modified
// and no Cache-Control, so the HTTP cache may hold the previous index.html), into a
// new cache named after the build. Before it may take over it checks that what it
// cached is one build: both pages carry this build's id, and every file index.html
// refers to is in the cache. If not (a host or proxy still serving the old
// index.html), the install fails and is dropped: the version in use, and its complete
// cache, stay. Only once the new cache is complete and checked does activation delete
// the old one. `tarikh-offline.html` is cached too ("Download for offline use").
if (release) {
  const assets = ['./', './index.html', `./${boot}`, ...(shell ? [`./${shell}`] : []), `./${js}`, `./${wasm}`, `./${css}`,
    ...(parts ? [`./${parts.loader}`, ...parts.modules.map((m) => `./${m}`)] : []), './favicon.svg', ...onDemand.map((a) => `./${a.file}`), './tarikh-offline.html'];
  const version = createHash('sha256').update(assets.join('\n')).update(hosted).digest('hex').slice(0, 16);
  writeFileSync(join(stage, 'sw.js'), `// Generated by scripts/postbuild.mjs for build ${version} (files ${BUILD}).
// Keeps Tarikh working offline after a first visit. Pages: network first (revalidated,
// never a stale copy), this build's cached copy when offline; hashed assets: from the
// cache. A new deployment has a new version: its files are cached afresh, checked to be
// one build, and only then is the old cache deleted.
const BUILD = '${BUILD}';
const CACHE = 'tarikh-${version}:' + self.registration.scope;
const ASSETS = ${JSON.stringify(assets)};
const PAGES = ['./', './index.html', './tarikh-offline.html'];
const MARK = '<meta name="tarikh-build" content="' + BUILD + '">';
// The same-site files a page refers to (scripts, styles, preloads, the icon), as ./names.
const refs = (html) => [...html.matchAll(/<(?:script|link)\\b[^>]*\\b(?:src|href)="([^"#:]+)"/g)]
  .map((m) => (m[1].startsWith('./') ? m[1] : './' + m[1]));
async function precache() {
  const cache = await caches.open(CACHE);
  await cache.addAll(ASSETS.map((url) => new Request(url, { cache: 'reload' })));
  for (const page of PAGES) {
    const res = await cache.match(page);
    const html = res ? await res.text() : '';
    if (!html.includes(MARK)) throw new Error('Tarikh: ' + page + ' is not build ' + BUILD);
    const missing = page === './tarikh-offline.html' ? [] : refs(html).filter((u) => !ASSETS.includes(u));
    if (missing.length) throw new Error('Tarikh: ' + page + ' refers to files of another build: ' + missing.join(', '));
  }
}
self.addEventListener('install', (e) => {
  e.waitUntil(precache().then(() => self.skipWaiting(), async (err) => {
    await caches.delete(CACHE); // a half-filled cache never lingers; the old one stays
    throw err;
  }));
});
self.addEventListener('activate', (e) => {
  const mine = (k) => k.startsWith('tarikh-') && k.endsWith(':' + self.registration.scope);
  e.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => mine(k) && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});
self.addEventListener('fetch', (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    e.respondWith(fetch(req.url, { cache: 'no-cache', credentials: 'same-origin' })
      .catch(() => caches.open(CACHE).then(async (c) => (await c.match(req, { ignoreSearch: true })) || c.match('./index.html'))));
    return;
  }
  e.respondWith(caches.open(CACHE).then((c) => c.match(req, { ignoreSearch: true }))
    .then((hit) => hit || fetch(req)));
});
`);
}
console.log(`postbuild: wrote ${onDemand.map((a) => a.file).join(', ')}, tarikh-offline.html${release ? `, ${boot}, sw.js and a strict CSP in index.html${shell ? `, the prerendered start page and ${shell}` : ''}` : ''}`);

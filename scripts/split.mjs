// Cuts the deferred views (src/app/deferred.rs) out of the main wasm module; run by
// scripts/postbuild.mjs on every build whose wasm has split points (cargo feature
// `split`, set in index.html).
//
// trunk has no step for this, so its wasm-bindgen and wasm-opt outputs are replaced:
//   1. wasm-split-cli (crate wasm_split_cli_support; scripts/setup.sh installs it)
//      reads the linked wasm (built with --emit-relocs, see build.rs) and writes the
//      main module, one module per `deferred!` group, chunks of the code several
//      groups share, and the loader `__wasm_split.js`;
//   2. wasm-bindgen (the version trunk uses) on the main module, as trunk runs it;
//   3. wasm-opt -Oz (release builds) on every module;
//   4. the modules and the loader get content-hashed names, and trunk's files
//      (tarikh-<hash>.js, tarikh-<hash>_bg.wasm) are overwritten, their integrity
//      hashes in index.html renewed.
// Returns the loader's and the modules' file names (on demand: not part of the
// first load) and the loader's text, for the single file and the service worker.
import { readFileSync, writeFileSync, readdirSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
const hash = (buf) => createHash('sha256').update(buf).digest('hex').slice(0, 16);
const sri = (buf) => `sha384-${createHash('sha384').update(buf).digest('base64')}`;

/** The linked wasm cargo wrote for this build (before trunk's wasm-bindgen). */
function linked(release) {
  const target = process.env.CARGO_TARGET_DIR || join(root, 'target');
  return join(target, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'tarikh.wasm');
}

/**
 * @param {string} stage trunk's staging directory
 * @param {{ release: boolean, js: string, wasm: string, index: string }} build
 *   trunk's JS and wasm file names and index.html's text
 * @returns {null | { index: string, loader: string, loaderText: string, modules: string[] }}
 */
export function split(stage, { release, js, wasm, index }) {
  const input = linked(release);
  const bytes = existsSync(input) ? readFileSync(input) : null;
  if (!bytes || !bytes.includes('__wasm_split_placeholder__')) return null; // no deferred views
  const stem = js.replace(/\.js$/, '');
  const work = mkdtempSync(join(tmpdir(), 'tarikh-split-'));
  try {
    run('wasm-split-cli', [input, work, '--out-name', stem]);
    run('wasm-bindgen', [join(work, `${stem}.wasm`), `--out-dir=${join(work, 'bg')}`, `--out-name=${stem}`,
      '--target=web', '--no-typescript', '--keep-lld-exports']);
    const optimise = (from, to) => {
      // TARIKH_WASM_NAMES=1 keeps the function names (for a profile; the sizes then grow).
      if (release) run('wasm-opt', ['-Oz', ...(process.env.TARIKH_WASM_NAMES ? ['-g'] : []), from, '-o', to]);
      else writeFileSync(to, readFileSync(from));
    };
    // The modules, under content-hashed names.
    let loaderText = readFileSync(join(work, '__wasm_split.js'), 'utf8');
    const modules = [];
    for (const f of readdirSync(work).filter((n) => n.endsWith('.wasm') && n !== `${stem}.wasm`).sort()) {
      const out = join(work, `opt-${f}`);
      optimise(join(work, f), out);
      const body = readFileSync(out);
      const name = `tarikh-${f.replace(/\.wasm$/, '').replace(/_/g, '-')}-${hash(body)}.wasm`;
      writeFileSync(join(stage, name), body);
      const ref = `"./${f}"`;
      if (!loaderText.includes(ref)) throw new Error(`split: the loader does not name ${f}`);
      loaderText = loaderText.replaceAll(ref, `"./${name}"`);
      modules.push(name);
    }
    const loader = `tarikh-split-${hash(loaderText)}.js`;
    writeFileSync(join(stage, loader), loaderText);
    // The main module and its bindings, in place of trunk's.
    optimise(join(work, 'bg', `${stem}_bg.wasm`), join(stage, wasm));
    const bindings = readFileSync(join(work, 'bg', `${stem}.js`), 'utf8');
    if (!bindings.includes('"./__wasm_split.js"')) throw new Error('split: the bindings do not import the loader');
    // The JS imports name the loader's file; the wasm's import module stays "./__wasm_split.js".
    const text = bindings.replace(/^(import \* as [\w$]+ from )"\.\/__wasm_split\.js"/gm, `$1"./${loader}"`);
    writeFileSync(join(stage, js), text);
    // index.html: the bindings' integrity renewed, the loader preloaded beside them.
    const preload = new RegExp(`<link rel="modulepreload" href="\\./${stem}\\.js"([^>]*?) integrity="[^"]*"([^>]*)>`);
    if (!preload.test(index)) throw new Error(`split: no modulepreload of ${js} in index.html`);
    const html = index
      .replace(preload, (_, a, b) => `<link rel="modulepreload" href="./${js}"${a} integrity="${sri(text)}"${b}>\n<link rel="modulepreload" href="./${loader}" crossorigin="anonymous" integrity="${sri(loaderText)}">`)
      .replace(new RegExp(`(<link rel="preload" href="\\./${stem}_bg\\.wasm"[^>]*?) integrity="[^"]*"`), `$1 integrity="${sri(readFileSync(join(stage, wasm)))}"`);
    return { index: html, loader, loaderText, modules };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

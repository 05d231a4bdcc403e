// A plain static file server with no rewrite rules, serving a directory under a
// sub-path (as a school's web server would): anything outside it is a 404.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import zlib, { brotliCompressSync, gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` at http://127.0.0.1:<port><prefix>. Resolves to { url, close, requests }.
 * `compress`: answer with brotli or gzip when the browser accepts it, as a static
 * host does (the benchmark's Lighthouse run); the tests serve bytes as they are.
 * `lastModified`: send each file's `Last-Modified` (its mtime) and answer
 * `If-Modified-Since` with 304, and no `Cache-Control`, as a plain static host does
 * (the browser may then keep a copy for a tenth of its age without asking).
 */
export function serve(root, prefix = '/', port = 0, { compress = false, lastModified = false } = {}) {
  const packed = new Map();
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (!path.startsWith(prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      if (lastModified) {
        const mtime = new Date(Math.floor((await stat(file)).mtimeMs / 1000) * 1000);
        const since = Date.parse(req.headers['if-modified-since'] ?? '');
        const type = TYPES[extname(file)] ?? 'application/octet-stream';
        if (since >= mtime.getTime()) {
          res.writeHead(304, { 'last-modified': mtime.toUTCString() }).end();
          return;
        }
        res.writeHead(200, { 'content-type': type, 'last-modified': mtime.toUTCString() }).end(body);
        return;
      }
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const accepts = String(req.headers['accept-encoding'] ?? '');
      const encoding = !compress ? null : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
      if (encoding) {
        const key = `${encoding}:${file}`;
        if (!packed.has(key)) {
          packed.set(key, encoding === 'br'
            ? brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
            : gzipSync(body, { level: 9 }));
        }
        res.writeHead(200, { 'content-type': type, 'content-encoding': encoding, vary: 'accept-encoding' }).end(packed.get(key));
        return;
      }
      res.writeHead(200, { 'content-type': type }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}${prefix}`,
        origin: `http://127.0.0.1:${port}`,
        requests,
        close: () => new Promise((r) => server.close(r)),
      });
    });
  });
}

// `node e2e/server.mjs DIR [PREFIX] [PORT]` serves by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', prefix = '/', port = '8080'] = process.argv.slice(2);
  serve(dir, prefix, Number(port)).then((s) => console.log(`serving ${dir} at ${s.url}`));
}

// Serves a built site as any static host would: under a base path, index.html for directories,
// the bilingual 404.html for unknown paths, files sent uncompressed. Used by `npm start` /
// `npm run preview` (scripts/serve.mjs) and the benchmarks (scripts/bench/).
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

export const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.xml': 'application/xml; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.avif': 'image/avif',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.webmanifest': 'application/manifest+json',
  '.pf_meta': 'application/octet-stream', '.pf_index': 'application/octet-stream', '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8',
};

/** Starts the server (port 0: any free port); resolves to { url, port, close(), fileFor(pathname) }. */
export function serve(dir, base = '/', { port = 0, host = '127.0.0.1' } = {}) {
  const root = resolve(dir);
  const prefix = base.replace(/\/?$/, '/');
  if (!existsSync(root)) throw new Error(`${root} does not exist; build the site first`);
  const fileFor = (pathname) => {
    if (!pathname.startsWith(prefix)) return undefined;
    const rel = normalize(decodeURIComponent(pathname.slice(prefix.length))).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, rel);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    return existsSync(file) ? file : undefined;
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === prefix.slice(0, -1)) {
      res.writeHead(301, { Location: prefix });
      return res.end();
    }
    const file = fileFor(url.pathname);
    if (file && !url.pathname.endsWith('/') && file.endsWith('index.html') && !url.pathname.endsWith('.html')) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
      return res.end();
    }
    const body = file ?? join(root, '404.html');
    res.writeHead(file ? 200 : 404, { 'Content-Type': TYPES[extname(body)] ?? 'application/octet-stream', 'Content-Length': statSync(body).size });
    createReadStream(body).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolvePromise({
        port: actual,
        url: `http://${host}:${actual}${prefix}`,
        fileFor,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

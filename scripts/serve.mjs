#!/usr/bin/env node
// Serves the built dist/ as any static host would: under BASE_PATH, directory index.html,
// the bilingual 404.html for unknown paths. For local reading only; production uses any host.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.env.OUT_DIR ?? 'dist');
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.xml': 'application/xml; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.webp': 'image/webp', '.avif': 'image/avif', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.webmanifest': 'application/manifest+json', '.pf_meta': 'application/octet-stream', '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8',
};

if (!existsSync(root)) {
  console.error(`${root} does not exist; run npm run build first.`);
  process.exit(1);
}

function resolveFile(pathname) {
  if (!pathname.startsWith(base)) return undefined;
  const rel = normalize(decodeURIComponent(pathname.slice(base.length))).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, rel);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) ? file : undefined;
}

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === base.slice(0, -1)) {
    res.writeHead(301, { Location: base });
    return res.end();
  }
  const file = resolveFile(url.pathname);
  if (file && !url.pathname.endsWith('/') && file.endsWith('index.html') && !url.pathname.endsWith('.html')) {
    res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
    return res.end();
  }
  const status = file ? 200 : 404;
  const body = file ?? join(root, '404.html');
  res.writeHead(status, { 'Content-Type': TYPES[extname(body)] ?? 'application/octet-stream' });
  createReadStream(body).pipe(res);
}).listen(port, host, () => {
  console.log(`Serving ${root} at http://${host}:${port}${base}`);
});

/**
 * Serves a built site with a real nginx on 127.0.0.1, under a sub-path, as a static host
 * would. Started and stopped by the tests; nothing is written outside a temporary folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { get } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LocalCertificate } from './tls.ts';

export interface Served {
  origin: string;
  /** Absolute URL for a root-relative path under the base. */
  url(path: string): string;
  stop(): Promise<void>;
}

/** A port nothing listens on now, on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

export interface NginxOptions {
  /** Directives added inside the site's location block (e.g. headers). */
  siteDirectives?: string;
  /** Extra directories to serve: URL prefix → directory. */
  aliases?: Record<string, string>;
  /** Listen on this port (to bring a stopped site back at the same origin); default: a free one. */
  port?: number;
  /** Serve over HTTPS and HTTP/2 with this certificate (tls.ts), as hosts serve sites; plain HTTP/1.1 otherwise. */
  tls?: LocalCertificate;
}

/** Whether the site answers its base URL with 200 (over HTTPS, checking the certificate it was given). */
async function answers(url: string, tls: LocalCertificate | undefined): Promise<boolean> {
  if (!tls) return (await fetch(url)).ok;
  return new Promise((ok, fail) => {
    get(url, { ca: tls.cert }, (res) => {
      res.resume();
      ok(res.statusCode === 200);
    }).on('error', fail);
  });
}

export async function serveWithNginx(dist: string, base: string, options: NginxOptions = {}): Promise<Served> {
  const binary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find(existsSync);
  if (!binary) throw new Error('nginx is not installed (apt-get install nginx); .ci/run installs it');
  const port = options.port ?? (await freePort());
  const prefix = mkdtempSync(join(tmpdir(), 'briefings-nginx-'));
  const root = resolve(dist);
  const b = base.endsWith('/') ? base : `${base}/`;
  const conf = `
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  types { application/manifest+json webmanifest; application/wasm wasm; }
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  absolute_redirect off;
  server {
    ${options.tls ? `listen 127.0.0.1:${port} ssl http2;
    ssl_certificate ${options.tls.certFile};
    ssl_certificate_key ${options.tls.keyFile};` : `listen 127.0.0.1:${port};`}
    ${b === '/' ? '' : `location = ${b.slice(0, -1)} { return 301 ${b}; }`}
    location ${b} {
      alias ${root}/;
      index index.html;
      error_page 404 ${b}404.html;
      ${options.siteDirectives ?? ''}
    }
    ${Object.entries(options.aliases ?? {}).map(([prefix, dir]) => `location ${prefix} { alias ${resolve(dir)}/; }`).join('\n    ')}
  }
}`;
  writeFileSync(join(prefix, 'nginx.conf'), conf);
  const child: ChildProcess = spawn(binary, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += String(d)));
  const origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    try {
      if (await answers(`${origin}${b}`, options.tls)) break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    origin,
    url: (path) => `${origin}${b}${path.replace(/^\//, '')}`,
    stop: async () => {
      child.kill('SIGQUIT');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

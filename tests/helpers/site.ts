/**
 * Reads a built site: every HTML page parsed once, with helpers to resolve internal URLs to
 * files. `base` is the sub-path the site was built for ("/" or "/briefings/").
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { isPreviewPath } from '../../src/lib/urls.ts';

export interface BuiltSite {
  dir: string;
  base: string;
  /** Root-relative path (without base) → parsed page, e.g. "/en/topics/". */
  pages: Map<string, HTMLElement>;
  /** Resolves an internal href to a file in the build, or undefined. */
  fileFor(pathWithBase: string): string | undefined;
  ids(path: string): Set<string>;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

export function readSite(dir: string, base: string): BuiltSite {
  const pages = new Map<string, HTMLElement>();
  for (const file of walk(dir).filter((f) => f.endsWith('.html') && !f.includes(`${sep}pagefind${sep}`))) {
    const rel = `/${relative(dir, file).split(sep).join('/')}`.replace(/index\.html$/, '');
    pages.set(rel, parse(readFileSync(file, 'utf8')));
  }
  const idCache = new Map<string, Set<string>>();
  return {
    dir,
    base,
    pages,
    fileFor(pathWithBase) {
      if (!pathWithBase.startsWith(base)) return undefined;
      const path = decodeURIComponent(pathWithBase.slice(base.length));
      const file = join(dir, path);
      if (existsSync(file) && statSync(file).isFile()) return file;
      if (existsSync(join(file, 'index.html'))) return join(file, 'index.html');
      return undefined;
    },
    ids(path) {
      if (!idCache.has(path)) idCache.set(path, new Set(pages.get(path)?.querySelectorAll('[id]').map((e) => e.id) ?? []));
      return idCache.get(path)!;
    },
  };
}

/** The root-relative page path (without base) for a resolved file. */
export function pagePath(site: BuiltSite, file: string): string {
  return `/${relative(site.dir, file).split(sep).join('/')}`.replace(/index\.html$/, '');
}

/**
 * Documents that are parts of pages, not pages: the citation preview frames
 * (`/{lang}/previews/<id>/`, src/views/SourcePreviewView.astro). They are validated, swept
 * for accessibility and served like pages, but have no language switch, social card or sitemap
 * entry of their own.
 */
export function isFrameDocument(path: string): boolean {
  return isPreviewPath(path);
}

/** Builds to test: the default-base site and the sub-path site made by scripts/test.mjs. */
export const BUILDS: { dir: string; base: string }[] = [
  { dir: process.env.DIST_ROOT ?? 'dist', base: '/' },
  { dir: process.env.DIST_SUBPATH ?? '.tmp/dist-subpath', base: process.env.SUBPATH_BASE ?? '/briefings/' },
].filter((b) => existsSync(b.dir));

/**
 * The environment for a build started from a test: Vitest sets NODE_ENV=test and Vite's
 * BASE_URL/MODE/DEV/PROD/SSR in process.env, which a child `astro build` would otherwise inherit
 * (a sub-path build then renders content links without its base).
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST']) delete env[key];
  return env;
}

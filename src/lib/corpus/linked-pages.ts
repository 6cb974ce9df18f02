/**
 * Unchanged pages without a copy. Astro's incremental build (`experimental.incrementalBuild`)
 * keeps each page's last output in `<cacheDir>/dist/` and, for a page it skips, copies that file
 * into the output folder unless the output folder already has it. scripts/build.mjs builds into
 * an empty staging folder, so every unchanged page used to be copied (40,000 files, 1.4 GB at
 * 5,000 sources). Instead, before the pages are generated, the cached copies of the last build's
 * pages are hard-linked into the staging folder (startLinkingCachedPages, in a worker thread while
 * the build goes on): a skipped page is then already
 * there and costs nothing.
 *
 * A hard link shares the file with the cache, and through the cache with the live site (the
 * last build's staging folder). So a page that is rendered again must never be written in
 * place: before it renders (page-deps.ts recordPage, called by the middleware for every page
 * rendered), its linked file and its cache copy are unlinked (beforeRender), and Astro writes
 * both anew. A page rendered without the middleware never records what it read, so its cache
 * key is never a previous one and it is never linked (its key is `new …`). After the pages, the
 * linked files of pages this build no longer has are removed (pruneLinkedPages).
 *
 * Two guards fail the build (before anything reaches `dist/`) rather than ship a wrong page: a
 * linked file written in place, and a skipped page whose cache key is not the one it was linked
 * with (another build sharing the cache changed it in between; Astro then trusts the file in the
 * output folder).
 *
 * The live site is never written: a build that fails leaves `dist/` as it was. The cache may then
 * hold pages newer than its manifest, so the manifest of a build that did not finish is dropped
 * (incremental-pages.ts), and the next build renders every page.
 */
import { existsSync, readFileSync, readdirSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { linkReplacing } from '../link-files.ts';
import { sharedSlot } from '../shared-state.ts';

interface Linked {
  outDir: string;
  cacheDist: string;
  /** Astro's pathname → output file (relative, URL-encoded), for every page linked. */
  files: Map<string, string>;
  /** Output file → its modification time and cache key when linked (guards: see pruneLinkedPages). */
  mtimes: Map<string, number>;
  keys: Map<string, string>;
}

// One state for every copy of this module (shared-state.ts).
const linkedPages = sharedSlot<Linked>('__briefingsLinkedPages');
const linkingPages = sharedSlot<Promise<number>>('__briefingsLinking');

export interface AstroManifest {
  version?: number;
  routes?: Record<string, { paths?: Record<string, { cacheKey?: string | number; outputFile?: string }> }>;
}

function readManifest(file: string): AstroManifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as AstroManifest;
    return manifest.version === 1 && typeof manifest.routes === 'object' ? manifest : undefined;
  } catch {
    return undefined;
  }
}

const pathOf = (dir: string, outputFile: string) => fileURLToPath(new URL(outputFile, `file://${dir.endsWith('/') ? dir : `${dir}/`}`));

/** One page to link: Astro's pathname, its output file (relative), its cache key, where from and to. */
interface PageLink {
  pathname: string;
  outputFile: string;
  key: string;
  from: string;
  to: string;
}

/** The pages of the last build that may be linked: those whose key was made of recorded reads. */
function pagesToLink(cacheDir: string, outDir: string): PageLink[] {
  const cacheDist = join(cacheDir, 'dist');
  const manifest = readManifest(join(cacheDir, 'incremental-build.json'));
  const pages: PageLink[] = [];
  for (const route of Object.values(manifest?.routes ?? {})) {
    for (const [pathname, entry] of Object.entries(route.paths ?? {})) {
      // A key that was never made of recorded reads: such a page renders without page-deps.ts
      // seeing it, so it must not be linked (it would be written in place).
      if (!entry.outputFile || entry.cacheKey === undefined || String(entry.cacheKey).startsWith('new ')) continue;
      pages.push({ pathname, outputFile: entry.outputFile, key: String(entry.cacheKey), from: pathOf(cacheDist, entry.outputFile), to: pathOf(outDir, entry.outputFile) });
    }
  }
  return pages;
}

/**
 * The worker's program (startLinkingCachedPages): links each page's cached copy (`from`) to `to`
 * and answers each page's cached copy's modification time when linked, -1 when not. Where a
 * link cannot be made (another file system, no hard links) Astro copies the page as before; a
 * copy that is also another name (a page of the live site, linked by the last build) must not
 * be there for Astro to write in place: without it, the page is rendered again.
 */
const LINK_PROGRAM = `
const { parentPort, workerData: pages } = require('node:worker_threads');
const { linkSync, mkdirSync, statSync, unlinkSync } = require('node:fs');
const { dirname } = require('node:path');
const mtimes = new Float64Array(pages.length).fill(-1);
const made = new Set();
pages.forEach(({ from, to }, i) => {
  let stat;
  try {
    stat = statSync(from);
  } catch {
    return;
  }
  const dir = dirname(to);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  try {
    linkSync(from, to);
  } catch {
    if (stat.nlink > 1) {
      try {
        unlinkSync(from);
      } catch {}
    }
    return;
  }
  mtimes[i] = stat.mtimeMs;
});
parentPort.postMessage(mtimes, [mtimes.buffer]);
`;

/** Records the pages linked (those with a modification time) as the build's linked pages. */
function settle(cacheDir: string, outDir: string, pages: readonly PageLink[], mtimes: Float64Array): number {
  const linked: Linked = { outDir, cacheDist: join(cacheDir, 'dist'), files: new Map(), mtimes: new Map(), keys: new Map() };
  pages.forEach((page, i) => {
    if (mtimes[i]! < 0) return;
    linked.files.set(page.pathname, page.outputFile);
    linked.mtimes.set(page.outputFile, mtimes[i]!);
    linked.keys.set(page.outputFile, page.key);
  });
  linkedPages.set(linked);
  return linked.files.size;
}

/**
 * Links the last build's page outputs from Astro's cache (`<cacheDir>/dist/`, listed in
 * `<cacheDir>/incremental-build.json`) into `outDir`, which must be empty of them, in a worker
 * thread, so that the build goes on meanwhile (the search documents, the bundling): 44,440 pages
 * took 2–6 s of three file system calls each at 5,000 bench sources, all of it in the way. Settles
 * with how many were linked (0 where hard links cannot be made: pages are then copied as before).
 * No page may be generated before it settles (Astro takes a page missing from the output folder
 * for one to copy): every keyed route's getStaticPaths waits for it (keyed-paths.ts,
 * cachedPagesLinked), and Astro generates no page before every route's paths are known.
 */
export function startLinkingCachedPages(cacheDir: string, outDir: string): Promise<number> {
  const pages = pagesToLink(cacheDir, outDir);
  const linking = new Promise<number>((resolve, reject) => {
    const worker = new Worker(LINK_PROGRAM, { eval: true, workerData: pages.map(({ from, to }) => ({ from, to })) });
    worker.once('message', (mtimes: Float64Array) => resolve(settle(cacheDir, outDir, pages, mtimes)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`linked-pages: the linking worker stopped (exit code ${code}) before it was done`)));
  });
  linkingPages.set(linking);
  // Awaited by the pages' paths; a failure fails the build there, not as an unhandled rejection first.
  linking.catch(() => {});
  return linking;
}

/** Settles when the pages being linked (startLinkingCachedPages) are in place; at once when none are. */
export const cachedPagesLinked = async (): Promise<void> => {
  await linkingPages.get();
};

/** The cache key a page (Astro's pathname) was linked with; undefined when it was not linked. */
export function linkedKey(pathname: string): string | undefined {
  const linked = linkedPages.get();
  const file = linked?.files.get(pathname);
  return file === undefined ? undefined : linked!.keys.get(file);
}

/** Before a page renders: its linked file and its cache copy go, so neither is written in place. */
export function beforeRender(pathname: string): void {
  const linked = linkedPages.get();
  const file = linked?.files.get(pathname);
  if (!linked || file === undefined) return;
  linked.files.delete(pathname);
  for (const path of [pathOf(linked.outDir, file), pathOf(linked.cacheDist, file)]) {
    try {
      unlinkSync(path);
    } catch {}
  }
}

/**
 * The output files of the pages this build rendered and keeps in the cache: those of `manifest`
 * (Astro's, just written) that were not linked from the cache, or were linked and then rendered
 * again (no longer in `stillLinked`). A page whose key was never made of recorded reads
 * (`new …`) is left out: the next build renders it anyway and never links it.
 */
export function renderedOutputs(manifest: AstroManifest | undefined, stillLinked: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const route of Object.values(manifest?.routes ?? {})) {
    for (const entry of Object.values(route.paths ?? {})) {
      if (!entry.outputFile || entry.cacheKey === undefined || String(entry.cacheKey).startsWith('new ')) continue;
      if (!stillLinked.has(entry.outputFile)) out.push(entry.outputFile);
    }
  }
  return out;
}

/**
 * After the pages of a staging build: the cache's copy of each page rendered in this build becomes
 * a hard link to the page in the staging folder (Astro wrote the same bytes to both), so the next
 * build links the very file the live site has. Then everything that knows a file by its identity
 * (the offline manifest's reads, scripts/offline-manifest.mjs) knows it in the next build too: the
 * first edit after a clean build no longer reads every page again (12,972 files at 1,000 sources).
 * The copy is replaced by a rename, never written in place. Returns how many were shared.
 * `manifest`: Astro's, as page-deps.ts savePageDeps wrote it (read from the cache when not given).
 */
export function shareRenderedPages(cacheDir: string, manifest = readManifest(join(cacheDir, 'incremental-build.json'))): number {
  const linked = linkedPages.get();
  if (!linked) return 0;
  const stillLinked = new Set(linked.files.values());
  let count = 0;
  for (const file of renderedOutputs(manifest, stillLinked)) {
    const page = pathOf(linked.outDir, file);
    const copy = pathOf(linked.cacheDist, file);
    // Astro's generate.js writes a rendered page's body to both; the size is a guard against a
    // format this code does not know.
    let same = false;
    try {
      same = statSync(page).size === statSync(copy).size;
    } catch {}
    if (!same) continue;
    if (linkReplacing(page, copy)) count++;
  }
  return count;
}

/**
 * After the pages: removes linked files of pages this build did not keep (their route or its
 * getStaticPaths no longer lists them, per the manifest Astro just wrote), and folders left empty.
 */
export function pruneLinkedPages(cacheDir: string, manifest = readManifest(join(cacheDir, 'incremental-build.json'))): number {
  const linked = linkedPages.get();
  linkedPages.clear();
  if (!linked?.files.size) return 0;
  const kept = new Map<string, string>();
  for (const route of Object.values(manifest?.routes ?? {})) for (const entry of Object.values(route.paths ?? {})) if (entry.outputFile) kept.set(entry.outputFile, String(entry.cacheKey));
  let removed = 0;
  for (const file of linked.files.values()) {
    // A page written in place would have changed the live site during the build: a bug to fix
    // here (a page rendered without beforeRender), never to ship.
    let mtime: number | undefined;
    try {
      mtime = statSync(pathOf(linked.outDir, file)).mtimeMs;
    } catch {}
    if (mtime !== undefined && mtime !== linked.mtimes.get(file)) throw new Error(`linked-pages: ${file} was written in place during the build (rendered without beforeRender)`);
    // A page Astro skipped has the key it was linked with, unless another build changed the
    // cache between linking and generating: then the linked file may be that build's page.
    if (kept.has(file) && kept.get(file) !== linked.keys.get(file)) throw new Error(`linked-pages: the build cache changed during this build (another build using the same cache?): ${file}; build again`);
    if (kept.has(file)) continue;
    const path = pathOf(linked.outDir, file);
    try {
      unlinkSync(path);
      removed++;
    } catch {
      continue;
    }
    for (let dir = dirname(path); dir.startsWith(`${linked.outDir}/`) && existsSync(dir) && readdirSync(dir).length === 0; dir = dirname(dir)) rmdirSync(dir);
  }
  return removed;
}

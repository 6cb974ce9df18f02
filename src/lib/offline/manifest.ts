/**
 * The offline manifest of a built site: for each language, every file the service worker
 * (public/sw.js) stores when a reader makes the site available offline — the language's pages
 * and the entry page, the stylesheets, scripts, fonts and icons they use, their images, and the
 * language's search bundle — with the total size shown before saving. A build id hashed from
 * the contents of exactly those files (and the worker) versions the worker's caches, so a new
 * build replaces every stale copy and two builds of the same tree stay byte-identical.
 *
 * Written by scripts/offline-manifest.mjs after the search index (it lists the index's files):
 *   offline/<lang>.json  the files, for the worker;
 *   offline/index.json   build id and sizes per language, for the About page;
 *   offline/version.js   the build id, imported by the worker so that a new build changes it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { identityOf } from '../file-identity.ts';
import { unescapeHtml } from '../html.ts';

export interface LanguageManifest {
  build: string;
  lang: string;
  /** Total bytes of every file listed. */
  bytes: number;
  /** Paths (relative to the site's base) of pages: "en/", "en/briefings/x/", and "" for the entry page. */
  pages: string[];
  /** Stylesheets, scripts, fonts and icons the pages share. */
  shell: string[];
  /** Images of one page, by page path. */
  images: Record<string, string[]>;
  /** The language's search bundle. */
  search: string[];
}

export interface OfflineManifest {
  build: string;
  langs: Record<string, LanguageManifest>;
}

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Every file under `dir`, in name order. The folder listing says what each entry is, so files are
 * not asked for again (at 5,000 sources a site has 62,000 files, and each question costs a system
 * call); only a symbolic link is followed with a stat.
 */
function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).sort(byName).flatMap((entry) => {
    const full = join(dir, entry.name);
    const isDir = entry.isSymbolicLink() ? statSync(full).isDirectory() : entry.isDirectory();
    return isDir ? walk(full) : [full];
  });
}

/**
 * One stat per file and run, for its identity (the cache of what was read) and its size (the
 * manifest's bytes): both were asked for separately before, for every file.
 */
const stats = new Map<string, { id: string; size: number }>();
function statOf(file: string): { id: string; size: number } {
  let st = stats.get(file);
  if (!st) {
    const big = statSync(file, { bigint: true });
    st = { id: identityOf(big), size: Number(big.size) };
    stats.set(file, st);
  }
  return st;
}

const toPath = (site: string, file: string) => relative(site, file).split(sep).join('/');

/** Maps a URL used in a page or stylesheet to a file of the site, or undefined (other hosts, pages, anchors). */
function resolveRef(site: string, base: string, ref: string, from: string): string | undefined {
  const clean = unescapeHtml(ref.trim()).split(/[?#]/)[0] ?? '';
  if (!clean || /^[a-z][a-z0-9+.-]*:/i.test(clean) || clean.startsWith('//')) return undefined;
  let path: string;
  if (clean.startsWith('/')) {
    if (!clean.startsWith(base)) return undefined;
    path = clean.slice(base.length);
  } else path = posix.normalize(posix.join(posix.dirname(from), clean));
  return fileOf(site, path);
}

/**
 * Whether a site path is a file, asked of the file system once per path and site: every page
 * refers to the same few stylesheets, scripts and fonts.
 */
const filesFound = new Map<string, string | undefined>();
function fileOf(site: string, path: string): string | undefined {
  const file = join(site, decodeURIComponent(path));
  if (filesFound.has(file)) return filesFound.get(file);
  const found = existsSync(file) && statSync(file).isFile() ? toPath(site, file) : undefined;
  filesFound.set(file, found);
  return found;
}

/** What a page's HTML refers to, as written: [shared (styles, scripts, icons), own (images)]. */
function rawRefs(html: string): [string[], string[]] {
  const shared: string[] = [];
  const own: string[] = [];
  for (const tag of html.matchAll(/<(link|script|img|source)\b[^>]*>/gi)) {
    const attrs = Object.fromEntries([...tag[0].matchAll(/\s([a-z-]+)="([^"]*)"/gi)].map((m) => [m[1]!.toLowerCase(), m[2]!]));
    const name = tag[1]!.toLowerCase();
    const add = (list: string[], ref: string | undefined) => {
      if (ref !== undefined) list.push(ref);
    };
    if (name === 'link' && /\b(stylesheet|icon|apple-touch-icon|manifest|modulepreload|preload)\b/.test(attrs.rel ?? '')) add(shared, attrs.href);
    else if (name === 'script') add(shared, attrs.src);
    else {
      add(own, attrs.src);
      for (const candidate of (attrs.srcset ?? '').split(',')) add(own, candidate.trim().split(/\s+/)[0]);
    }
  }
  // Font faces (and any image) declared in <style> blocks of the page itself.
  for (const style of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) shared.push(...cssRefs(style[1]!));
  return [shared, own];
}

/** Assets a page loads, as files of the site: [shared (styles, scripts, icons), own (images)]. */
function pageRefs(site: string, base: string, page: string, [shared, own]: [string[], string[]]): [string[], string[]] {
  const resolve = (refs: string[]) => refs.flatMap((ref) => resolveRef(site, base, ref, page) ?? []);
  return [resolve(shared), resolve(own)];
}

/** The url() and @import references of a stylesheet; of a font face only its woff2 (see closure). */
function cssRefs(css: string): string[] {
  return [...css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g), ...css.matchAll(/@import\s+["']([^"']+)["']/g)].map((m) => m[1]!).filter((r) => !/\.(woff|ttf|otf|eot)(?:$|[?#])/.test(r));
}

/**
 * Follows stylesheets (@import, images, fonts) and module scripts (static and dynamic imports).
 * Of a font face only the woff2 file is kept: every browser with service workers reads woff2.
 */
function closure(site: string, base: string, start: string[]): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const text = path.endsWith('.css') || path.endsWith('.js') ? readFileSync(join(site, path), 'utf8') : '';
    const refs = path.endsWith('.css')
      ? cssRefs(text)
      : path.endsWith('.js')
        ? [...text.matchAll(/(?:\bimport\s*\(?\s*|\bfrom\s*)["'](\.{1,2}\/[^"']+|\/[^"']+)["']/g)].map((m) => m[1]!)
        : [];
    for (const ref of refs) {
      const found = resolveRef(site, base, ref, path);
      if (found) visit(found);
    }
  };
  start.forEach(visit);
  return [...seen].sort();
}

const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** A page's hash and what it refers to, as written (rawRefs). */
export interface PageScan {
  sha: string;
  shared: string[];
  own: string[];
}

/**
 * What earlier builds read of files still on disk, by file identity (inode, size, modification
 * time; scripts/offline-manifest.mjs keeps it in the build cache): unchanged pages are hard links
 * to the build cache's copies (src/lib/corpus/linked-pages.ts), so their identity holds from
 * build to build and they need not be read again. A file written anew has a new identity.
 */
export interface PageScans {
  previous: Map<string, PageScan | string>;
  /** Filled with this build's entries. */
  next: Map<string, PageScan | string>;
}


/**
 * One copy of each reference, made apart from the page it was read from: a reference cut from a
 * page's text (a regular expression's match) is a slice that keeps the whole page in memory, and
 * a scan is kept until the manifest is written. A cold build at 5,000 sources kept every page's
 * text that way (2.2 GB); pages share most references, so one copy each is also fewer strings.
 */
const refCopies = new Map<string, string>();
function ownCopy(ref: string): string {
  let copy = refCopies.get(ref);
  if (copy === undefined) {
    copy = Buffer.from(ref, 'utf8').toString('utf8');
    refCopies.set(copy, copy);
  }
  return copy;
}

function scanPage(file: string, cache?: PageScans): PageScan {
  const id = cache && statOf(file).id;
  const known = id === undefined ? undefined : cache!.previous.get(id);
  if (known && typeof known === 'object') {
    cache!.next.set(id!, known);
    return known;
  }
  const bytes = readFileSync(file);
  const [shared, own] = rawRefs(bytes.toString('utf8')).map((refs) => refs.map(ownCopy));
  const scan = { sha: sha(bytes), shared: shared!, own: own! };
  if (id !== undefined) cache!.next.set(id, scan);
  return scan;
}

function fileHash(file: string, cache?: PageScans): string {
  const id = cache && statOf(file).id;
  const known = id === undefined ? undefined : cache!.previous.get(id);
  const hash = typeof known === 'string' ? known : sha(readFileSync(file));
  if (id !== undefined) cache!.next.set(id, hash);
  return hash;
}

/** Each language's pages (the entry page, then the language's), each with what scanPage read of it. */
export type ScannedPages = Map<string, { file: string; scan: PageScan }[]>;

/**
 * The part of the manifest that needs only the pages, not the search index: finding and scanning
 * every page (most of the manifest's time, at 5,000 sources 30,000 pages). scripts/build.mjs runs
 * it while the search index is still being written, and offlineManifest completes it.
 */
export function scanPages(site: string, langs: readonly string[], cache?: PageScans): ScannedPages {
  stats.clear();
  refCopies.clear();
  const entry = join(site, 'index.html');
  return new Map(
    langs.map((lang) => {
      const htmlFiles = [...(existsSync(entry) ? [entry] : []), ...walk(join(site, lang)).filter((f) => f.endsWith(`${sep}index.html`))];
      return [lang, htmlFiles.map((file) => ({ file, scan: scanPage(file, cache) }))];
    }),
  );
}

/**
 * Reads a built site (`site`, built for `base`) and returns its offline manifest. `extra` are
 * files outside the language lists whose change must also change the build id (the worker).
 * `scanned`: its pages, scanned earlier (scanPages) with the same `cache`; the pages must not have
 * changed since.
 */
export function offlineManifest(site: string, base: string, langs: readonly string[], extra: readonly string[] = [], cache?: PageScans, scanned: ScannedPages = scanPages(site, langs, cache)): OfflineManifest {
  const b = base.endsWith('/') ? base : `${base}/`;
  filesFound.clear();
  const hashes = new Map<string, string>();
  const perLang = langs.map((lang) => {
    const pages: string[] = [];
    const sharedRefs = new Set<string>();
    const images: Record<string, string[]> = {};
    for (const { file, scan } of scanned.get(lang) ?? []) {
      const path = toPath(site, file);
      const page = path.replace(/index\.html$/, '');
      pages.push(page);
      hashes.set(path, scan.sha);
      const [shared, own] = pageRefs(site, b, path, [scan.shared, scan.own]);
      shared.forEach((s) => sharedRefs.add(s));
      if (own.length) images[page] = [...new Set(own)].sort();
    }
    // The language's search bundles: its own, then any it is split into (`<lang>-2`, …).
    const bundles = existsSync(join(site, 'pagefind')) ? readdirSync(join(site, 'pagefind')).filter((d) => d === lang || new RegExp(`^${lang}-\\d+$`).test(d)) : [lang];
    const search = bundles.sort().flatMap((d) => walk(join(site, 'pagefind', d))).map((f) => toPath(site, f));
    // The search page preloads part of its bundle; those files stay in `search` only, so a reader
    // who opened pages does not fetch the search engine again when a new build comes.
    const inSearch = new Set(search);
    const shell = closure(site, b, [...sharedRefs]).filter((f) => !inSearch.has(f));
    const files = new Set([...pages.map((p) => `${p}index.html`), ...shell, ...Object.values(images).flat(), ...search]);
    const bytes = [...files].reduce((n, p) => n + statOf(join(site, p)).size, 0);
    return { lang, pages: pages.sort(), shell, images, search, files, bytes };
  });
  const hashed = new Set([...perLang.flatMap((l) => [...l.files]), ...extra.filter((p) => existsSync(join(site, p)))]);
  const build = sha([...hashed].sort().map((p) => `${p}\0${hashes.get(p) ?? fileHash(join(site, p), cache)}`).join('\n')).slice(0, 16);
  return {
    build,
    langs: Object.fromEntries(perLang.map(({ lang, pages, shell, images, search, bytes }) => [lang, { build, lang, bytes, pages, shell, images, search }])),
  };
}

/** The files written into the site's `offline/` folder, by path. */
export function offlineFiles(manifest: OfflineManifest): Record<string, string> {
  const out: Record<string, string> = {
    'offline/version.js': `// Build id of this site, imported by sw.js: a new build changes this file, so browsers install the new worker.\nself.OFFLINE_BUILD = ${JSON.stringify(manifest.build)};\n`,
    'offline/index.json': `${JSON.stringify({ build: manifest.build, langs: Object.fromEntries(Object.values(manifest.langs).map((l) => [l.lang, { bytes: l.bytes, files: l.pages.length + l.shell.length + Object.values(l.images).flat().length + l.search.length }])) })}\n`,
  };
  for (const lang of Object.values(manifest.langs)) out[`offline/${lang.lang}.json`] = `${JSON.stringify(lang)}\n`;
  return out;
}


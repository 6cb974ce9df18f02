/** The offline manifest of a built site (src/lib/offline/manifest.ts), on a small site written here. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { offlineFiles, offlineManifest, scanPages, type PageScans } from '../../src/lib/offline/manifest.ts';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

function site(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'briefings-offline-manifest-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const page = (base: string, extra = '') => `<!doctype html><html><head><link rel="stylesheet" href="${base}_astro/a.css"><link rel="icon" href="${base}favicon.svg"><link rel="alternate" type="application/rss+xml" href="${base}en/rss.xml"><link rel="canonical" href="https://example.org${base}en/"></head><body><a href="${base}en/x/">x</a>${extra}<script type="module" src="${base}sw-register.js"></script></body></html>`;

function files(base: string): Record<string, string> {
  return {
    'index.html': page(base),
    // A search page preloads part of its bundle: those files are the bundle's, not the shell's.
    'en/index.html': page(base, `<link rel="modulepreload" href="${base}pagefind/en/pagefind.js"><script type="module" src="${base}_astro/s.js"></script>`),
    'en/x/index.html': page(base, `<picture><source type="image/avif" srcset="${base}_images/m-1.avif 480w, ${base}_images/m-2.avif 960w"><img src="${base}_images/m.png" alt="m"></picture>`),
    'en/rss.xml': '<rss/>',
    'ar/index.html': page(base),
    '_astro/a.css': '@font-face{font-family:N;src:url(./n.woff2) format("woff2"),url(./n.woff) format("woff")}body{background:url(./bg.svg)}',
    '_astro/n.woff2': 'w2',
    '_astro/n.woff': 'w1',
    '_astro/bg.svg': '<svg/>',
    '_astro/s.js': 'import{a}from"./chunk.js";import("./lazy.js");',
    '_astro/chunk.js': 'export const a=1;',
    '_astro/lazy.js': 'export default 1;',
    '_images/m-1.avif': 'a', '_images/m-2.avif': 'aa', '_images/m.png': 'p',
    'favicon.svg': '<svg/>',
    'sw-register.js': '//',
    'sw.js': '//',
    'pagefind/en/pagefind.js': 'pf', 'pagefind/en/index/en_1.pf_index': 'ix',
    'pagefind/ar/pagefind.js': 'pf',
  };
}

describe('offline manifest', () => {
  it.each(['/', '/briefings/'])('lists pages, shared files, images and the search bundle of a language (base %s)', (base) => {
    const root = site(files(base));
    const m = offlineManifest(root, base, ['ar', 'en'], ['sw.js']);
    const en = m.langs.en!;
    expect(en.pages).toEqual(['', 'en/', 'en/x/']);
    // Stylesheet, its woff2 (not the woff) and image, scripts and their imports, icon, registration.
    expect(en.shell).toEqual(['_astro/a.css', '_astro/bg.svg', '_astro/chunk.js', '_astro/lazy.js', '_astro/n.woff2', '_astro/s.js', 'favicon.svg', 'sw-register.js']);
    expect(en.images).toEqual({ 'en/x/': ['_images/m-1.avif', '_images/m-2.avif', '_images/m.png'] });
    expect(en.search).toEqual(['pagefind/en/index/en_1.pf_index', 'pagefind/en/pagefind.js']);
    expect(m.langs.ar!.pages).toEqual(['', 'ar/']);
    expect(m.langs.ar!.search).toEqual(['pagefind/ar/pagefind.js']);
    const size = (paths: string[]) => paths.reduce((n, p) => n + Buffer.byteLength(files(base)[p]!), 0);
    expect(en.bytes).toBe(size(['index.html', 'en/index.html', 'en/x/index.html', ...en.shell, ...en.images['en/x/']!, ...en.search]));
    const written = offlineFiles(m);
    expect(Object.keys(written).sort()).toEqual(['offline/ar.json', 'offline/en.json', 'offline/index.json', 'offline/version.js']);
    expect(written['offline/version.js']).toContain(`self.OFFLINE_BUILD = "${m.build}";`);
    expect(JSON.parse(written['offline/index.json']!)).toEqual({ build: m.build, langs: { ar: { bytes: m.langs.ar!.bytes, files: 8 }, en: { bytes: en.bytes, files: 16 } } });
  });

  it('the build id depends on the content of the stored files and the worker, nothing else', () => {
    const root = site(files('/'));
    const id = () => offlineManifest(root, '/', ['ar', 'en'], ['sw.js']).build;
    const first = id();
    expect(id()).toBe(first);
    writeFileSync(join(root, 'en/rss.xml'), '<rss>changed</rss>');
    expect(id()).toBe(first);
    writeFileSync(join(root, 'en/x/index.html'), page('/', '<h1>New title</h1>'));
    const second = id();
    expect(second).not.toBe(first);
    writeFileSync(join(root, 'sw.js'), '// new worker');
    expect(id()).not.toBe(second);
  });

  it('with the cache of what earlier builds read, gives the same manifest and reads again only files written anew', () => {
    const root = site(files('/'));
    const plain = offlineManifest(root, '/', ['ar', 'en'], ['sw.js']);
    let cache: PageScans = { previous: new Map(), next: new Map() };
    expect(offlineManifest(root, '/', ['ar', 'en'], ['sw.js'], cache)).toEqual(plain);
    const known = cache.next.size;
    expect(known).toBeGreaterThan(10);
    cache = { previous: cache.next, next: new Map() };
    expect(offlineManifest(root, '/', ['ar', 'en'], ['sw.js'], cache)).toEqual(plain);
    expect([...cache.next.keys()].filter((k) => cache.previous.has(k)).length).toBe(known);
    // A page written anew (a new file, or the same file changed) is read again.
    writeFileSync(join(root, 'en/x/index.html'), files('/')['en/x/index.html']!.replace('<body>', '<body><h1>New title</h1>'));
    cache = { previous: cache.next, next: new Map() };
    const changed = offlineManifest(root, '/', ['ar', 'en'], ['sw.js'], cache);
    expect(changed.build).not.toBe(plain.build);
    expect(changed).toEqual(offlineManifest(root, '/', ['ar', 'en'], ['sw.js']));
    expect([...cache.next.keys()].filter((k) => cache.previous.has(k)).length).toBe(known - 1);
  });

  it('pages scanned before the search index is in place give the same manifest (the build scans them while it indexes)', () => {
    const all = files('/');
    const root = site(all);
    const whole = offlineManifest(root, '/', ['ar', 'en'], ['sw.js']);
    const search = Object.keys(all).filter((p) => p.startsWith('pagefind/'));
    expect(search.length).toBeGreaterThan(0);
    for (const p of search) rmSync(join(root, p));
    const cache: PageScans = { previous: new Map(), next: new Map() };
    const scanned = scanPages(root, ['ar', 'en'], cache);
    for (const p of search) writeFileSync(join(root, p), all[p]!);
    expect(offlineManifest(root, '/', ['ar', 'en'], ['sw.js'], cache, scanned)).toEqual(whole);
  });
});

/**
 * Reading offline, as built: the worker and its registration at the root of the base, the
 * offline manifest of each language (every page of the language and the entry page, the files
 * they use, the search bundle; sizes that add up; one build id), every page registering the worker
 * from a file (no inline script), and "what is new" on the home pages, dated from content.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/locales.ts';
import type { LanguageManifest } from '../../src/lib/offline/manifest.ts';
import { BUILDS, isFrameDocument, readSite } from '../helpers/site.ts';

describe.each(BUILDS)('offline files in $dir (base $base)', ({ dir, base }) => {
  const site = readSite(dir, base);
  const index = JSON.parse(readFileSync(join(dir, 'offline', 'index.json'), 'utf8')) as { build: string; langs: Record<string, { bytes: number; files: number }> };

  it('serves the worker and its registration from the root of the base, with the build id', () => {
    expect(site.fileFor(`${base}sw.js`)).toBeDefined();
    expect(site.fileFor(`${base}sw-register.js`)).toBeDefined();
    expect(index.build).toMatch(/^[0-9a-f]{16}$/);
    expect(readFileSync(join(dir, 'offline', 'version.js'), 'utf8')).toContain(`self.OFFLINE_BUILD = "${index.build}";`);
  });

  it.each(LANGS)('the %s manifest lists every page of the language, the files they use and the search bundle', (lang) => {
    const m = JSON.parse(readFileSync(join(dir, 'offline', `${lang}.json`), 'utf8')) as LanguageManifest;
    expect(m.build).toBe(index.build);
    const pages = [...site.pages.keys()].filter((p) => p.startsWith(`/${lang}/`) || p === '/').map((p) => p.slice(1)).sort();
    expect(m.pages).toEqual(pages);
    const files = [...new Set([...m.pages.map((p) => `${p}index.html`), ...m.shell, ...Object.values(m.images).flat(), ...m.search])];
    expect(m.bytes).toBe(files.reduce((n, f) => n + statSync(join(dir, f)).size, 0));
    expect(index.langs[lang]).toEqual({ bytes: m.bytes, files: m.pages.length + m.shell.length + Object.values(m.images).flat().length + m.search.length });
    // What a page needs to render: its stylesheets, the Arabic font, the registration and the search page's script.
    expect(m.shell.some((f) => f.endsWith('.css'))).toBe(true);
    const briefing = readFileSync(join(dir, lang, 'briefings', 'miami-mediators-meeting', 'index.html'), 'utf8');
    const fonts = [...new Set([...briefing.matchAll(/_astro\/fonts\/[\w-]+\.woff2/g)].map((f) => f[0]))];
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(m.shell).toContain(font);
    expect(m.shell).toContain('sw-register.js');
    expect(m.search).toContain(`pagefind/${lang}/pagefind.js`);
    expect(m.search.some((f) => f.endsWith('.pf_meta'))).toBe(true);
    // The map image of the Miami briefing, in every size and format the page offers.
    expect(m.images[`${lang}/briefings/miami-mediators-meeting/`]?.length).toBeGreaterThan(3);
  });

  it('every page registers the worker from a file; no page has an inline script', () => {
    for (const [path, page] of site.pages) {
      const scripts = page.querySelectorAll('script').filter((s) => (s.getAttribute('type') ?? '') !== 'application/json' && (s.getAttribute('type') ?? '') !== 'application/ld+json');
      expect(scripts.every((s) => s.getAttribute('src')), `${path} has an inline script`).toBe(true);
      // A citation's preview document is shown inside a frame of a page that registers the worker.
      if (isFrameDocument(path)) continue;
      expect(scripts.map((s) => s.getAttribute('src')), path).toContain(`${base}sw-register.js`);
    }
  });

  it.each(LANGS)('the %s About page offers "available offline", hidden until its script runs', (lang) => {
    const about = site.pages.get(`/${lang}/about/`)!;
    const action = about.querySelector('[data-offline]')!;
    expect(action.hasAttribute('hidden')).toBe(true);
    expect(action.getAttribute('data-lang')).toBe(lang);
    expect(action.getAttribute('data-base')).toBe(base);
    expect(about.querySelector('section[aria-labelledby="offline"] noscript')).not.toBeNull();
  });

  it.each(LANGS)('the %s home page lists what is new, dated, newest first', (lang) => {
    const home = site.pages.get(`/${lang}/`)!;
    const items = home.querySelectorAll('section[aria-labelledby="whats-new"] ol > li');
    expect(items.length).toBeGreaterThanOrEqual(5);
    const dates = items.map((li) => li.querySelector('time')!.getAttribute('datetime')!);
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const li of items) expect(li.querySelector('a[href]'), li.toString()).not.toBeNull();
  });
});

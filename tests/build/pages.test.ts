import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILDS, isFrameDocument, pagePath, readSite } from '../helpers/site.ts';
import { LANGS, LOCALES, type Lang } from '../../src/i18n/locales.ts';
import { t } from '../../src/i18n/index.ts';
import { loadCorpus } from '../../src/lib/corpus/index.ts';

const corpus = loadCorpus().corpus!;

const LANGUAGE_NEUTRAL = new Set(['/', '/404.html']);

describe.each(BUILDS)('built site in $dir (base $base)', ({ dir, base }) => {
  const site = readSite(dir, base);
  const langPages = [...site.pages.keys()].filter((p) => !LANGUAGE_NEUTRAL.has(p));
  const navigable = langPages.filter((p) => !isFrameDocument(p));

  it('has every page type in both languages', () => {
    for (const lang of LANGS) {
      for (const path of ['', 'topics/', 'timeline/', 'timeline/2025-12/', 'search/', 'about/']) expect(site.pages.has(`/${lang}/${path}`), `/${lang}/${path}`).toBe(true);
      for (const kind of ['briefings', 'sources', 'topics']) expect(langPages.some((p) => p.startsWith(`/${lang}/${kind}/`) && p.split('/').length === 5)).toBe(true);
    }
    expect(site.pages.has('/')).toBe(true);
    expect(site.pages.has('/404.html')).toBe(true);
  });

  it('every page declares lang and dir from the locale table', () => {
    for (const path of langPages) {
      const lang = path.split('/')[1] as Lang;
      const html = site.pages.get(path)!.querySelector('html')!;
      expect(html.getAttribute('lang'), path).toBe(lang);
      expect(html.getAttribute('dir'), path).toBe(LOCALES[lang].dir);
    }
    for (const path of LANGUAGE_NEUTRAL) {
      for (const lang of LANGS) expect(site.pages.get(path)!.querySelector(`section[lang="${lang}"][dir="${LOCALES[lang].dir}"]`), path).not.toBeNull();
    }
  });

  it('every page links its counterpart, which exists and links back', () => {
    for (const path of navigable) {
      const lang = path.split('/')[1] as Lang;
      for (const other of LANGS.filter((l) => l !== lang)) {
        const counterpart = path.replace(`/${lang}/`, `/${other}/`);
        expect(site.pages.has(counterpart), `${path} → ${counterpart}`).toBe(true);
        const link = site.pages.get(path)!.querySelector(`a[data-lang-switch="${other}"]`);
        expect(link?.getAttribute('href'), path).toBe(`${base}${counterpart.slice(1)}`);
        const back = site.pages.get(counterpart)!.querySelector(`a[data-lang-switch="${lang}"]`);
        expect(back?.getAttribute('href'), counterpart).toBe(`${base}${path.slice(1)}`);
      }
    }
  });

  it('the header marks the page itself, or the section it is in, and nothing else', () => {
    // Briefings, Topics and Timeline are sections (src/lib/nav-current.ts); Home and About are pages only.
    const sections = ['briefings/', 'topics/', 'timeline/'];
    for (const path of navigable) {
      const lang = path.slice(1, 3);
      const rest = path.slice(4);
      const item = sections.find((s) => rest.startsWith(s)) ?? (['', 'about/'].includes(rest) ? rest : undefined);
      const expected = item === undefined ? [] : [[`${base}${lang}/${item}`, rest === item ? 'page' : 'true']];
      const current = site.pages.get(path)!.querySelectorAll('.site-nav a[aria-current]').map((a) => [a.getAttribute('href'), a.getAttribute('aria-current')]);
      expect(current, path).toEqual(expected);
    }
  });

  it('every page has canonical, hreflang alternates and x-default', () => {
    for (const path of navigable) {
      const head = site.pages.get(path)!.querySelector('head')!;
      const canonical = head.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
      expect(new URL(canonical).pathname, path).toBe(`${base}${path.slice(1)}`);
      for (const lang of [...LANGS, 'x-default']) expect(head.querySelector(`link[rel="alternate"][hreflang="${lang}"]`), `${path} ${lang}`).not.toBeNull();
    }
  });

  it('every internal link, asset and #fragment resolves', () => {
    const broken: string[] = [];
    for (const [path, doc] of site.pages) {
      for (const el of doc.querySelectorAll('a[href], link[href], script[src], img[src], source[srcset]')) {
        const raw = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('srcset')!.split(/\s/)[0]!;
        if (/^(?:[a-z]+:)?\/\//i.test(raw) || /^(mailto|https?):/.test(raw)) continue;
        const url = new URL(raw, `http://site${base}${path.slice(1)}`);
        if (!url.pathname.startsWith(base)) {
          broken.push(`${path}: ${raw} is outside base ${base}`);
          continue;
        }
        const file = site.fileFor(url.pathname);
        if (!file) {
          broken.push(`${path}: ${raw}`);
          continue;
        }
        if (url.hash && file.endsWith('.html')) {
          const target = pagePath(site, file);
          if (!site.ids(target).has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${path}: ${raw} (no such fragment)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('lists and cards date a source the way its page does: a window stays a window, an estimate says so', () => {
    let checked = 0;
    for (const lang of LANGS) {
      const between = t(lang, 'date.between', { start: '', end: '' }).trim().split(' ')[0]!;
      const estimated = t(lang, 'briefing.inferred');
      for (const path of [`/${lang}/`, `/${lang}/briefings/`, `/${lang}/sources/`, `/${lang}/briefings/isf-overview/`]) {
        for (const time of site.pages.get(path)!.querySelectorAll('.whats-new time, .card time, .index-list time, .source-key time')) {
          const source = [...corpus.sources.values()].find((s) => s.record.published.date === time.getAttribute('datetime'));
          if (!source) continue;
          checked += 1;
          const { end, inferred } = source.record.published;
          if (end) expect(time.text, `${path}: ${source.id}`).toContain(between);
          if (inferred) expect(time.nextElementSibling?.text ?? '', `${path}: ${source.id}`).toContain(estimated);
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('an estimated date is a link to why, wherever it is shown (a tap explains it on a phone, no script)', () => {
    let marks = 0;
    for (const path of navigable) {
      const lang = path.split('/')[1] as Lang;
      for (const mark of site.pages.get(path)!.querySelectorAll('.est')) {
        marks += 1;
        expect(mark.tagName, `${path}: ${mark.toString()}`).toBe('A');
        expect(mark.text).toContain(t(lang, 'briefing.inferred'));
        const url = new URL(mark.getAttribute('href')!, `http://site${base}${path.slice(1)}`);
        const target = url.pathname.slice(base.length - 1);
        const page = site.pages.get(target);
        expect(page, `${path}: ${url.href}`).toBeDefined();
        const note = page!.querySelector(`[id="${url.hash.slice(1)}"]`);
        expect(note, `${path}: ${url.href}`).not.toBeNull();
        // A source's note sits in its provenance strip's fold (a browser opens it on arrival);
        // the About page's section on dates says what an estimated date is.
        if (url.hash === '#date-note') expect(note!.closest('details')?.classList.contains('date-note'), `${path}: ${url.href}`).toBe(true);
        else expect(url.hash, `${path}: ${url.href}`).toBe('#dates');
      }
    }
    expect(marks).toBeGreaterThan(50);
  });

  it('Arabic pages isolate inline English', () => {
    for (const path of langPages.filter((p) => p.startsWith('/ar/briefings/'))) {
      const text = site.pages.get(path)!.querySelector('main')!;
      for (const bdi of text.querySelectorAll('bdi[lang="en"]')) expect(bdi.getAttribute('dir')).toBe('ltr');
    }
  });

  it('each language has its own search bundle, holding that language only', () => {
    for (const lang of ['ar', 'en']) {
      const entry = JSON.parse(readFileSync(`${dir}/pagefind/${lang}/pagefind-entry.json`, 'utf8')) as { languages: Record<string, { page_count: number }> };
      expect(Object.keys(entry.languages)).toEqual([lang]);
      expect(entry.languages[lang]!.page_count).toBeGreaterThan(0);
      // Pagefind's ready-made UIs are not shipped: the search page has its own.
      expect(readdirSync(`${dir}/pagefind/${lang}`).filter((f) => f.includes('-ui.'))).toEqual([]);
    }
    expect(readdirSync(`${dir}/pagefind`).sort()).toEqual(['ar', 'en']);
  });
});

import { describe, expect, it } from 'vitest';
import { ar } from '../../src/i18n/ui/ar.ts';
import { en } from '../../src/i18n/ui/en.ts';
import { LANGS, LOCALES, isLang, otherLangs, plural, t, template } from '../../src/i18n/index.ts';
import { navCurrent } from '../../src/lib/nav-current.ts';
import { counterpartPath, routes, withBase } from '../../src/lib/urls.ts';

describe('locale table and dictionaries', () => {
  it('has a direction and Intl locale per language', () => {
    expect(LOCALES.ar.dir).toBe('rtl');
    expect(LOCALES.en.dir).toBe('ltr');
    for (const lang of LANGS) expect(() => new Intl.DateTimeFormat(LOCALES[lang].intl)).not.toThrow();
  });
  it('dictionaries have the same keys and no empty strings', () => {
    expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort());
    for (const value of [...Object.values(ar), ...Object.values(en)]) expect(value.trim()).not.toBe('');
  });
  it('Arabic strings are Arabic', () => {
    const latinOnly = Object.entries(ar).filter(([, v]) => !/[\u0600-\u06FF]/.test(v));
    expect(latinOnly).toEqual([]);
  });
  it.each([
    ['ar', 'date.between', { start: 'أ', end: 'ب' }, 'بين أ وب'],
    ['en', 'date.between', { start: 'a', end: 'b' }, 'between a and b'],
  ] as const)('t(%s, %s)', (lang, key, vars, expected) => {
    expect(t(lang, key, vars)).toBe(expected);
  });
  it.each([
    // [lang, key, vars given]: a placeholder left unfilled fails, naming the string and the name.
    ['en', 'topic.stances', {}, '"topic.stances" (en) has {name}'],
    ['ar', 'topic.stances', { other: 'x' }, '"topic.stances" (ar) has {name}'],
    ['en', 'date.between', { start: 'a' }, '"date.between" (en) has {end}'],
    ['en', 'date.between', { start: 'a', toString: 'b' }, '"date.between" (en) has {end}'],
  ] as const)('t(%s, %s, %o) throws', (lang, key, vars, message) => {
    expect(() => t(lang, key, vars)).toThrow(message);
  });
  it.each([
    ['en', 'search.pageOf'],
    ['ar', 'offline.size'],
    ['en', 'search.count.other'],
  ] as const)('template(%s, %s) keeps the placeholders for the page to fill', (lang, key) => {
    expect(template(lang, key)).toBe((lang === 'ar' ? ar : en)[key]);
    expect(template(lang, key)).toMatch(/\{\w+\}/);
  });
  it('knows its languages', () => {
    expect(isLang('ar')).toBe(true);
    expect(isLang('fr')).toBe(false);
    expect(isLang('toString')).toBe(false);
    expect(otherLangs('ar')).toEqual(['en']);
  });
});

describe('urls', () => {
  it.each([
    ['/en/', '/', '/en/'],
    ['/en/', '/briefings/', '/briefings/en/'],
    ['/en/', '/briefings', '/briefings/en/'],
    ['/pagefind/', '/sub/path/', '/sub/path/pagefind/'],
  ])('withBase(%s, %s)', (path, base, expected) => {
    expect(withBase(path, base)).toBe(expected);
  });
  it.each([
    ['/ar/briefings/x/', 'en', '/en/briefings/x/'],
    ['/en/topics/', 'ar', '/ar/topics/'],
    ['/en/', 'ar', '/ar/'],
    ['/en/rss.xml', 'ar', '/ar/rss.xml'],
  ] as const)('counterpartPath(%s, %s)', (path, lang, expected) => {
    expect(counterpartPath(path, lang)).toBe(expected);
  });
  it('routes share ids across languages', () => {
    expect(routes.briefing('ar', 'x').replace('/ar/', '/en/')).toBe(routes.briefing('en', 'x'));
  });
  it.each([
    [null, 'newest', '/en/timeline/'],
    [null, 'oldest', '/en/timeline/oldest/'],
    ['turkey', 'newest', '/en/timeline/topics/turkey/'],
    ['turkey', 'oldest', '/en/timeline/topics/turkey/oldest/'],
    [undefined, 'newest', '/en/timeline/'],
  ] as const)('timelineStart(en, %s, %s): a timeline\'s first page', (topic, order, expected) => {
    expect(routes.timelineStart('en', topic, order)).toBe(expected);
  });
});

describe('navCurrent: the header item of the page shown', () => {
  const timeline = { path: '/en/timeline/', section: true };
  const home = { path: '/en/' };
  const topics = { path: '/en/topics/', section: true };
  const briefings = { path: '/en/briefings/', section: true };
  const about = { path: '/en/about/' };
  it.each([
    ['the timeline itself', timeline, '/en/timeline/', 'page'],
    ['a month of the timeline', timeline, '/en/timeline/2026-01/', 'true'],
    ['a later part of a month', timeline, '/en/timeline/2026-01/2/', 'true'],
    ['the oldest-first timeline', timeline, '/en/timeline/oldest/', 'true'],
    ['a topic\'s timeline', timeline, '/en/timeline/topics/turkey/', 'true'],
    ['a topic\'s month', timeline, '/en/timeline/topics/turkey/2026-01/', 'true'],
    ['the other language\'s timeline', timeline, '/ar/timeline/2026-01/', undefined],
    ['a topic page (not in the timeline)', timeline, '/en/topics/turkey/', undefined],
    ['the home page: itself', home, '/en/', 'page'],
    ['the home page is no section', home, '/en/timeline/', undefined],
    ['a topic page is in Topics', topics, '/en/topics/turkey/', 'true'],
    ['the topics index itself', topics, '/en/topics/', 'page'],
    ['a topic\'s timeline is not in Topics', topics, '/en/timeline/topics/turkey/', undefined],
    ['a briefing is in Briefings', briefings, '/en/briefings/isf-overview/', 'true'],
    ['a source page is not in Briefings', briefings, '/en/sources/isf-overview/', undefined],
    ['an item that is no section', about, '/en/about/x/', undefined],
  ] as const)('%s', (_what, item, page, expected) => {
    expect(navCurrent(item, page)).toBe(expected);
  });
});

describe('plural', () => {
  it.each([
    ['ar', 0, 'لا نتائج'],
    ['ar', 1, 'نتيجة واحدة'],
    ['ar', 2, 'نتيجتان'],
    ['ar', 5, '5 نتائج'],
    ['ar', 11, '11 نتيجة'],
    ['ar', 100, '100 نتيجة'],
    ['en', 1, '1 result'],
    ['en', 7, '7 results'],
  ] as const)('%s %d', (lang, n, expected) => {
    expect(plural(lang, 'search.count', n)).toBe(expected);
  });
});

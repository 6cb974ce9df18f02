import { describe, expect, it } from 'vitest';
import { citationLabel, citationsHtml, citationText, outletLabels, parseCitation, splitCitationList, type CitationLink } from '../../src/lib/citations.ts';

describe('parseCitation', () => {
  it.each([
    ['5', { source: 'p', from: 5, to: 5 }],
    ['5-7', { source: 'p', from: 5, to: 7 }],
    ['other-source:3', { source: 'other-source', from: 3, to: 3 }],
    [' other:3-4 ', { source: 'other', from: 3, to: 4 }],
  ])('%s', (raw, expected) => {
    expect(parseCitation(raw, 'p')).toEqual(expected);
  });
  it.each(['7-5', 'p5', 'Source:1', '5,6', ''])('%s is an error', (raw) => {
    expect(typeof parseCitation(raw, 'p')).toBe('string');
  });
  it('labels ranges with an en dash', () => {
    expect(citationLabel({ from: 5, to: 7 })).toBe('5–7');
  });
  it('splits lists on Latin and Arabic commas', () => {
    expect(splitCitationList('5, 7-8،a:1')).toEqual(['5', '7-8', 'a:1']);
  });
});

describe('citationText: outlet and paragraph', () => {
  it.each([
    ['Axios', 5, 5, 'Axios ¶5'],
    ['أكسيوس', 5, 5, 'أكسيوس ¶5'],
    ['الشرق', 4, 5, 'الشرق ¶4–5'],
  ])('%s %i–%i', (outlet, from, to, expected) => {
    expect(citationText(outlet, { from, to })).toBe(expected);
  });
});

describe('outletLabels', () => {
  const label = (lang: 'ar' | 'en', list: { id: string; outlet?: string; date: string }[]) =>
    Object.fromEntries(outletLabels(lang, list.map((s) => ({ ...s, outlet: s.outlet }))));

  it('names each source by its outlet when no other source shares it', () => {
    expect(label('en', [{ id: 'a', outlet: 'Axios', date: '2025-10-30' }, { id: 'b', outlet: 'Asharq News', date: '2025-12-18' }])).toEqual({ a: 'Axios', b: 'Asharq News' });
  });
  it.each([
    ['en', 'different months: the month', [['a', '2025-10-30'], ['b', '2025-12-18']], { a: 'Axios, October 2025', b: 'Axios, December 2025' }],
    ['ar', 'different months, Arabic', [['a', '2025-10-30'], ['b', '2025-12-18']], { a: 'أكسيوس، أكتوبر 2025', b: 'أكسيوس، ديسمبر 2025' }],
    ['en', 'same month: the day', [['a', '2025-12-16'], ['b', '2025-12-18'], ['c', '2025-10']], { a: 'Axios, 16 December 2025', b: 'Axios, 18 December 2025', c: 'Axios, October 2025' }],
    ['en', 'same day: a number, by id', [['b', '2025-12-18'], ['a', '2025-12-18']], { a: 'Axios, 18 December 2025 (1)', b: 'Axios, 18 December 2025 (2)' }],
  ] as const)('%s: %s', (lang, _what, dated, expected) => {
    const outlet = lang === 'ar' ? 'أكسيوس' : 'Axios';
    expect(label(lang, dated.map(([id, date]) => ({ id, outlet, date })))).toEqual(expected);
  });
  it('gives sources with no known outlet a label that says so', () => {
    expect(label('en', [{ id: 'x', date: '2025-12-17' }])).toEqual({ x: 'Unknown publisher' });
    expect(label('ar', [{ id: 'x', date: '2025-12-17' }])).toEqual({ x: 'ناشر مجهول' });
  });
  it('labels are unique', () => {
    const list = Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, outlet: i % 2 ? 'Axios' : undefined, date: `2025-${String((i % 3) + 10)}-0${(i % 4) + 1}` }));
    const labels = [...outletLabels('en', list).values()];
    expect(new Set(labels).size).toBe(30);
  });
});

describe('citationsHtml', () => {
  const c = (source: string, from: number, to = from): CitationLink => ({ source, from, to, href: `/en/sources/${source}/#p${from}`, outlet: source === 'a' ? 'Axios' : 'Asharq News' });
  it('names the outlet once per run of one source', () => {
    expect(citationsHtml([c('a', 3), c('a', 22), c('b', 4, 5)])).toBe(
      '<span class="cites"><a href="/en/sources/a/#p3">Axios ¶3</a> <a href="/en/sources/a/#p22" class="p">¶22</a> <a href="/en/sources/b/#p4">Asharq News ¶4–5</a></span>',
    );
  });
  it('renders nothing for no citations', () => {
    expect(citationsHtml([])).toBe('');
  });
  it('escapes', () => {
    expect(citationsHtml([{ ...c('a', 1), outlet: 'A&B <x>' }])).toContain('A&amp;B &lt;x&gt; ¶1');
  });
});

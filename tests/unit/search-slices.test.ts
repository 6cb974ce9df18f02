import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/lib/search/analyze.ts';
import { buildExcerpt, type ExcerptOptions } from '../../src/lib/search/excerpt.ts';
import type { PageData } from '../../src/lib/search/index-document.ts';
import { excerptInSlices, yieldToBrowser } from '../../src/scripts/search/slices.ts';

const analyzer = createAnalyzer({});

/** A long page: 60 sections of 200 words each (a source of 12,000 words), sections starting as index-document.ts puts them. */
function longPage(): PageData {
  let at = 0;
  const s = Array.from({ length: 60 }, (_, k) => {
    const text = Array.from({ length: 200 }, (_, i) => (i % 37 === 5 ? 'تركيا،' : i % 53 === 7 ? 'Turkey' : `كلمة${k}x${i}`)).join(k % 2 ? ' ' : '  ');
    const start = at;
    at += analyzer.tokens(text).length;
    return [`p${k + 1}`, `¶${k + 1}`, text, start] as [string, string, string, number];
  });
  return { t: 'عنوان', k: 's', id: 'x', s };
}

describe('excerpts in slices', () => {
  const page = longPage();
  const positions = [page.s[17]![3] + 5, page.s[17]![3] + 42, page.s[40]![3] + 7];
  const cases: [string, ExcerptOptions][] = [
    ['matched sections only', {}],
    ['every section, with names', { names: [analyzer.tokens('تركيا'), analyzer.tokens('Turkey')] }],
    ['the opening of a lead topic', { names: [analyzer.tokens('تركيا')], opening: true }],
    ['several query words', { terms: analyzer.queryTerms('تركيا في غزة') }],
  ];
  it.each(cases)('give the excerpt buildExcerpt gives: %s', async (_, options) => {
    expect(await excerptInSlices(page, analyzer, positions, options, () => true)).toEqual(buildExcerpt(page, analyzer, positions, options));
  });

  it('stop when the search is replaced', async () => {
    expect(await excerptInSlices(page, analyzer, positions, {}, () => false)).toBe(false);
  });

  it('yield in order', async () => {
    const seen: number[] = [];
    await Promise.all([1, 2, 3].map(async (n) => {
      await yieldToBrowser();
      seen.push(n);
    }));
    expect(seen).toEqual([1, 2, 3]);
  });
});

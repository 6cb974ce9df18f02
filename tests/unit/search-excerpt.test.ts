import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/lib/search/analyze.ts';
import { buildExcerpt, excerptSections, openingPositions, type ExcerptOptions } from '../../src/lib/search/excerpt.ts';
import type { PageData } from '../../src/lib/search/index-document.ts';
import { plainText } from '../../src/lib/search/records.ts';

const analyzer = createAnalyzer({});

/** A page whose sections start where index-document.ts would put them. */
function page(sections: [string, string, string][]): PageData {
  let at = 0;
  return {
    t: 'عنوان',
    k: 's',
    id: 'x',
    s: sections.map(([anchor, heading, text]) => {
      const start = at;
      at += analyzer.tokens(text).length;
      return [anchor, heading, text, start];
    }),
  };
}

const text = (parts: { text: string }[]) => parts.map((p) => p.text).join('');

describe('plain text of rendered HTML', () => {
  it('never adds or drops a space around inline markup or citations', () => {
    expect(plainText('<p>من <a href="/t/qatar/">قطر</a> و<a href="/t/egypt/">مصر</a> و<bdi>Turkey</bdi></p>')).toBe('من قطر ومصر وTurkey');
    expect(plainText('<p>في <a href="/t/gaza/">غزة</a>؛ وقال\u00a0<span class="cites"><a href="/s/axios/#p1">أكسيوس ¶1</a></span>.</p>')).toBe('في غزة؛ وقال.');
    expect(plainText('<p>الأرض\u00a0<span class="cites"><a href="#p4">Axios ¶4</a> <a href="#p9">¶9</a></span>. ثم</p><p>فقرة</p>')).toBe('الأرض. ثم فقرة');
    expect(plainText('<li>a&amp;b &quot;c&quot; &#1575;</li>')).toBe('a&b "c" ا');
  });
});

describe('excerpts from match positions, in the original spelling and spacing', () => {
  const p = page([
    ['p1', '¶1', 'كشفت مصادر مطلعة أن الولايات المتحدة تعمل على خطة.'],
    ['p2', '¶2', 'وأكدت المصادر أن تركيا أعربت عن استعدادها، رغم اعتراض «إسرائيل» على أي وجود عسكري تركي داخل غزة.'],
  ]);
  const start = p.s[1]![3];

  it('picks the section the positions fall in and marks the words as written', () => {
    // «تركيا» is the fourth word of ¶2.
    const e = buildExcerpt(p, analyzer, [start + 3])!;
    expect(e.anchor).toBe('p2');
    expect(e.matched).toBe(true);
    expect(e.parts.filter((x) => x.mark).map((x) => x.text)).toEqual(['تركيا']);
  });

  it('keeps the text exactly as written, punctuation outside the mark', () => {
    const e = buildExcerpt(p, analyzer, [start + 9])!; // «إسرائيل»
    expect(text(e.parts)).toBe(p.s[1]![2]);
    expect(e.parts.find((x) => x.mark)!.text).toBe('إسرائيل');
  });

  it('marks the names of the topic the query names anywhere in the window', () => {
    const e = buildExcerpt(p, analyzer, [], { names: [analyzer.tokens('تركي'), analyzer.tokens('وجود عسكري'), ['في']] })!;
    expect(e.parts.filter((x) => x.mark).map((x) => x.text)).toEqual(['وجود', 'عسكري', 'تركي']);
  });

  it('leaves a lone short word of a longer query unmarked', () => {
    // "على" (position 10) stands alone; "تركيا أعربت" (3, 4) stand together.
    const e = buildExcerpt(p, analyzer, [start + 3, start + 4, start + 10], { terms: analyzer.queryTerms('تركيا أعربت على') })!;
    expect(e.parts.filter((x) => x.mark).map((x) => x.text)).toEqual(['تركيا', 'أعربت']);
  });

  // Matches in a query of several words: function words stay plain when alone, words matched only
  // as longer words starting with a function word of the query are plain, content words are
  // marked however short they are. Positions are word indices in the one section (Pagefind's).
  it.each([
    ['a lone Arabic preposition', 'قوة على مصر', 'قالت المصادر إن القوة ستعمل على الحدود مع مصر', [3, 5, 8], ['القوة', 'مصر']],
    ['a lone Arabic preposition, no other match in the section', 'الحدود على', 'قالت المصادر إن القوة ستعمل على الحدود', [5], []],
    ['a lone Arabic content word of three letters', 'قوة الاستقرار', 'قوة أمنية متعددة الجنسيات تدعم الاستقرار', [0, 5], ['قوة', 'الاستقرار']],
    ['«غزة» alone', 'قوات غزة', 'انسحاب من غزة ثم حديث عن القوات', [2, 6], ['غزة', 'القوات']],
    ['a preposition with a clitic («وفي»)', 'في خطة', 'اجتماع وفي الدوحة عرض للخطة', [1, 4], ['للخطة']],
    ['a lone English article', 'the ceasefire', 'the force will support the ceasefire', [0, 5], ['ceasefire']],
    ['"of" inside the phrase, not alone', 'Board of Peace', 'a Board of Peace member spoke of the peace', [1, 2, 3, 6, 8], ['Board', 'of', 'Peace', 'peace']],
    ['a short English content word', 'UN aid', 'the UN asked for aid convoys', [1, 4], ['UN', 'aid']],
    ['words that only start with "to" and "of"', 'aid to Gaza officials', 'officials told reporters aid to Gaza was offered today', [0, 1, 3, 4, 5, 8], ['officials', 'aid', 'to', 'Gaza']],
    ['"officials" beside the phrase, matched by "of"', 'Board of Peace', 'the Board of Peace officials met', [1, 2, 3, 4], ['Board', 'of', 'Peace']],
    ['«فيه» for «في»', 'قوات في غزة', 'نشر القوات فيه وفي محور فيلادلفيا في غزة', [1, 2, 6, 7], ['القوات', 'في', 'غزة']],
    ['a content word starting with a function word ("Tokyo" for "to Tokyo")', 'to Tokyo', 'flights to Tokyo resumed', [1, 2], ['to', 'Tokyo']],
  ])('%s', (_, query, textOf, at, marked) => {
    const one = page([['p1', '', textOf]]);
    const e = buildExcerpt(one, analyzer, at, { terms: analyzer.queryTerms(query) })!;
    expect(e.parts.filter((x) => x.mark).map((x) => x.text)).toEqual(marked);
  });

  it('marks a lone function word when it is the whole query', () => {
    const one = page([['p1', '', 'قالت المصادر إن القوة ستعمل على الحدود']]);
    expect(buildExcerpt(one, analyzer, [5])!.parts.filter((x) => x.mark).map((x) => x.text)).toEqual(['على']);
  });

  it('cuts long sections with an ellipsis and nothing else added', () => {
    const long = page([['p1', '', Array.from({ length: 80 }, (_, i) => `كلمة${i}`).join(' ')]]);
    const e = buildExcerpt(long, analyzer, [60], { size: 20 })!;
    const shown = text(e.parts);
    expect(shown.startsWith('… ') && shown.endsWith(' …')).toBe(true);
    expect(long.s[0]![2]).toContain(shown.slice(2, -2));
    expect(e.parts.find((x) => x.mark)!.text).toBe('كلمة60');
  });

  it('shows the opening of the page for a lead topic', () => {
    const e = buildExcerpt(p, analyzer, [start + 3], { opening: true })!;
    expect(e.anchor).toBe('p1');
    expect(e.matched).toBe(false);
  });
});

describe('the sections an excerpt reads', () => {
  const p = page([
    ['p1', '', 'أولى ثانية'],
    ['p2', '', 'ثالثة رابعة'],
    ['p3', '', 'خامسة سادسة'],
    ['p4', '', 'سابعة ثامنة'],
  ]);
  const at = (i: number, k = 0) => p.s[i]![3] + k;
  const cases: [string, number[], ExcerptOptions, number[]][] = [
    ['no match: the first only', [], {}, [0]],
    ['the first and those holding a match', [at(2, 1), at(2)], {}, [0, 2]],
    ['the last section up to the end of the page', [at(3, 1)], {}, [0, 3]],
    ['every section when names are marked', [at(2)], { names: [['x']] }, [0, 1, 2, 3]],
    ['the opening: the first only', [at(2)], { opening: true, names: [['x']] }, [0]],
  ];
  it.each(cases)('%s', (_, positions, options, expected) => {
    expect(excerptSections(p, positions, options)).toEqual(expected);
  });
  it('an empty page has none', () => {
    expect(excerptSections({ ...p, s: [] }, [1], { opening: true })).toEqual([]);
    expect(excerptSections({ ...p, s: [] }, [1])).toEqual([]);
  });
});

describe('an opening’s likely matches, without Pagefind (openingPositions)', () => {
  const opening = page([
    ['', '', 'Turkey offered troops; Turkey’s parliament and the Turkish army were asked. Ankara said so.'],
    ['later', 'Later', 'Turkey again, in a later section.'],
  ]);
  const at = (terms: string[]) => openingPositions(opening, analyzer, terms).map((p) => analyzer.tokens(opening.s[0]![2])[p - opening.s[0]![3]]);
  it.each([
    // Every word of the first section whose token starts with a query term, as Pagefind's prefix match.
    [['turkey'], ['turkey', 'turkey']],
    [['turk'], ['turkey', 'turkey', 'turkish']],
    [['ankara', 'troops'], ['troops', 'ankara']],
    [['army'], ['army']],
    [['syria'], []],
    [[], []],
  ])('%j → %j', (terms, tokens) => {
    expect(at(terms)).toEqual(tokens);
  });

  it('gives the opening excerpt buildExcerpt makes from the same positions', () => {
    const positions = openingPositions(opening, analyzer, ['turkey']);
    const excerpt = buildExcerpt(opening, analyzer, positions, { opening: true, terms: ['turkey'] })!;
    expect(excerpt.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['Turkey', 'Turkey’s']);
    expect(excerpt.matched).toBe(false);
  });
});

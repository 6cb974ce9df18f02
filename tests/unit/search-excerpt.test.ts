import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/lib/search/analyze.ts';
import { buildExcerpt, excerptSections, openingPositions, queryPhrases, type ExcerptOptions } from '../../src/lib/search/excerpt.ts';
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

  it('leaves a function word of a longer query unmarked', () => {
    // "على" (position 10) is a function word; "تركيا أعربت" (3, 4) are what matched.
    const e = buildExcerpt(p, analyzer, [start + 3, start + 4, start + 10], { terms: analyzer.queryTerms('تركيا أعربت على') })!;
    expect(e.parts.filter((x) => x.mark).map((x) => x.text)).toEqual(['تركيا', 'أعربت']);
  });

  // A mark says "this is (a form of) a word you searched": Pagefind's positions (here: word
  // indices in the one section) hold every word starting with a query word's stem; only forms of
  // the query words are marked, and function words only when the query is nothing else or inside
  // a quoted phrase that stands whole.
  const marks = (query: string, textOf: string, at: number[]) => {
    const one = page([['p1', '', textOf]]);
    return buildExcerpt(one, analyzer, at, { terms: analyzer.queryTerms(query), phrases: queryPhrases(analyzer, query) })!.parts.filter((x) => x.mark).map((x) => x.text);
  };
  it.each([
    // A short word is itself, not the words it starts.
    ['UN, not words starting with "un"', 'UN', 'the UN said aid moves unimpeded until it is under UN control', [1, 5, 6, 9, 10], ['UN', 'UN']],
    ['UN also as U.N. and UN’s', 'UN', 'U.N. envoys and the UN’s plan, unlike others', [0, 4, 6], ['U.N', 'UN’s']],
    ['"un" words alone on a page: nothing to mark', 'UN', 'aid moves unimpeded until it is under control', [2, 3, 6], []],
    // English forms kept: inflections, derivations on a base of four letters, demonyms.
    ['inflections of a word', 'force', 'the forces forced a forceful force', [1, 2, 4, 5], ['forces', 'forced', 'force']],
    ['a plural query marks its singular and other forms', 'negotiations', 'negotiators said negotiating the negotiation needs negotiators', [0, 2, 4, 6], ['negotiators', 'negotiating', 'negotiation', 'negotiators']],
    ['a name marks its demonym, not a longer unrelated word', 'Egypt', 'Egyptian mediators met in Egypt; egyptology aside', [0, 4, 5], ['Egyptian', 'Egypt']],
    ['Turkey marks Turkey’s and Turkeys, not Turkmen', 'Turkey', 'Turkey’s army, Turkeys and Turkmen', [0, 2, 4], ['Turkey’s', 'Turkeys']],
    // Arabic: clitics and suffixes kept, unrelated longer words not.
    ['«قوة» marks the forces with clitics and its pronoun form', 'قوة', 'والقوات الدولية وقوته بالقوة لا القول ولا القومية', [0, 2, 3, 5, 7], ['والقوات', 'وقوته', 'بالقوة']],
    ['«غزة» marks «غزي», not «غزو»', 'غزة', 'سكان غزة الغزيون رفضوا الغزو', [1, 2, 4], ['غزة', 'الغزيون']],
    ['«الأمم المتحدة» marks the UN, not «أممت»', 'الأمم المتحدة', 'قالت الأمم المتحدة إن الدول المتحدة أممت الشركة', [1, 2, 5, 6], ['الأمم', 'المتحدة', 'المتحدة']],
    // Function words in a query with content words: not marked, wherever they stand.
    ['English stop words', 'the Board of Peace', 'the Board of Peace met; the head of the board spoke of peace', [0, 1, 2, 3, 5, 7, 8, 9, 11, 12], ['Board', 'Peace', 'board', 'peace']],
    ['"and" between two names', 'Turkey and Egypt', 'Turkey and Egypt agreed, and Qatar too', [0, 1, 2, 4], ['Turkey', 'Egypt']],
    ['Arabic stop words, «وفي» too', 'قوة في غزة', 'نشر القوة في غزة وفي محيطها من القوات', [1, 2, 3, 4, 7], ['القوة', 'غزة', 'القوات']],
    ['a preposition with a clitic («وفي»)', 'في خطة', 'اجتماع وفي الدوحة عرض للخطة', [1, 4], ['للخطة']],
    ['words that only start with "to" and "of"', 'aid to Gaza officials', 'officials told reporters aid to Gaza was offered today', [0, 1, 3, 4, 5, 8], ['officials', 'aid', 'Gaza']],
    ['a content word starting with a function word', 'to Tokyo', 'flights to Tokyo resumed', [1, 2], ['Tokyo']],
    ['«فيه» for «في»', 'قوات في غزة', 'نشر القوات فيه وفي محور فيلادلفيا في غزة', [1, 2, 6, 7], ['القوات', 'غزة']],
    ['a short content word', 'UN aid', 'the UN asked for aid convoys', [1, 4], ['UN', 'aid']],
    ['a three-letter Arabic content word', 'قوة الاستقرار', 'قوة أمنية متعددة الجنسيات تدعم الاستقرار', [0, 5], ['قوة', 'الاستقرار']],
    // Nothing but function words: they are what was searched.
    ['an English stop-word-only query', 'of the', 'the head of the board', [0, 2, 3], ['the', 'of', 'the']],
    ['an Arabic stop-word-only query', 'في', 'قالت إن القوة في غزة وفيه', [3, 5], ['في', 'وفيه']],
    // A quoted phrase standing whole is marked whole; its words elsewhere as any query's.
    ['a quoted phrase', '"Board of Peace"', 'the Board of Peace met; the head of the board spoke', [1, 2, 3, 7, 9], ['Board', 'of', 'Peace', 'board']],
    ['a quoted Arabic phrase', '"قوة في غزة"', 'نشر قوة في غزة ثم في الضفة', [1, 2, 3, 5], ['قوة', 'في', 'غزة']],
    // A word still being typed (no word of the page is it): Pagefind matched its completions.
    ['a word being typed marks its completions', 'Board of Pea', 'the Board of Peace met', [1, 2, 3], ['Board', 'Peace']],
    ['an Arabic word being typed', 'الاستقر', 'قوة الاستقرار الدولية', [1], ['الاستقرار']],
  ])('%s', (_, query, textOf, at, marked) => {
    expect(marks(query, textOf, at)).toEqual(marked);
  });

  it('marks a lone function word when it is the whole query', () => {
    const one = page([['p1', '', 'قالت المصادر إن القوة ستعمل على الحدود']]);
    expect(buildExcerpt(one, analyzer, [5], { terms: analyzer.queryTerms('على') })!.parts.filter((x) => x.mark).map((x) => x.text)).toEqual(['على']);
    expect(buildExcerpt(one, analyzer, [5])!.parts.filter((x) => x.mark).map((x) => x.text)).toEqual(['على']);
  });

  it('marks completions only where the page has no form of the word', () => {
    // The page says "Egypt" in ¶2: "Egyptology" in ¶1 is not a form of it, and stays plain.
    const two = page([
      ['p1', '', 'Egyptology lectures and more Egyptology lectures'],
      ['p2', '', 'Egypt said so'],
    ]);
    const e = buildExcerpt(two, analyzer, [0, 4, 6], { terms: analyzer.queryTerms('Egypt') })!;
    expect(e.anchor).toBe('p2');
    expect(e.parts.filter((x) => x.mark).map((x) => x.text)).toEqual(['Egypt']);
    const only = buildExcerpt(page([['p1', '', 'Egyptology lectures']]), analyzer, [0], { terms: analyzer.queryTerms('Egypt') })!;
    expect(only.parts.filter((x) => x.mark).map((x) => x.text)).toEqual(['Egyptology']);
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

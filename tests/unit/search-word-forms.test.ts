import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/lib/search/analyze.ts';
import { isFormOf, startsWithTerm } from '../../src/lib/search/word-forms.ts';

const analyzer = createAnalyzer({});
const token = (w: string) => analyzer.token(w);

describe('which matched words are a form of a query word (word-forms.ts)', () => {
  it.each([
    // [query word, written word, a form of it]
    ['UN', 'UN', true],
    ['UN', 'U.N.', true],
    ['UN', 'UN’s', true],
    ['UN', 'unimpeded', false],
    ['UN', 'under', false],
    ['UN', 'until', false],
    ['UN', 'unity', false],
    ['aid', 'aided', true],
    ['aid', 'aids', true],
    ['force', 'forces', true],
    ['forces', 'forcing', true],
    ['negotiations', 'negotiating', true],
    ['negotiate', 'negotiators', true],
    ['Egypt', 'Egyptian', true],
    ['Egypt', 'Egyptology', false],
    ['Turkey', 'Turkey’s', true],
    ['Turkey', 'Turkmen', false],
    ['Emirates', 'Emirati', true],
    ['peace', 'peacekeeping', false],
    ['peace', 'peace-keeping', true],
    ['قوة', 'والقوات', true],
    ['قوة', 'بقوته', true],
    ['قوة', 'القول', false],
    ['قوة', 'القومية', false],
    ['غزة', 'الغزيون', true],
    ['غزة', 'الغزو', false],
    ['غزة', 'غزا', false],
    ['الأمم', 'الأممية', true],
    ['الأمم', 'أممت', false],
    ['المتحدة', 'المتحدين', true],
    ['في', 'وفيه', true],
    ['عضوًا', 'عضو', true],
    ['مؤسسًا', 'مؤسس', true],
    ['جنود', 'جنودًا', true],
    ['بإسرائيل', 'إسرائيليًا', true],
    ['تركيا', 'التركية', true],
    ['تركيا', 'تركمان', false],
    ['في', 'فيلادلفيا', false],
  ])('%s → %s: %s', (query, written, expected) => {
    expect(isFormOf(token(written), analyzer.queryTerms(query)[0]!)).toBe(expected);
  });

  it.each([
    ['pea', 'Peace', true],
    ['peace', 'peace-keeping', true],
    ['keep', 'peace-keeping', true],
    ['pea', 'appeal', false],
  ])('%s starts %s: %s', (query, written, expected) => {
    expect(startsWithTerm(token(written), analyzer.queryTerms(query)[0]!)).toBe(expected);
  });
});

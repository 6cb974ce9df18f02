import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/index.ts';
import { loadCorpus } from '../../src/lib/corpus/index.ts';

// The site's own content: a source page reads its cited paragraphs in one call (SourceView.astro).
const { corpus } = loadCorpus();

/** The briefings of `lang` citing paragraph n of a source, each with its first section citing it, read off their citations. */
const citingOne = (lang: (typeof LANGS)[number], id: string, n: number) =>
  corpus.briefings[lang].flatMap((briefing) => {
    const first = briefing.cited.find(({ citation }) => citation.source === id && citation.from <= n && n <= citation.to);
    return first ? [{ briefing, anchor: first.anchor }] : [];
  });

describe('corpus.citingParagraphs: every cited paragraph of a source in one read', () => {
  it.each(LANGS.flatMap((lang) => [...corpus.sources.keys()].map((id) => [lang, id] as const)))('%s %s: for each paragraph, the briefings its citations name', (lang, id) => {
    const cited = corpus.citingParagraphs(lang, id);
    const source = corpus.sources.get(id)!;
    for (const p of source.paragraphs) expect(cited.get(p.n) ?? []).toEqual(citingOne(lang, id, p.n));
    // Only paragraphs with citations, each with the briefings of this language that cite the source.
    for (const [n, list] of cited) {
      expect(list.length).toBeGreaterThan(0);
      expect(source.paragraphs.some((p) => p.n === n)).toBe(true);
      for (const { briefing } of list) expect(corpus.citing(lang, id)).toContain(briefing);
    }
  });

  it.each([
    ['a source no briefing cites', 'no-such-source'],
  ])('%s: an empty map', (_name, id) => {
    for (const lang of LANGS) expect(corpus.citingParagraphs(lang, id).size).toBe(0);
  });
});

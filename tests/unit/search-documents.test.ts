import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/index.ts';
import { loadCorpus } from '../../src/lib/corpus/index.ts';
import { corpusAnalyzer, createMentionScanner, topicNames } from '../../src/lib/search/aliases.ts';
import { searchDocuments } from '../../src/lib/search/documents.ts';
import { languageRecords, outletTopics } from '../../src/lib/search/records.ts';

// The site's own content: the pages where a reader saw the wrong results.
const { corpus } = loadCorpus();
const { analyzer } = corpusAnalyzer(corpus!);
const names = topicNames(corpus!);
const scan = createMentionScanner(names, analyzer);

/** Every page's document, by URL, with its record and the topics its text names. */
const pages = new Map(
  LANGS.flatMap((lang) => {
    const records = new Map([...languageRecords(corpus!, lang)].map((r) => [r.url, r]));
    return [...searchDocuments(corpus!, lang, analyzer)].map((d) => {
      const record = records.get(d.url)!;
      return [d.url, { ...d, record, named: scan(`${record.title} ${record.sections.map((s) => s.text).join(' ')}`) }] as const;
    });
  }),
);

/** The words of a document's text (title, own names, sections), and of its paragraph of other topics' names. */
function parts(content: string): { text: string[]; mentioned: string[] } {
  const main = /<main data-pagefind-body>([\s\S]*?)<\/main>/.exec(content)![1]!;
  const mentioned = /<p data-pagefind-weight="0.5">([^<]*)<\/p>/.exec(main)?.[1] ?? '';
  const split = (s: string) => s.replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean);
  return { text: split(main.replace(/<p data-pagefind-weight="0.5">[^<]*<\/p>/, '')), mentioned: split(mentioned) };
}

/** A topic's names as indexed tokens, each name its own list. */
const tokensOf = (id: string) => names.find((n) => n.id === id)!.all.map((n) => analyzer.tokens(n)).filter((t) => t.length);

/** Whether the words hold the name (its tokens in a row). */
const says = (words: string[], name: string[]) => words.some((_, i) => name.every((t, j) => words[i + j] === t));

describe('search documents: the names indexed beside a page’s text', () => {
  // These three sources are cited by isf-overview, a briefing about Turkey among others; their
  // pages say nothing of Turkey, yet were results 9, 10 and 13 of 23 for تركيا.
  it.each(LANGS.flatMap((lang) => ['pentagon-peacekeeping-funding', 'pakistan-pivotal-role', 'italy-founding-member'].map((id) => [lang, id])))(
    '%s source %s carries no name of Turkey, which only a briefing citing it is about',
    (lang, id) => {
      const page = pages.get(`/${lang}/sources/${id}/`)!;
      expect(page.record.topics, 'the topic filter still lists it under the citing briefing’s topics').toContain('turkey');
      expect(page.named.has('turkey')).toBe(false);
      const { text, mentioned } = parts(page.content);
      for (const name of tokensOf('turkey')) {
        expect(says(text, name), name.join(' ')).toBe(false);
        expect(says(mentioned, name), name.join(' ')).toBe(false);
      }
    },
  );

  it('a source page carries the names of the topics its text names and of its outlets, no others', () => {
    const sources = [...pages.values()].filter((p) => p.record.type === 'source');
    expect(sources.length).toBeGreaterThan(0);
    for (const page of sources) {
      const { mentioned } = parts(page.content);
      const allowed = new Set([...page.named, ...outletTopics(corpus!, [page.record.id])].flatMap((id) => tokensOf(id).flat()));
      expect(mentioned.filter((w) => !allowed.has(w)), page.url).toEqual([]);
    }
  });

  it('a page naming Turkey in any spelling the register lists is indexed under تركيا and Turkey', () => {
    const naming = [...pages.values()].filter((p) => p.named.has('turkey'));
    // Sources, briefings and topic pages alike, in both languages.
    expect(new Set(naming.map((p) => `${p.record.lang} ${p.record.type}`)).size).toBe(6);
    for (const page of naming) {
      const { text, mentioned } = parts(page.content);
      const words = [...text, ...mentioned];
      expect(words, page.url).toContain(analyzer.token('تركيا'));
      expect(words, page.url).toContain(analyzer.token('Turkey'));
    }
  });

  it('briefings keep the names of their topics, topic pages those of their related topics (both shown as links)', () => {
    const linked = [...pages.values()].filter((p) => p.record.type !== 'source' && p.record.links.includes('turkey') && p.record.ownTopic !== 'turkey');
    expect(linked.some((p) => p.record.type === 'briefing')).toBe(true);
    expect(linked.some((p) => p.record.type === 'topic')).toBe(true);
    for (const page of linked) {
      const { text, mentioned } = parts(page.content);
      expect([...text, ...mentioned], page.url).toContain(analyzer.token('Turkey'));
    }
  });
});

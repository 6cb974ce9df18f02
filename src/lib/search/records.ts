/**
 * What the search index holds, built from the corpus (not from rendered pages, so page chrome
 * never enters the index): one record per briefing, source page and topic page in each language,
 * split into sections that results can link to (`#summary`, `#p12`, …).
 */
import { t, type Lang } from '../../i18n/index.ts';
import { citationText } from '../citations.ts';
import type { Corpus } from '../corpus/index.ts';
import { routes } from '../urls.ts';

export type RecordType = 'briefing' | 'source' | 'topic';

export interface SearchSection {
  /** Element id on the page ('' for the top of the page). */
  anchor: string;
  heading: string;
  text: string;
}

export interface SearchRecord {
  lang: Lang;
  url: string;
  type: RecordType;
  /** The briefing, source or topic id (a briefing and its source share one). */
  id: string;
  title: string;
  sections: SearchSection[];
  /**
   * Topic ids the page is about or links to: the topic filter's pages. A source page's are the
   * topics of the briefings citing it.
   */
  topics: string[];
  /**
   * Topic ids the page itself shows links to (a briefing's topics, a topic page's own and
   * related topics, a source page's outlets). Their names are indexed with the page
   * (index-document.ts) though its text may not say them; what only the briefings citing a
   * source are about is not: the source page neither says nor shows it.
   */
  links: string[];
  /** Outlet names (in the page language) of the sources behind the page. */
  outlets: string[];
  /** The topic a topic page is about. */
  ownTopic?: string;
}

/** Elements that break the flow of text: their tags read as a space. */
const BLOCK_TAG = /<\/?(?:address|article|aside|blockquote|br|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|ol|p|section|summary|table|td|th|tr|ul)\b[^>]*>/gi;
const ENTITY: Record<string, string> = { quot: '"', apos: "'", lt: '<', gt: '>', amp: '&', nbsp: '\u00a0' };

/**
 * The text of rendered HTML as a reader sees it: citation marks left out (with the no-break space
 * that binds them to the word before, so «الأرض [@4].» reads «الأرض.»; their outlet names and
 * paragraph numbers would otherwise be indexed in every cited sentence), inline markup
 * (links, emphasis, bidi isolation) removed without adding or dropping a space («من قطر ومصر»
 * stays one phrase), block boundaries read as one space.
 */
export function plainText(html: string): string {
  return html
    .replace(/\s*<span class="cites">[\s\S]*?<\/span>/g, '')
    .replace(BLOCK_TAG, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) =>
      name.startsWith('#') ? String.fromCodePoint(Number.parseInt(name.slice(name[1] === 'x' || name[1] === 'X' ? 2 : 1), name[1] === 'x' || name[1] === 'X' ? 16 : 10)) : ENTITY[name.toLowerCase()] ?? whole,
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits rendered briefing HTML at its `<h2 id>` / `<h3 id>` headings. */
function htmlSections(html: string): SearchSection[] {
  const parts = html.split(/(?=<h[23] id=")/);
  return parts.flatMap((part) => {
    const m = /^<h[23] id="([^"]+)">([\s\S]*?)<\/h[23]>/.exec(part);
    const text = plainText(m ? part.slice(m[0].length) : part);
    return text ? [{ anchor: m?.[1] ?? '', heading: m ? plainText(m[2] ?? '') : '', text }] : [];
  });
}

/** The outlets with a topic of their own (publisher, original reporting) of the sources, as their pages link them. */
function* outletsOf(corpus: Corpus, sourceIds: readonly string[]) {
  for (const id of sourceIds) {
    const record = corpus.sources.get(id)?.record;
    if (record) for (const outlet of [record.publisher, ...record.original]) if (outlet.topic) yield { topic: outlet.topic, name: outlet.name };
  }
}

/** The topic ids of the sources' outlets (their pages link them). */
export const outletTopics = (corpus: Corpus, sourceIds: readonly string[]): string[] => [...new Set([...outletsOf(corpus, sourceIds)].map((o) => o.topic))];

export const outletNames = (corpus: Corpus, lang: Lang, sourceIds: readonly string[]): string[] => [...new Set([...outletsOf(corpus, sourceIds)].map((o) => o.name[lang]))].sort();

/**
 * A page's search record before it is made: what a page's entry in the search page's data needs
 * (URL, type, topics), the values the record is made from (`inputs`), and `record()`, which makes
 * it from those values alone. The documents' cache (documents.ts) keys a page's document on its
 * inputs, so an unchanged page's text is never extracted again: everything `record()` reads
 * besides the code and the language must be in `inputs` (records, which content-hash.ts hashes
 * once per build, stand for all their fields).
 */
export interface RecordSource {
  url: string;
  type: RecordType;
  topics: string[];
  inputs: readonly unknown[];
  record(): SearchRecord;
}

/**
 * One language's record sources, one at a time (URLs are root-relative: the client adds the
 * base), briefings, then sources, then topics.
 */
export function* languageRecordSources(corpus: Corpus, lang: Lang): Generator<RecordSource> {
  for (const b of corpus.briefings[lang]) {
    const url = routes.briefing(lang, b.id);
    const topics = [...b.data.topics];
    const outlets = outletNames(corpus, lang, b.data.sources);
    yield {
      url,
      type: 'briefing',
      topics,
      inputs: [lang, url, 'briefing', b, outlets],
      record: () => ({
        lang,
        url,
        type: 'briefing',
        id: b.id,
        title: b.data.title,
        sections: [
          { anchor: '', heading: '', text: b.data.dek },
          // One section per key point, event and stance: an excerpt never joins texts the page
          // shows apart.
          ...b.keyPoints.map((k) => ({ anchor: 'key-points', heading: t(lang, 'briefing.keyPoints'), text: plainText(k.html) })),
          ...htmlSections(b.html),
          ...b.events.map((e) => ({ anchor: 'events', heading: t(lang, 'briefing.events'), text: plainText(e.html) })),
        ],
        topics: [...topics],
        links: [...topics],
        outlets,
      }),
    };
  }
  for (const source of corpus.sources.values()) {
    const url = routes.source(lang, source.id);
    const topics = [...new Set(corpus.citing(lang, source.id).flatMap((b) => b.data.topics))];
    const links = outletTopics(corpus, [source.id]);
    const outlets = outletNames(corpus, lang, [source.id]);
    yield {
      url,
      type: 'source',
      topics,
      inputs: [lang, url, 'source', source, topics, links, outlets],
      record: () => ({
        lang,
        url,
        type: 'source',
        id: source.id,
        title: source.record.headline[lang],
        sections: source.paragraphs.map((p) => ({
          anchor: `p${p.n}`,
          // A paragraph reads as a citation of it does: the outlet and ¶ ("Axios ¶5").
          heading: citationText(source.outlet[lang], { from: p.n, to: p.n }),
          // English pages show the Arabic original beside the translation, but only the translation
          // is indexed there: the original is the Arabic page's text, and doubling an English source
          // page's length in Arabic words buried it under shorter pages in every English search.
          text: lang === 'ar' ? p.text : source.translation.get(p.n) ?? '',
        })),
        topics: [...topics],
        links,
        outlets,
      }),
    };
  }
  for (const topic of corpus.topics.values()) {
    const r = topic.record;
    const url = routes.topic(lang, topic.id);
    const topics = [topic.id, ...corpus.related(topic.id)];
    yield {
      url,
      type: 'topic',
      topics,
      inputs: [lang, url, 'topic', topic, topics],
      record: () => ({
        lang,
        url,
        type: 'topic',
        id: topic.id,
        title: r.name[lang],
        sections: [
          { anchor: 'about', heading: t(lang, 'topic.description'), text: r.description[lang] },
          ...r.stances.map((s) => ({ anchor: 'stances', heading: t(lang, 'topic.stances', { name: r.name[lang] }), text: s.stance[lang] })),
        ],
        topics: [...topics],
        links: [...topics],
        outlets: [],
        ownTopic: topic.id,
      }),
    };
  }
}

/**
 * One language's records, one at a time. The index writer turns each into a document and hands
 * it to Pagefind before building the next, so a large corpus never has all its records, with
 * their full text, in memory at once.
 */
export function* languageRecords(corpus: Corpus, lang: Lang): Generator<SearchRecord> {
  for (const source of languageRecordSources(corpus, lang)) yield source.record();
}

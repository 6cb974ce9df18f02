/**
 * What the search index holds, built from the corpus (not from rendered pages, so page chrome
 * never enters the index): one record per briefing, source page and topic page in each language,
 * split into sections that results can link to (`#summary`, `#p12`, …).
 */
import { t, type Lang } from '../../i18n/index.ts';
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
  title: string;
  sections: SearchSection[];
  /** Topic ids the page is about or links to. */
  topics: string[];
  /** Outlet names (in the page language) of the sources behind the page. */
  outlets: string[];
  /** The topic a topic page is about. */
  ownTopic?: string;
}

export function plainText(html: string): string {
  return html
    .replace(/<span class="cites">[\s\S]*?<\/span>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
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

export function outletNames(corpus: Corpus, lang: Lang, sourceIds: readonly string[]): string[] {
  const names = new Set<string>();
  for (const id of sourceIds) {
    const record = corpus.sources.get(id)?.record;
    if (!record) continue;
    for (const outlet of [record.publisher, ...record.original]) if (outlet.topic) names.add(outlet.name[lang]);
  }
  return [...names].sort();
}

/**
 * One language's records, one at a time (URLs are root-relative: the client adds the base). The
 * index writer turns each into a document and hands it to Pagefind before building the next, so
 * a large corpus never has all its records, with their full text, in memory at once.
 */
export function* languageRecords(corpus: Corpus, lang: Lang): Generator<SearchRecord> {
  for (const b of corpus.briefings[lang]) {
    yield {
      lang,
      url: routes.briefing(lang, b.id),
      type: 'briefing',
      title: b.data.title,
      sections: [
        { anchor: '', heading: '', text: b.data.dek },
        { anchor: 'key-points', heading: t(lang, 'briefing.keyPoints'), text: b.keyPoints.map((k) => plainText(k.html)).join(' ') },
        ...htmlSections(b.html),
        ...(b.events.length ? [{ anchor: 'events', heading: t(lang, 'briefing.events'), text: b.events.map((e) => plainText(e.html)).join(' ') }] : []),
      ],
      topics: [...b.data.topics],
      outlets: outletNames(corpus, lang, b.data.sources),
    };
  }
  for (const source of corpus.sources.values()) {
    const citedBy = corpus.citing(lang, source.id);
    yield {
      lang,
      url: routes.source(lang, source.id),
      type: 'source',
      title: source.record.headline[lang],
      sections: source.paragraphs.map((p) => ({
        anchor: `p${p.n}`,
        heading: `¶${p.n}`,
        // English pages show the Arabic original beside the translation: both are searchable.
        text: lang === 'ar' ? p.text : `${source.translation.get(p.n) ?? ''} ${p.text}`,
      })),
      topics: [...new Set(citedBy.flatMap((b) => b.data.topics))],
      outlets: outletNames(corpus, lang, [source.id]),
    };
  }
  for (const topic of corpus.topics.values()) {
    const r = topic.record;
    yield {
      lang,
      url: routes.topic(lang, topic.id),
      type: 'topic',
      title: r.name[lang],
      sections: [
        { anchor: 'about', heading: t(lang, 'topic.description'), text: r.description[lang] },
        ...(r.stances.length ? [{ anchor: 'stances', heading: t(lang, 'topic.stances'), text: r.stances.map((s) => s.stance[lang]).join(' ') }] : []),
      ],
      topics: [topic.id, ...corpus.related(topic.id)],
      outlets: [],
      ownTopic: topic.id,
    };
  }
}

/**
 * The corpus: every content file read, validated and cross-linked exactly once per process.
 * Pages call `getCorpus()`; backlinks, the timeline and "cited by" lists are computed here once
 * instead of per page, so build time per page stays flat as the corpus grows.
 */
import { LANGS, type Lang } from '../../i18n/locales.ts';
import { compareIso } from '../dates.ts';
import { ContentError, hint, type ContentProblem } from '../problems.ts';
import { projectRoot } from './files.ts';
import { loadBriefings, resolveCitation } from './load-briefings.ts';
import { loadSources } from './load-sources.ts';
import { loadTopics } from './load-topics.ts';
import { loadPages } from './load-pages.ts';
import type { Briefing, Corpus, RenderedEvent, Source, Topic } from './model.ts';
import type { YamlSource } from '../yaml-source.ts';

export type * from './model.ts';

function checkTopicReferences(topics: Map<string, Topic>, yaml: Map<string, YamlSource>, sources: Map<string, Source>, problems: ContentProblem[]): void {
  for (const topic of topics.values()) {
    const lines = yaml.get(topic.id)!;
    topic.record.related.forEach((other, i) => {
      if (!topics.has(other)) problems.push({ file: topic.file, line: lines.lineOf(['related', i]), message: `unknown related topic "${other}"${hint(other, topics.keys())}`, fix: 'use the id of a file in content/topics/' });
      if (other === topic.id) problems.push({ file: topic.file, line: lines.lineOf(['related', i]), message: 'a topic lists itself as related', fix: 'remove it from "related:"' });
    });
    topic.record.stances.forEach((stance, i) => {
      if (!sources.has(stance.source)) {
        problems.push({ file: topic.file, line: lines.lineOf(['stances', i, 'source']), message: `unknown source "${stance.source}"${hint(stance.source, sources.keys())}`, fix: 'use the id of a file in content/sources/' });
        return;
      }
      stance.cite.forEach((raw, j) => {
        const resolved = resolveCitation(raw, 'en', [stance.source], sources, new Map());
        if (typeof resolved === 'string') problems.push({ file: topic.file, line: lines.lineOf(['stances', i, 'cite', j]), message: resolved, fix: 'cite a paragraph of the stance\'s own source (npm run paragraphs -- <source-id>)' });
      });
    });
  }
}

function checkSourceReferences(sources: Map<string, Source>, topics: Map<string, Topic>, problems: ContentProblem[]): void {
  for (const source of sources.values()) {
    for (const outlet of [source.record.publisher, ...source.record.original]) {
      if (outlet.topic && !topics.has(outlet.topic)) problems.push({ file: source.file, message: `unknown outlet topic "${outlet.topic}"${hint(outlet.topic, topics.keys())}`, fix: 'use the id of a file in content/topics/ or remove "topic"' });
    }
  }
}

/** Counterparts must say the same things: same sources, topics, citations, events and sections. */
function checkParity(briefings: Record<Lang, Briefing[]>, problems: ContentProblem[]): void {
  const [first, ...rest] = LANGS;
  if (!first) return;
  for (const a of briefings[first]) {
    for (const lang of rest) {
      const b = briefings[lang].find((x) => x.id === a.id);
      if (!b) continue;
      const same = (what: string, x: unknown, y: unknown, fix: string) => {
        if (JSON.stringify(x) !== JSON.stringify(y)) problems.push({ file: b.file, line: 1, message: `${what} differ from ${a.file}: ${JSON.stringify(y)} vs ${JSON.stringify(x)}`, fix });
      };
      same('sources', a.data.sources, b.data.sources, 'list the same sources in the same order in both languages');
      same('date', a.data.date, b.data.date, 'use the same date in both languages');
      same('topics', [...a.data.topics].sort(), [...b.data.topics].sort(), 'list the same topics in both languages');
      same('key point citations', a.data.keyPoints.map((k) => k.cite), b.data.keyPoints.map((k) => k.cite), 'give both languages the same key points, in the same order, with the same citations');
      same('events', a.data.events.map((e) => [e.date, e.status, e.cite]), b.data.events.map((e) => [e.date, e.status, e.cite]), 'give both languages the same events (date, status, citations) in the same order');
      same('section ids', a.headings.map((h) => h.id), b.headings.map((h) => h.id), 'use the same {#id} headings, in the same order, in both languages');
    }
  }
}

function sortBriefings(list: Briefing[]): Briefing[] {
  return list.sort((x, y) => compareIso(y.data.date, x.data.date) || x.id.localeCompare(y.id));
}

/** Loads and validates everything; throws a ContentError listing every problem found. */
export function loadCorpus(root = projectRoot()): { corpus?: Corpus; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const sources = loadSources(root, problems);
  const { topics, yaml } = loadTopics(root, problems);
  checkTopicReferences(topics, yaml, sources, problems);
  checkSourceReferences(sources, topics, problems);
  const briefings = loadBriefings(root, sources, topics, problems);
  checkParity(briefings, problems);
  const pages = loadPages(root, sources, topics, problems);
  if (problems.length) return { problems };
  for (const lang of LANGS) sortBriefings(briefings[lang]);
  return { corpus: { ...buildIndexes(sources, topics, briefings), page: (lang, id) => pages.get(`${lang}/${id}`) }, problems };
}

function buildIndexes(sources: Map<string, Source>, topics: Map<string, Topic>, briefings: Record<Lang, Briefing[]>): Omit<Corpus, 'page'> {
  const byId = Object.fromEntries(LANGS.map((l) => [l, new Map(briefings[l].map((b) => [b.id, b]))])) as Record<Lang, Map<string, Briefing>>;
  const position = Object.fromEntries(LANGS.map((l) => [l, new Map(briefings[l].map((b, i) => [b.id, i]))])) as Record<Lang, Map<string, number>>;

  const backlinks = Object.fromEntries(LANGS.map((l) => [l, new Map<string, { briefing: Briefing; sentences: string[] }[]>()])) as Record<Lang, Map<string, { briefing: Briefing; sentences: string[] }[]>>;
  for (const lang of LANGS) {
    for (const briefing of briefings[lang]) {
      const perTopic = new Map<string, string[]>();
      for (const m of briefing.mentions) {
        const list = perTopic.get(m.topic) ?? [];
        if (!list.includes(m.sentence)) list.push(m.sentence);
        perTopic.set(m.topic, list);
      }
      for (const [topic, sentences] of perTopic) {
        const list = backlinks[lang].get(topic) ?? [];
        list.push({ briefing, sentences });
        backlinks[lang].set(topic, list);
      }
    }
  }

  const related = new Map<string, Set<string>>();
  for (const topic of topics.values()) {
    for (const other of topic.record.related) {
      if (!related.has(topic.id)) related.set(topic.id, new Set());
      if (!related.has(other)) related.set(other, new Set());
      related.get(topic.id)!.add(other);
      related.get(other)!.add(topic.id);
    }
  }

  const timeline = Object.fromEntries(
    LANGS.map((l) => [l, briefings[l].flatMap((b) => b.events).sort((x, y) => compareIso(x.date, y.date) || x.briefing.localeCompare(y.briefing))]),
  ) as Record<Lang, RenderedEvent[]>;

  const citing = Object.fromEntries(
    LANGS.map((l) => {
      const map = new Map<string, Briefing[]>();
      for (const b of briefings[l]) for (const s of b.data.sources) map.set(s, [...(map.get(s) ?? []), b]);
      return [l, map];
    }),
  ) as Record<Lang, Map<string, Briefing[]>>;

  return {
    sources,
    topics,
    briefings,
    briefing: (lang, id) => byId[lang].get(id),
    neighbours: (lang, id) => {
      const i = position[lang].get(id);
      if (i === undefined) return { older: undefined, newer: undefined };
      // The list is newest first.
      return { older: briefings[lang][i + 1], newer: i > 0 ? briefings[lang][i - 1] : undefined };
    },
    backlinks: (lang, topic) => backlinks[lang].get(topic) ?? [],
    related: (topic) => [...(related.get(topic) ?? [])].sort(),
    timeline: (lang) => timeline[lang],
    citing: (lang, source) => citing[lang].get(source) ?? [],
  };
}

/**
 * Astro loads this module twice in a build: once bundled for rendering pages and once from the
 * config for the integrations (search index, cards, images). A process-wide slot lets both use
 * the one corpus instead of reading and holding it twice. `astro dev` re-reads on every load.
 */
const shared = globalThis as typeof globalThis & { __briefingsCorpus?: Map<string, Corpus> };

/** The corpus for page rendering; a content problem stops the build with every problem listed. */
export function getCorpus(): Corpus {
  const root = projectRoot();
  const reuse = process.env.NODE_ENV === 'production';
  const hit = reuse ? shared.__briefingsCorpus?.get(root) : undefined;
  if (hit) return hit;
  const { corpus, problems } = loadCorpus(root);
  if (!corpus) throw new ContentError(problems);
  if (reuse) (shared.__briefingsCorpus ??= new Map()).set(root, corpus);
  return corpus;
}

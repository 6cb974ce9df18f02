/**
 * The corpus: every content file read, validated and cross-linked exactly once per process.
 * Pages call `getCorpus()`; backlinks, the timeline and "cited by" lists are computed here once
 * instead of per page, so build time per page stays flat as the corpus grows.
 */
import { LANGS, type Lang } from '../../i18n/locales.ts';
import { runRules } from '../check/run.ts';
import type { Content } from '../check/types.ts';
import { compareIso } from '../dates.ts';
import { hashedOnce } from '../content-hash.ts';
import { knownUpTo, timelineStatus } from '../timeline.ts';
import { ContentError, hint, isBlocking, sortProblems, type ContentProblem } from '../problems.ts';
import { devPreview } from './dev-preview.ts';
import { citationsOfDrafts, findDrafts, labelDraftProblems, type Draft } from './drafts.ts';
import { join, listFiles, projectRoot, readOnce } from './files.ts';
import { loadBriefings, resolveCitation } from './load-briefings.ts';
import { loadSources, type LoadedSource } from './load-sources.ts';
import { loadTopics, type LoadedTopic } from './load-topics.ts';
import { renderTopicContext } from './topic-context.ts';
import { loadPages } from './load-pages.ts';
import { linkAlignment } from '../editorial/alignment.ts';
import type { Briefing, BriefingHead, BriefingLink, Corpus, DraftNote, Page, RenderedEvent, Source, Topic } from './model.ts';
import { trackedCorpus } from './page-deps.ts';
import { timelinePages } from './timeline-pages.ts';
import { whatsNew } from '../whats-new.ts';
import { sharedSlot, sharedState } from '../shared-state.ts';

export type * from './model.ts';
export type { Draft } from './drafts.ts';

function checkTopicReferences(topics: Map<string, LoadedTopic>, sources: Map<string, Source>, problems: ContentProblem[]): void {
  for (const { topic, record: { yaml, flawed } } of topics.values()) {
    topic.record.related.forEach((other, i) => {
      if (flawed(['related', i])) return;
      if (!topics.has(other)) problems.push({ file: topic.file, line: yaml.lineOf(['related', i]), message: `unknown related topic "${other}"${hint(other, topics.keys())}`, fix: 'use the id of a file in content/topics/' });
      if (other === topic.id) problems.push({ file: topic.file, line: yaml.lineOf(['related', i]), message: 'a topic lists itself as related', fix: 'remove it from "related:"' });
    });
    topic.record.stances.forEach((stance, i) => {
      if (flawed(['stances', i, 'source'])) return;
      if (!sources.has(stance.source)) {
        problems.push({ file: topic.file, line: yaml.lineOf(['stances', i, 'source']), message: `unknown source "${stance.source}"${hint(stance.source, sources.keys())}`, fix: 'use the id of a file in content/sources/' });
        return;
      }
      stance.cite.forEach((raw, j) => {
        const resolved = resolveCitation(raw, 'en', [stance.source], sources);
        if (typeof resolved === 'string') problems.push({ file: topic.file, line: yaml.lineOf(['stances', i, 'cite', j]), message: resolved, fix: `cite a paragraph of the stance's own source (npm run paragraphs -- ${stance.source} lists them)` });
      });
    });
  }
}

function checkSourceReferences(sources: Map<string, LoadedSource>, topics: Map<string, LoadedTopic>, problems: ContentProblem[]): void {
  for (const { source, record } of sources.values()) {
    const outlets: [(string | number)[], { topic?: string | undefined }][] = [[['publisher'], source.record.publisher], ...source.record.original.map((o, i) => [['original', i], o] as [(string | number)[], typeof o])];
    for (const [path, outlet] of outlets) {
      if (outlet.topic && !topics.has(outlet.topic) && !record.flawed([...path, 'topic'])) problems.push({ file: source.file, line: record.yaml.lineOf([...path, 'topic']), message: `unknown outlet topic "${outlet.topic}"${hint(outlet.topic, topics.keys())}`, fix: 'use the id of a file in content/topics/, or remove "topic"' });
    }
  }
}

function sortBriefings(list: Briefing[]): Briefing[] {
  return list.sort((x, y) => compareIso(y.data.date, x.data.date) || x.id.localeCompare(y.id));
}

export interface LoadOptions {
  /** Keep drafts in the corpus (the dev server previews them); the build leaves them out. */
  drafts?: boolean;
}

export interface LoadResult {
  /** Everything that could be read; check `problems` before publishing it. */
  corpus: Corpus;
  /** Every problem, by file and line; `isBlocking` tells the ones that stop a build. */
  problems: ContentProblem[];
}

/** Reads, validates and cross-links everything, and runs every editorial rule, in one pass. */
export function loadCorpus(root = projectRoot(), options: LoadOptions = {}): LoadResult {
  // Loaders and checks read many files twice: once from disk (files.ts readOnce).
  return readOnce(() => load(root, options));
}

function load(root: string, options: LoadOptions): LoadResult {
  const problems: ContentProblem[] = [];
  const sources = loadSources(root, problems);
  const topics = loadTopics(root, problems);
  const plainSources = new Map([...sources].map(([id, s]) => [id, s.source]));
  const plainTopics = new Map([...topics].map(([id, t]) => [id, t.topic]));
  checkTopicReferences(topics, plainSources, problems);
  for (const loaded of topics.values()) {
    const contextHtml = renderTopicContext(loaded, plainTopics, plainSources, problems);
    if (contextHtml) loaded.topic.contextHtml = contextHtml;
  }
  checkSourceReferences(sources, topics, problems);
  const briefings = loadBriefings(root, plainSources, plainTopics, problems);
  linkAlignment(Object.fromEntries(LANGS.map((l) => [l, briefings[l].map((b) => b.briefing)])) as Record<Lang, Briefing[]>);
  const pages = loadPages(root, plainSources, plainTopics, problems);
  const content: Content = { root, sources, topics, briefings, seeds: listFiles(join(root, 'seeds'), '.txt') };
  problems.push(...runRules(content));
  const drafts = findDrafts(content);
  problems.push(...citationsOfDrafts(content, drafts));
  labelDraftProblems(problems, drafts);
  for (const p of problems) p.severity ??= 'error';
  const sorted = sortProblems(problems);

  const include = options.drafts ?? false;
  const note = (d: Draft | undefined, also?: Draft): DraftNote | undefined =>
    d && { reasons: d.reasons, problems: sorted.filter((p) => d.files.includes(p.file) || (also?.files.includes(p.file) ?? false)) };
  const keptSources = new Map<string, Source>();
  for (const [id, s] of sources) {
    const d = drafts.sources.get(id);
    if (d && !include) continue;
    const draft = note(d);
    keptSources.set(id, draft ? { ...s.source, draft } : s.source);
  }
  const keptTopics = new Map<string, Topic>();
  for (const [id, { topic }] of topics) {
    // A stance of a source the build leaves out goes with it.
    const stances = topic.record.stances.filter((st) => keptSources.has(st.source));
    keptTopics.set(id, stances.length === topic.record.stances.length ? topic : { ...topic, record: { ...topic.record, stances } });
  }
  // What the timeline knows up to, of the sources it publishes (a draft's date does not count).
  const knownAsOf = knownUpTo([...keptSources.values()].map((s) => s.record.published.date));
  const keptBriefings = Object.fromEntries(LANGS.map((lang) => [lang, briefings[lang].flatMap(({ briefing }): Briefing[] => {
    const d = drafts.briefings.get(briefing.id);
    if (d && !include) return [];
    const draft = note(d, drafts.sources.get(briefing.id));
    // Pages rely on every listed source and topic existing; only a draft can break that.
    const data = draft ? { ...briefing.data, sources: briefing.data.sources.filter((x) => keptSources.has(x)), topics: briefing.data.topics.filter((x) => keptTopics.has(x)) } : briefing.data;
    // Each event's status and outlet, decided once here for every page that shows it (model.ts RenderedEvent).
    const outlet = keptSources.get(data.sources[0] ?? '')?.outlet[lang] ?? '';
    // Each event is hashed once for the cache keys of every page showing it (content-hash.ts).
    const events = briefing.events.map((e) => hashedOnce({ ...e, timelineStatus: timelineStatus({ ...e, confirmed: e.confirmations.length > 0 }, knownAsOf), outlet }));
    return [{ ...briefing, data, events, ...(draft ? { draft } : {}) }];
  })])) as Record<Lang, Briefing[]>;
  for (const lang of LANGS) sortBriefings(keptBriefings[lang]);
  const found = [...drafts.sources.values(), ...drafts.briefings.values()];
  return { corpus: { ...buildIndexes(keptSources, keptTopics, keptBriefings, knownAsOf), page: pageLookup(pages), drafts: found }, problems: sorted };
}

/**
 * `corpus.page`, made out here: a closure made inside `load` would share its scope, which V8
 * keeps whole for every closure made there, and so hold every loaded file's text, YAML and checks'
 * data for as long as the corpus lives (at 1,000 bench sources 60 MB of a 253 MB heap).
 */
function pageLookup(pages: Map<string, Page>): Corpus['page'] {
  return (lang, id) => pages.get(`${lang}/${id}`);
}

function buildIndexes(sources: Map<string, Source>, topics: Map<string, Topic>, briefings: Record<Lang, Briefing[]>, knownAsOf: string): Omit<Corpus, 'page' | 'drafts'> {
  const byId = Object.fromEntries(LANGS.map((l) => [l, new Map(briefings[l].map((b) => [b.id, b]))])) as Record<Lang, Map<string, Briefing>>;
  const position = Object.fromEntries(LANGS.map((l) => [l, new Map(briefings[l].map((b, i) => [b.id, i]))])) as Record<Lang, Map<string, number>>;
  const heads = Object.fromEntries(LANGS.map((l) => [l, briefings[l].map((b): BriefingHead => ({ id: b.id, data: { title: b.data.title, date: b.data.date, sources: b.data.sources } }))])) as Record<Lang, BriefingHead[]>;
  const linkTo = (b: Briefing | undefined): BriefingLink | undefined => b && { id: b.id, title: b.data.title };

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
      // Appended in place: a copy per citing briefing was quadratic in a source's citations.
      for (const b of briefings[l]) {
        for (const s of b.data.sources) {
          const list = map.get(s);
          if (list) list.push(b);
          else map.set(s, [b]);
        }
      }
      return [l, map];
    }),
  ) as Record<Lang, Map<string, Briefing[]>>;

  // source id → paragraph n → the briefings citing it, each with the first section citing it.
  const citingParagraphs = Object.fromEntries(
    LANGS.map((l) => {
      const map = new Map<string, Map<number, { briefing: Briefing; anchor: string }[]>>();
      for (const b of briefings[l]) {
        for (const { anchor, citation } of b.cited) {
          let paragraphs = map.get(citation.source);
          if (!paragraphs) map.set(citation.source, (paragraphs = new Map()));
          for (let n = citation.from; n <= citation.to; n++) {
            const list = paragraphs.get(n);
            if (!list) paragraphs.set(n, [{ briefing: b, anchor }]);
            // Briefings are added one after another: if b is in the list, it is the last.
            else if (list[list.length - 1]!.briefing !== b) list.push({ briefing: b, anchor });
          }
        }
      }
      return [l, map];
    }),
  ) as Record<Lang, Map<string, Map<number, { briefing: Briefing; anchor: string }[]>>>;
  const noParagraphs: ReadonlyMap<number, { briefing: Briefing; anchor: string }[]> = new Map();

  const timelineIndexes = timelinePages(timeline);
  return {
    sources,
    topics,
    briefings,
    // Computed from the untracked lists, so a page records this one call (page-deps.ts).
    whatsNew: (lang, limit, maxEvents) => whatsNew({ briefings, sources, latestEvents: timelineIndexes.latestEvents }, lang, { limit, maxEvents }),
    briefing: (lang, id) => byId[lang].get(id),
    hasBriefing: (lang, id) => byId[lang].has(id),
    briefingHeads: (lang) => heads[lang],
    latestBriefings: (lang, count, except) => briefings[lang].filter((b) => b.id !== except).slice(0, count),
    neighbours: (lang, id) => {
      const i = position[lang].get(id);
      if (i === undefined) return { older: undefined, newer: undefined };
      // The list is newest first.
      return { older: linkTo(briefings[lang][i + 1]), newer: i > 0 ? linkTo(briefings[lang][i - 1]) : undefined };
    },
    alignmentWith: (lang, id, other) => byId[lang].get(id)?.alignment.with[other],
    mentioning: (lang, topic) => (backlinks[lang].get(topic) ?? []).map(({ briefing }) => briefing),
    mentionedIn: (lang, topic) => (backlinks[lang].get(topic) ?? []).map(({ briefing, sentences }) => ({ id: briefing.id, title: briefing.data.title, sentences })),
    related: (topic) => [...(related.get(topic) ?? [])].sort(),
    timeline: (lang) => timeline[lang],
    knownUpTo: knownAsOf,
    ...timelineIndexes,
    citing: (lang, source) => citing[lang].get(source) ?? [],
    citingParagraphs: (lang, source) => citingParagraphs[lang].get(source) ?? noParagraphs,
  };
}

/**
 * Astro loads this module twice in a build: once bundled for rendering pages and once from the
 * config for the integrations (search index, cards, images). A process-wide slot lets both use
 * the one corpus instead of reading and holding it twice. The dev server keeps one corpus until
 * a file under content/ or seeds/ changes (src/integrations/editor-loop.ts counts the changes).
 */
const corpora = sharedSlot<Map<string, Corpus>>('__briefingsCorpus');

/**
 * The dev server's corpus lives in this module, not on globalThis, so that editing the loaders
 * or a rule (which makes Vite load this module afresh) also re-reads the content.
 */
let devCache: { key: string; corpus: Corpus } | undefined;

/**
 * The corpus for page rendering. Errors in published content stop the build (and show the dev
 * server's overlay, opened on the first problem's file and line); drafts never do. The dev
 * server previews drafts; everything else leaves them out.
 */
export function getCorpus(): Corpus {
  const root = projectRoot();
  const dev = devPreview();
  const key = dev ? `${root}#${dev.generation}` : root;
  if (dev && devCache?.key === key) return devCache.corpus;
  const reuse = !dev && process.env.NODE_ENV === 'production';
  const hit = reuse ? corpora.get()?.get(key) : undefined;
  // A page being rendered gets a view that records what it reads (incremental builds).
  if (hit) return trackedCorpus(hit);
  const { corpus, problems } = loadCorpus(root, { drafts: dev !== undefined });
  const blocking = problems.filter(isBlocking);
  if (blocking.length) throw new ContentError(blocking, root);
  if (dev) devCache = { key, corpus };
  if (reuse) sharedState('__briefingsCorpus', () => new Map<string, Corpus>()).set(key, corpus);
  return trackedCorpus(corpus);
}

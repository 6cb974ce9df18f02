/**
 * From Pagefind's matches to the page's order of results (src/lib/search/rank.ts): runs the
 * searches a query needs (all its words; the same words as a phrase; each word alone when no page
 * has them all), applies the topic filter from its page list, picks the lead topic and spreads
 * the leading results across documents.
 */
import { adjusted, DIVERSITY_WINDOW, diversify, leadTopic, order, PAGE_SIZE, proximity, sourcesFirst, type Match } from '../../lib/search/rank.ts';
import type { Engine, Filters, Hit } from './engine.ts';

export interface Ranking {
  key: string;
  /** Page ids in result order. */
  ids: string[];
  hits: Map<string, Hit>;
  /** The lead topic's id, when the query names one. */
  lead?: string | undefined;
  /** No page has all the words: these pages have some of them. */
  partial: boolean;
}

let last: Ranking | undefined;

/** What is known of a ranking before the documents' data: its lead topic's page is first (see onLead). */
export interface LeadFirst {
  /** The lead topic's id. */
  lead: string;
  hit: Hit;
  /** How many results the ranking will have. */
  count: number;
}

/**
 * @param settled  resolves to true when the query is still the one to show and it is time to load
 *   page data (the reader has stopped typing), false when it is stale: then nothing is loaded and
 *   the ranking is undefined
 * @param onLead  called, once the query is settled and before the documents' data is fetched,
 *   when the results start with the lead topic's page: the documents' order waits for their data,
 *   but the lead is first whatever it says (diversify and sourcesFirst move documents only), so
 *   the page can show it as soon as its own data is in
 */
export async function rankHits(engine: Engine, query: string, filters: Filters, settled: () => Promise<boolean> = async () => true, onLead?: (first: LeadFirst) => void): Promise<Ranking | undefined> {
  const asked = engine.analyzer.queryTerms(query);
  const key = JSON.stringify([asked, filters]);
  if (last?.key === key) return last;
  const [missing, found, phrased, allowed] = await Promise.all([
    engine.absent(asked),
    engine.search(asked, filters),
    asked.length > 1 ? engine.search(asked, filters, true) : Promise.resolve([]),
    filters.topic ? engine.topicPages(filters.topic) : Promise.resolve(undefined),
  ]);
  // Words no page has: the results are the other words' (Pagefind's answer for them all may hold
  // pages matched by a word only through a fallback too short to stand for it), said to be partial.
  const terms = asked.filter((t) => !missing.includes(t));
  const phrase = missing.length ? [] : phrased;
  let hits = !missing.length ? found : terms.length ? await engine.search(terms, filters) : [];
  let partial = missing.length > 0 && hits.length > 0;
  if (!hits.length && terms.length > 1) {
    // Some of the words: pages with more of them first, then by their summed score.
    const each = await Promise.all(terms.map((t) => engine.search([t], filters)));
    const merged = new Map<string, { hit: Hit; words: number; score: number }>();
    for (const list of each) for (const hit of list) {
      const m = merged.get(hit.id) ?? { hit, words: 0, score: 0 };
      m.words += 1;
      m.score += hit.score;
      merged.set(hit.id, m);
    }
    hits = [...merged.values()].sort((a, b) => b.words - a.words || b.score - a.score).map((m) => ({ ...m.hit, score: m.score * m.words ** 2 }));
    partial = hits.length > 0;
  }
  if (allowed) hits = hits.filter((h) => allowed.has(h.id));
  const topicOf = new Map(engine.data.topics.map((t) => [t.page, t.id]));
  const topicPage = new Map(engine.data.topics.map((t) => [t.id, t.page]));
  const phraseIds = new Set(phrase.map((h) => h.id));
  const matches: Match[] = hits.map((h) => ({ id: h.id, score: h.score, topic: topicOf.get(h.id), phrase: phraseIds.has(h.id), count: h.result.words.length, near: terms.length > 1 ? proximity(h.result.words) : 0 }));
  const byId = new Map(hits.map((h) => [h.id, h]));
  const unfiltered = !Object.values(filters).some(Boolean);
  const scoreOfTopic = new Map(matches.filter((m) => m.topic).map((m) => [m.topic!, m.score]));
  const lead = unfiltered && !partial ? leadTopic(terms, engine.data.topics, (id) => scoreOfTopic.get(id) ?? 0) : undefined;
  const leadId = lead && scoreOfTopic.has(lead) ? lead : undefined;
  let ids = order(matches, leadId);
  // The leading documents' data says which document each page is (a briefing and its source
  // are one): the first page of results spreads across documents, a phrase shows the source
  // before its briefing. So their data is loaded before the order is known: the data the page
  // shows next, after the same pause, in the same one round of requests.
  const isDocument = (id: string) => !topicOf.has(id);
  const leading = ids.filter(isDocument).slice(0, DIVERSITY_WINDOW);
  if (leading.length && !(await settled())) return undefined;
  const firstHit = leadId && ids[0] === topicPage.get(leadId) ? byId.get(ids[0]!) : undefined;
  if (leadId && firstHit && leading.length) onLead?.({ lead: leadId, hit: firstHit, count: ids.length });
  // The topic pages among the first results keep their places whatever the documents' data says
  // (diversify and sourcesFirst move documents only), so their data is fetched now, with the
  // documents': the first page of results then waits for one round of requests, not two.
  if (leading.length) for (const id of ids.slice(0, PAGE_SIZE)) if (!isDocument(id)) void engine.load(byId.get(id)!).catch(() => undefined);
  const pages = new Map(await Promise.all(leading.map(async (id) => [id, await engine.load(byId.get(id)!)] as const)));
  const page = (id: string) => {
    const p = pages.get(id);
    return p && { id: p.data.id, kind: p.data.k };
  };
  const score = new Map(matches.map((m) => [m.id, adjusted(m)]));
  ids = diversify(ids, (id) => score.get(id) ?? 0, (id) => page(id)?.id, isDocument);
  if (terms.length > 1) ids = sourcesFirst(ids, page, (id) => phraseIds.has(id));
  const ranking: Ranking = { key, ids, hits: byId, lead: leadId, partial };
  last = ranking;
  return ranking;
}

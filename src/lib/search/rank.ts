/**
 * Result order, as a reader expects it (pure; the search page feeds it Pagefind's matches):
 * 1. a lead result: the topic the query names, in any language or spelling (analysed tokens,
 *    so ترمب names ترامب), also by a word derived from the name (التركي, Turkish, Pakistani);
 * 2. then the documents (briefings and sources) that say the most about the query: Pagefind's
 *    score, raised for pages holding the query as an exact phrase;
 * 3. other topic pages, which are short and so rank high on any name they mention: none before
 *    the FIRST_DOCUMENTS best documents, at most TOPICS_PER_PAGE on a page of results; the rest
 *    follow, still reachable;
 * 4. on the first page of results, a second page of the same document (a briefing and its source)
 *    gives way to another document scoring at least half as much (SAME_DOCUMENT_FACTOR), whatever
 *    the query: a query its few documents answer shows each of them before a second page of one,
 *    and a common word shows several sources, not pairs of one;
 * 5. when a source holds the query as a phrase, it comes before its own briefing: its words are
 *    the evidence the briefing summarises.
 */

export const PAGE_SIZE = 10;

/** Lexicographic comparison of rank vectors: the first difference decides. */
export function better(a: number[], b: number[]): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! > b[k]!;
  return false;
}
/** Other topic pages allowed on one page of results (the lead not counted). */
export const TOPICS_PER_PAGE = 2;
/** Documents that come before any other topic page. */
export const FIRST_DOCUMENTS = 3;
/** A page holding the whole query as a phrase ranks as if it matched this much better. */
export const PHRASE_BOOST = 2;
/** Topic pages other than the lead compete with documents at this share of their score. */
export const TOPIC_FACTOR = 0.5;
/**
 * How much the number of matching words counts beside Pagefind's score. For a word on every page
 * (غزة, Hamas) Pagefind's score is flat, and how much a page says about it is what tells them apart.
 */
export const COUNT_WEIGHT = 0.3;
/**
 * Term proximity: for a query of several words, the share of a page's matching words that stand
 * next to another matching word (within two words) raises its score by up to this much. A source
 * paragraph that says the words together outranks a page that uses them apart.
 */
export const PROXIMITY_WEIGHT = 1;

/** The share of match positions with another match position within two words. */
export function proximity(positions: number[]): number {
  if (positions.length < 2) return 0;
  const sorted = [...positions].sort((a, b) => a - b);
  const near = sorted.filter((p, i) => (i > 0 && p - sorted[i - 1]! <= 2) || (i < sorted.length - 1 && sorted[i + 1]! - p <= 2)).length;
  return near / sorted.length;
}
/** A document's score is halved for each earlier result from the same document family. */
export const SAME_DOCUMENT_FACTOR = 0.5;
/**
 * How many leading documents are spread across documents (their data is loaded to know which
 * document each is): a page of results, whose data is shown next anyway.
 */
export const DIVERSITY_WINDOW = PAGE_SIZE;

export interface NameSource {
  id: string;
  /** Each name as analysed tokens. */
  names: string[][];
}

/** Endings that derive an adjective or people from an Arabic name (nisba): سعودي، الإماراتيين. */
export const ARABIC_NISBA_ENDINGS = ['ي', 'يه', 'يين', 'يون', 'يات'] as const;
/** Endings that derive an adjective or people from a Latin name (demonym): Emirati, Egyptian, Turkish. */
export const LATIN_DEMONYM_ENDINGS = ['i', 'is', 'ian', 'ians', 'an', 'ans', 'ish', 'ese', 'n', 's'] as const;
const ARABIC_NISBA = new RegExp(`^(?:${ARABIC_NISBA_ENDINGS.join('|')})$`);
const LATIN_DEMONYM = new RegExp(`^(?:${LATIN_DEMONYM_ENDINGS.join('|')})$`);

/** Whether a query token is a name token or a word derived from it (nisba, demonym). */
export function isNameWord(token: string, name: string): boolean {
  if (token === name) return true;
  if (name.length < 4) return false;
  const arabic = /[\u0621-\u064A]/.test(name);
  // The name itself, without a final vowel, and (Latin) without a plural ending: Emirates → Emirati.
  const stems = arabic ? [name, name.replace(/[اهي]+$/, '')] : [name, name.replace(/[aeiouy]+$/, ''), name.replace(/e?s$/, '')];
  return stems.some((stem) => {
    if (stem.length < (arabic ? 3 : 4) || !token.startsWith(stem)) return false;
    const rest = token.slice(stem.length);
    return arabic ? ARABIC_NISBA.test(rest) : (rest === '' && stem !== name) || LATIN_DEMONYM.test(rest);
  });
}

/** Tokens as runs of parts: hyphenated tokens split, so two-state meets «two state». */
const parts = (tokens: string[]) => tokens.flatMap((t) => t.split('-')).filter(Boolean);

/**
 * Whether query parts from `at` spell the name (written together or apart: peace-keeping,
 * peacekeeping; a single-word name also by a derived word, and the query's last word also as the
 * start of the name, as the reader may still be typing); returns how many parts it took, or 0.
 */
function spells(query: string[], at: number, name: string[]): number {
  if (name.length === 1 && isNameWord(query[at]!, name[0]!)) return 1;
  const target = name.join('');
  // Where the name's last word starts: a word still being typed may end inside it, not before.
  const last = target.length - name[name.length - 1]!.length;
  let acc = '';
  for (let j = at; j < query.length; j++) {
    acc += query[j];
    if (acc === target) return j - at + 1;
    if (!target.startsWith(acc)) return 0;
    if (j === query.length - 1 && acc.length - last >= 4) return j - at + 1;
  }
  return 0;
}

/**
 * How well a topic's names cover the query: `full` when a whole name is in the query (the
 * number of query words it covers), else `partial` when the whole query is in a name and is at
 * least half of it (قوة in «قوة الاستقرار», Gaza in «Gaza Strip»); 0 when neither.
 */
export function nameCoverage(tokens: string[], topic: NameSource): { full: number; partial: number } {
  const query = parts(tokens);
  let full = 0;
  let partial = 0;
  for (const names of topic.names) {
    const name = parts(names);
    for (let i = 0; i < query.length; i++) full = Math.max(full, spells(query, i, name));
    if (query.length < name.length && query.length * 2 >= name.length && name.some((_, i) => spells(name, i, query) > 0)) partial = query.length;
  }
  return { full: Math.min(full, query.length), partial };
}

/**
 * How strongly a topic is named by the query, as a rank vector (compare with `better`):
 * [1, full] when a whole name covers at least half of the query, else [0, partial] when the query
 * is a good part of a name (see `nameCoverage`); undefined when the topic does not qualify as a
 * lead. leadTopic and certainLead both rank by it, so they cannot disagree on what qualifies.
 */
export function topicRank(tokens: string[], topic: NameSource): number[] | undefined {
  const { full, partial } = nameCoverage(tokens, topic);
  const eligible = full > 0 && full * 2 >= parts(tokens).length;
  if (!eligible && !partial) return undefined;
  return [eligible ? 1 : 0, eligible ? full : partial];
}

/**
 * The topic the query names: one whose whole name covers at least half of the query (the most
 * covered first), else one whose name the query is a good part of; on a tie, the one Pagefind
 * scores higher for the whole query, then the register's order.
 */
export function leadTopic(tokens: string[], topics: NameSource[], scoreOf: (id: string) => number = () => 0): string | undefined {
  let best: { id: string; rank: number[] } | undefined;
  for (const topic of topics) {
    const named = topicRank(tokens, topic);
    if (!named) continue;
    const rank = [...named, scoreOf(topic.id)];
    if (!best || better(rank, best.rank)) best = { id: topic.id, rank };
  }
  return best?.id;
}

/**
 * The lead topic as the full search will pick it, known from the names alone (before Pagefind
 * has answered): undefined unless it is certain. leadTopic breaks a tie between topics that cover
 * the query equally by Pagefind's scores, and the search names a lead only when the topic's page
 * holds every word of the query (it is then among the matches, and no word is missing: not a
 * "some of the words" result). So the lead is certain when one topic covers the query better
 * than every other and each query token is a token of one of its names, which its page holds
 * (index-document.ts indexes a topic page's own names). A query spelling a name in other words
 * (joined, derived, still being typed) may still name it: then the full search decides.
 */
export function certainLead(tokens: string[], topics: NameSource[]): string | undefined {
  if (!parts(tokens).length) return undefined;
  let best: { topic: NameSource; rank: number[] } | undefined;
  let tied = false;
  for (const topic of topics) {
    const rank = topicRank(tokens, topic);
    if (!rank) continue;
    if (!best || better(rank, best.rank)) {
      best = { topic, rank };
      tied = false;
    } else if (!better(best.rank, rank)) tied = true;
  }
  if (!best || tied || best.rank[0] !== 1) return undefined;
  const held = new Set(best.topic.names.flat());
  return tokens.every((t) => held.has(t)) ? best.topic.id : undefined;
}

export interface Match {
  id: string;
  score: number;
  /** The topic a topic page is about; undefined for documents. */
  topic?: string | undefined;
  /** The page holds the query as an exact phrase. */
  phrase?: boolean | undefined;
  /** How many of its words matched. */
  count?: number | undefined;
  /** Term proximity (see `proximity`), for queries of several words. */
  near?: number | undefined;
}

/** The score results are ordered by (see the constants above). */
export const adjusted = (m: Match) =>
  m.score * (m.phrase ? PHRASE_BOOST : 1) * (1 + COUNT_WEIGHT * Math.log1p(m.count ?? 0)) * (1 + PROXIMITY_WEIGHT * (m.near ?? 0)) * (m.topic ? TOPIC_FACTOR : 1);

/**
 * The order of all matches: the lead topic's page first, documents by score, other topics capped
 * per page of results. Returns page ids.
 */
export function order(matches: Match[], lead?: string): string[] {
  const leadPage = lead ? matches.find((m) => m.topic === lead) : undefined;
  const rest = matches.filter((m) => m !== leadPage).sort((a, b) => adjusted(b) - adjusted(a));
  const out: string[] = leadPage ? [leadPage.id] : [];
  const waiting: Match[] = [];
  const topicIds = new Set(rest.filter((m) => m.topic).map((m) => m.id));
  const topicsOnPage = () => {
    const start = Math.floor(out.length / PAGE_SIZE) * PAGE_SIZE;
    return out.slice(start).filter((id) => topicIds.has(id)).length;
  };
  let documents = 0;
  for (const m of rest) {
    // A new page of results may take waiting topics first, in their order.
    while (waiting.length && documents >= FIRST_DOCUMENTS && topicsOnPage() < TOPICS_PER_PAGE && out.length % PAGE_SIZE === 0) out.push(waiting.shift()!.id);
    if (m.topic && (topicsOnPage() >= TOPICS_PER_PAGE || documents < FIRST_DOCUMENTS)) waiting.push(m);
    else {
      out.push(m.id);
      if (!m.topic) documents++;
      // Topics held back only for the first documents take their place as soon as they can.
      while (waiting.length && documents >= FIRST_DOCUMENTS && topicsOnPage() < TOPICS_PER_PAGE && adjusted(waiting[0]!) >= adjusted(m)) out.push(waiting.shift()!.id);
    }
  }
  for (const m of waiting) out.push(m.id);
  return out;
}

/**
 * Spreads the leading results across documents: within the first `window` documents of `ids`,
 * each next one is the best by score halved per earlier result of its family. Topics keep their
 * positions. `family` is undefined for ids whose data is not known (they keep their order).
 */
export function diversify(ids: string[], score: (id: string) => number, family: (id: string) => string | undefined, isDocument: (id: string) => boolean, window = DIVERSITY_WINDOW): string[] {
  const slots = ids.map((id, i) => ({ id, i })).filter(({ id }) => isDocument(id) && family(id) !== undefined).slice(0, window);
  const pool = slots.map(({ id }) => id);
  const seen = new Map<string, number>();
  const picked: string[] = [];
  while (pool.length) {
    let bestAt = 0;
    let bestScore = -Infinity;
    pool.forEach((id, at) => {
      const s = score(id) * SAME_DOCUMENT_FACTOR ** (seen.get(family(id)!) ?? 0);
      if (s > bestScore) {
        bestScore = s;
        bestAt = at;
      }
    });
    const [id] = pool.splice(bestAt, 1);
    picked.push(id!);
    seen.set(family(id!)!, (seen.get(family(id!)!) ?? 0) + 1);
  }
  const out = [...ids];
  slots.forEach(({ i }, k) => (out[i] = picked[k]!));
  return out;
}

/**
 * Puts a source that holds the query as a phrase before its own briefing (rule 5): the two swap
 * places, so every other result keeps its own. `page` says, for ids whose data is known, the
 * document and the kind (b or s); unknown ids stay where they are.
 */
export function sourcesFirst(ids: string[], page: (id: string) => { id: string; kind: string } | undefined, phrase: (id: string) => boolean): string[] {
  const out = [...ids];
  out.forEach((id, i) => {
    const b = page(id);
    if (b?.kind !== 'b') return;
    const j = out.findIndex((other, k) => k > i && page(other)?.kind === 's' && page(other)?.id === b.id);
    if (j > i && phrase(out[j]!)) [out[i], out[j]] = [out[j]!, out[i]!];
  });
  return out;
}

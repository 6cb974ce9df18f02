import { describe, expect, it } from 'vitest';
import { certainLead, diversify, FIRST_DOCUMENTS, sourcesFirst, isNameWord, leadTopic, order, PAGE_SIZE, proximity, topicRank, TOPICS_PER_PAGE, type Match } from '../../src/lib/search/rank.ts';
import type { SearchData } from '../../src/lib/search/data.ts';
import type { Engine } from '../../src/scripts/search/engine.ts';
import { rankHits } from '../../src/scripts/search/rank-hits.ts';

const TOPICS = [
  { id: 'turkey', names: [['تركيا'], ['turkey'], ['تركي']] },
  { id: 'isf', names: [['قوه', 'استقرار', 'دوليه'], ['قوه', 'استقرار'], ['international', 'stabilization', 'force']] },
  { id: 'hamas', names: [['حماس'], ['hamas']] },
  { id: 'disarmament', names: [['نزع', 'سلاح'], ['disarmament'], ['hamas', 'disarmament']] },
  { id: 'reuters', names: [['رويترز'], ['reuters']] },
  { id: 'two-state', names: [['two-state', 'solution']] },
  { id: 'uae', names: [['united', 'arab', 'emirates'], ['emirates']] },
  { id: 'pakistan', names: [['باكستان'], ['pakistan']] },
];

describe('the lead topic: the topic a query names', () => {
  it.each([
    [['turkey'], 'turkey'],
    [['تركيا'], 'turkey'],
    [['مشاركه', 'تركيا'], 'turkey'],
    [['hamas'], 'hamas'],
    [['قوه'], 'isf'],
    [['قوه', 'استقرار'], 'isf'],
    [['رويتر'], 'reuters'],
    [['two', 'state', 'solution'], 'two-state'],
    [['emirati'], 'uae'],
    [['pakistani'], 'pakistan'],
    [['باكستانيه'], 'pakistan'],
  ])('%j → %s', (tokens, id) => {
    expect(leadTopic(tokens, TOPICS)).toBe(id);
  });

  it('names no topic when a name is less than half of the query', () => {
    expect(leadTopic(['talks', 'with', 'turkey', 'today'], TOPICS)).toBeUndefined();
    expect(leadTopic(['funding'], TOPICS)).toBeUndefined();
  });

  it('prefers a whole name to a query that is part of a longer one, and breaks ties by score', () => {
    expect(leadTopic(['hamas'], TOPICS, (id) => (id === 'disarmament' ? 10 : 1))).toBe('hamas');
    const two = [{ id: 'a', names: [['مجلس', 'سلام']] }, { id: 'b', names: [['حفظ', 'سلام']] }];
    expect(leadTopic(['سلام'], two, (id) => (id === 'b' ? 2 : 1))).toBe('b');
  });

  it('reads derived words as their name', () => {
    expect(isNameWord('turkish', 'turkey')).toBe(true);
    expect(isNameWord('italian', 'italy')).toBe(true);
    expect(isNameWord('ايطاليه', 'ايطاليا')).toBe(true);
    expect(isNameWord('israelis', 'israel')).toBe(true);
    expect(isNameWord('gazan', 'gaza')).toBe(true);
    expect(isNameWord('gazette', 'gaza')).toBe(false);
  });
});

describe('one topic\'s rank as a lead: topicRank', () => {
  const byId = (id: string) => TOPICS.find((t) => t.id === id)!;
  it.each([
    // A whole name in the query: [1, query words it covers].
    [['turkey'], 'turkey', [1, 1]],
    [['مشاركه', 'تركيا'], 'turkey', [1, 1]],
    [['قوه', 'استقرار'], 'isf', [1, 2]],
    [['international', 'stabilization', 'force'], 'isf', [1, 3]],
    [['two', 'state', 'solution'], 'two-state', [1, 3]],
    [['two-state', 'solution'], 'two-state', [1, 3]],
    [['pakistani'], 'pakistan', [1, 1]],
    [['رويتر'], 'reuters', [1, 1]],
    [['hamas', 'disarmament'], 'disarmament', [1, 2]],
    [['hamas', 'disarmament'], 'hamas', [1, 1]],
    // Only a name wholly in the query counts: «emirates», not «united arab emirates».
    [['arab', 'emirates'], 'uae', [1, 1]],
    // The query a good part of a name: [0, query words].
    [['قوه'], 'isf', [0, 1]],
    [['hamas'], 'disarmament', [0, 1]],
    // Not a lead: a name less than half of the query, no name at all, no query.
    [['talks', 'with', 'turkey', 'today'], 'turkey', undefined],
    [['rafah', 'gaza', 'turkey'], 'turkey', undefined],
    [['funding'], 'turkey', undefined],
    [['stabilization'], 'isf', undefined],
    [[], 'turkey', undefined],
  ])('%j, %s → %j', (tokens, id, rank) => {
    expect(topicRank(tokens, byId(id))).toEqual(rank);
  });
});

describe('the lead topic known before the search: certainLead', () => {
  const TWO = [...TOPICS, { id: 'a', names: [['مجلس', 'سلام']] }, { id: 'b', names: [['حفظ', 'سلام']] }];
  it.each([
    // A name, in either language or as another listed name: its page holds every word.
    [['turkey'], 'turkey'],
    [['تركيا'], 'turkey'],
    [['تركي'], 'turkey'],
    [['hamas'], 'hamas'],
    [['قوه', 'استقرار'], 'isf'],
    [['international', 'stabilization', 'force'], 'isf'],
    [['two-state', 'solution'], 'two-state'],
    [['emirates'], 'uae'],
    // Named, but the full search decides: a word the topic's page may lack, a derived or
    // unfinished word, a name spelt apart, a name that is only part of the query.
    [['مشاركه', 'تركيا'], undefined],
    [['rafah', 'turkey'], undefined],
    [['pakistani'], undefined],
    [['رويتر'], undefined],
    [['two', 'state', 'solution'], undefined],
    [['قوه'], undefined],
    [['talks', 'with', 'turkey', 'today'], undefined],
    [['funding'], undefined],
    [[], undefined],
  ])('%j → %s', (tokens, id) => {
    expect(certainLead(tokens, TOPICS)).toBe(id);
    // Whenever it is certain, the full search's pick agrees whatever Pagefind scores.
    if (id) for (const favoured of TOPICS) expect(leadTopic(tokens, TOPICS, (t) => (t === favoured.id ? 100 : 1))).toBe(id);
  });

  it('is not certain when topics tie and Pagefind’s scores would decide', () => {
    expect(certainLead(['سلام'], TWO)).toBeUndefined();
    const same = [{ id: 'x', names: [['gaza']] }, { id: 'y', names: [['gaza']] }];
    expect(certainLead(['gaza'], same)).toBeUndefined();
    expect(certainLead(['gaza'], [{ id: 'x', names: [['gaza']] }, { id: 'y', names: [['gaza', 'strip']] }])).toBe('x');
  });
});

describe('result order', () => {
  const doc = (id: string, score: number, extra: Partial<Match> = {}): Match => ({ id, score, ...extra });
  const topic = (id: string, score: number): Match => ({ id, score, topic: id });

  it('puts the lead topic first, then documents, other topics only after the first documents', () => {
    const ids = order([topic('t1', 100), topic('t2', 90), doc('d1', 10), doc('d2', 9), doc('d3', 8), doc('d4', 7), topic('lead', 1)], 'lead');
    expect(ids.slice(0, 1 + FIRST_DOCUMENTS)).toEqual(['lead', 'd1', 'd2', 'd3']);
    expect(ids).toHaveLength(7);
  });

  it(`caps other topics at ${TOPICS_PER_PAGE} per page of results, and keeps the rest reachable`, () => {
    const matches = [...Array.from({ length: 8 }, (_, i) => topic(`t${i}`, 100 - i)), ...Array.from({ length: 20 }, (_, i) => doc(`d${i}`, 50 - i))];
    const ids = order(matches);
    for (let page = 0; page * PAGE_SIZE < ids.length; page++) {
      const onPage = ids.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE).filter((id) => id.startsWith('t'));
      if (page < 2) expect(onPage.length).toBeLessThanOrEqual(TOPICS_PER_PAGE);
    }
    expect(new Set(ids)).toEqual(new Set(matches.map((m) => m.id)));
  });

  it('raises pages holding the query as a phrase, and with its words together', () => {
    expect(order([doc('a', 10), doc('b', 6, { phrase: true })])).toEqual(['b', 'a']);
    expect(order([doc('a', 10, { near: 0 }), doc('b', 6, { near: 1 })])).toEqual(['b', 'a']);
    expect(proximity([3, 4, 40])).toBeCloseTo(2 / 3);
    expect(proximity([3])).toBe(0);
  });

  it('puts a source holding the phrase before its own briefing, leaving the others in place', () => {
    const info: Record<string, { id: string; kind: string }> = { b1: { id: 'x', kind: 'b' }, s1: { id: 'x', kind: 's' }, b2: { id: 'y', kind: 'b' }, s2: { id: 'y', kind: 's' } };
    const ids = sourcesFirst(['lead', 'b1', 'b2', 's1', 's2'], (id) => info[id], (id) => id === 's1');
    expect(ids).toEqual(['lead', 's1', 'b2', 'b1', 's2']);
  });

  it('spreads a broad query across documents: a second page of one document gives way', () => {
    const family: Record<string, string> = { b1: 'x', s1: 'x', b2: 'y', b3: 'z' };
    const score: Record<string, number> = { b1: 10, s1: 9, b2: 8, b3: 4 };
    const ids = diversify(['lead', 'b1', 's1', 'b2', 'b3'], (id) => score[id] ?? 0, (id) => family[id], (id) => id !== 'lead');
    expect(ids).toEqual(['lead', 'b1', 'b2', 's1', 'b3']);
  });
});

describe('spreading the first page across documents', () => {
  const family: Record<string, string> = { b1: 'x', s1: 'x', b2: 'y', s2: 'y', s3: 'z' };
  const spread = (ids: string[], score: Record<string, number>) => diversify(ids, (id) => score[id] ?? 0, (id) => family[id], (id) => id !== 'lead');
  it.each([
    // A query three documents answer (five pages): the third comes before a second page of either.
    ['a few documents: each before a second page of one', { b1: 10, s2: 9, b2: 8, s1: 7, s3: 5 }, ['lead', 'b1', 's2', 's3', 'b2', 's1']],
    // A document scoring under half of a second page waits for it.
    ['a much weaker document waits', { b1: 10, s2: 9, b2: 8, s1: 7, s3: 3 }, ['lead', 'b1', 's2', 'b2', 's1', 's3']],
    // One document: its pages keep their order.
    ['one document', { b1: 10, s1: 9 }, ['lead', 'b1', 's1']],
  ])('%s', (_, score, expected) => {
    const ids = ['lead', ...Object.keys(score).sort((a, b) => score[b as keyof typeof score]! - score[a as keyof typeof score]!)];
    expect(spread(ids, score as Record<string, number>)).toEqual(expected);
  });
});

describe('rankHits: the order the search page shows', () => {
  // A fake engine: a topic page and pages of documents x, y, z with their scores; every page data known.
  const kinds: Record<string, { id: string; k: 'b' | 's' }> = { b1: { id: 'x', k: 'b' }, s1: { id: 'x', k: 's' }, b2: { id: 'y', k: 'b' }, s2: { id: 'y', k: 's' }, s3: { id: 'z', k: 's' } };
  const engineWith = (scores: Record<string, number>, absent: string[] = []): Engine => {
    const hits = Object.entries(scores).map(([id, score]) => ({ id, score, result: { id, score, words: [1], data: async () => ({ url: id, meta: {}, locations: [1] }) } }));
    return {
      data: { names: {} as SearchData['names'], topics: [{ id: 'ceasefire', name: 'Ceasefire', kind: 'concept', url: '/en/topics/ceasefire/', page: 'topic', briefings: 2, sources: 3, names: [['ceasefire']] }], meta: '' },
      analyzer: { token: (w) => w.toLowerCase(), tokens: (t) => t.toLowerCase().split(/\s+/), queryTerms: (q) => q.toLowerCase().split(/\s+/).filter(Boolean) },
      search: async (_terms, _filters, phrase) => (phrase ? [] : hits),
      absent: async (terms) => terms.filter((t) => absent.includes(t)),
      preload: () => undefined,
      load: async (hit) => ({ url: hit.id, positions: [1], data: { t: hit.id, k: kinds[hit.id]?.k ?? 't', id: kinds[hit.id]?.id ?? 'ceasefire', s: [] } }),
      topicPages: async () => new Set(),
    };
  };

  it('shows each of the few documents a query matches before a second page of one, the topic first', async () => {
    // Not a broad query (3 of 11 documents): the first page is spread all the same.
    const ranking = await rankHits(engineWith({ topic: 50, b1: 10, s2: 9, b2: 8, s1: 7, s3: 5 }), 'ceasefire', {});
    expect(ranking?.ids).toEqual(['topic', 'b1', 's2', 's3', 'b2', 's1']);
    expect(ranking?.lead).toBe('ceasefire');
  });

  it.each([
    // Pagefind leaves a word it does not hold out, and falls back from a name to a short word.
    ['no word of the query: no results', 'tony blair', ['tony', 'blair'], [], false],
    ['a word no page has: the others, said to be partial, with no lead topic', 'blair ceasefire', ['blair'], ['b1', 's2', 's3', 'b2', 's1', 'topic'], true],
    ['every word held', 'ceasefire', [], ['topic', 'b1', 's2', 's3', 'b2', 's1'], false],
  ])('%s', async (_, query, absent, ids, partial) => {
    const ranking = await rankHits(engineWith({ topic: 1, b1: 10, s2: 9, b2: 8, s1: 7, s3: 5 }, absent), query, {});
    expect(ranking?.ids).toEqual(ids);
    expect(ranking?.partial).toBe(partial);
    if (partial) expect(ranking?.lead).toBeUndefined();
  });

  it('returns nothing for a query replaced before its data was loaded', async () => {
    expect(await rankHits(engineWith({ b1: 10, s1: 9 }), 'truce', {}, async () => false)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { countTopics, eventsOfTopic, groupByMonth, knownUpTo, latestDistinct, timelineStatus, topicFilter } from '../../src/lib/timeline.ts';
import { namedTopics } from '../../src/lib/named-topics.ts';
import { firstDay, lastDay } from '../../src/lib/dates.ts';

describe('first and last day of a partial date', () => {
  it.each([
    ['2025-12-19', '2025-12-19', '2025-12-19'],
    ['2025-11', '2025-11-01', '2025-11-30'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2025', '2025-01-01', '2025-12-31'],
  ])('%s', (date, first, last) => {
    expect(firstDay(date)).toBe(first);
    expect(lastDay(date)).toBe(last);
  });
});

describe('timelineStatus: decided from the corpus, never the clock', () => {
  // The newest source of the corpus is dated 24 January 2026.
  const asOf = knownUpTo(['2024-03-28', '2025-10-30', '2025-12-17', '2025-12-18', '2026-01-24']);
  it('knows up to the newest source date', () => expect(asOf).toBe('2026-01-24'));
  it('counts a month or window source from its first day', () => {
    expect(knownUpTo(['2025-12-18', '2026-01'])).toBe('2026-01-01');
  });
  it.each([
    ['a planned meeting on 19 December 2025', { date: '2025-12-19', status: 'planned' }, 'unconfirmed'],
    ['planned for November 2025 (month ended)', { date: '2025-11', status: 'planned' }, 'unconfirmed'],
    ['planned for a window that ended', { date: '2025-10-31', end: '2025-11-06', status: 'planned' }, 'unconfirmed'],
    ['planned for January 2026 (month not over)', { date: '2026-01', status: 'planned' }, 'planned'],
    ['planned for the newest source day itself', { date: '2026-01-24', status: 'planned' }, 'planned'],
    ['planned, later confirmed', { date: '2025-12-19', status: 'planned', confirmed: true }, 'confirmed'],
    ['reported', { date: '2025-12-16', status: 'reported' }, 'reported'],
    ['context', { date: '2025-11-17', status: 'context' }, 'context'],
  ] as const)('%s', (_what, event, expected) => {
    expect(timelineStatus(event, asOf)).toBe(expected);
  });
});

describe('groupByMonth', () => {
  const events = [{ date: '2025-10-30' }, { date: '2025-11' }, { date: '2025-12-16' }, { date: '2025-12-19' }, { date: '2026-01-24' }];
  it('newest first, months and events inside them', () => {
    expect(groupByMonth(events, 'newest').map((g) => [g.month, g.items.map((e) => e.date)])).toEqual([
      ['2026-01', ['2026-01-24']],
      ['2025-12', ['2025-12-19', '2025-12-16']],
      ['2025-11', ['2025-11']],
      ['2025-10', ['2025-10-30']],
    ]);
  });
  it('oldest first', () => {
    expect(groupByMonth(events, 'oldest').map((g) => g.month)).toEqual(['2025-10', '2025-11', '2025-12', '2026-01']);
  });
  it('keeps the given order for equal dates', () => {
    const same = [{ date: '2026-01', n: 1 }, { date: '2026-01', n: 2 }];
    expect(groupByMonth(same, 'newest')[0]!.items.map((e) => e.n)).toEqual([1, 2]);
  });
});

describe('latestDistinct', () => {
  const e = (date: string, briefing: string) => ({ date, briefing });
  it('takes the newest, at most two from one briefing', () => {
    const timeline = [e('2025-10-30', 'us'), e('2025-12-19', 'miami'), e('2025-12-29', 'miami'), e('2026-01', 'miami'), e('2026-01-19', 'italy'), e('2026-01-22', 'italy'), e('2026-01-24', 'italy')];
    expect(latestDistinct(timeline, 5)).toEqual([e('2026-01-24', 'italy'), e('2026-01-22', 'italy'), e('2026-01', 'miami'), e('2025-12-29', 'miami'), e('2025-10-30', 'us')]);
  });
});

describe('filtering the timeline by topic', () => {
  const events = [
    { id: 1, topics: ['turkey', 'israel'] },
    { id: 2, topics: ['israel'] },
    { id: 3, topics: ['qatar', 'israel', 'israel'] },
    { id: 4, topics: [] },
    { id: 5, topics: ['turkey'] },
  ];
  it('counts each topic once per event, most events first, then by id', () => {
    expect(countTopics(events)).toEqual([{ id: 'israel', events: 3 }, { id: 'turkey', events: 2 }, { id: 'qatar', events: 1 }]);
  });
  it('only topics with events get a filtered timeline', () => expect(countTopics([{ topics: [] }])).toEqual([]));
  it.each([
    ['turkey', [1, 5]],
    ['israel', [1, 2, 3]],
    ['egypt', []],
  ])('events of %s, in the given order', (topic, ids) => {
    expect(eventsOfTopic(events, topic).map((e) => e.id)).toEqual(ids);
  });
});

describe('topicFilter: a control that stays short however many topics there are', () => {
  const topics = Array.from({ length: 500 }, (_, i) => ({ id: `t${i}`, events: 500 - i, name: `Topic ${String(i).padStart(3, '0')}` }));
  it('keeps the topics with most events in view and every topic in an A–Z list', () => {
    const { lead, all } = topicFilter(topics.slice().reverse().sort((a, b) => b.events - a.events), 'en');
    expect(lead.map((x) => x.id)).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7']);
    expect(all).toHaveLength(500);
    expect(all[0]!.name).toBe('Topic 000');
    expect(all.at(-1)!.name).toBe('Topic 499');
  });
  it('names the topic being shown even when it has few events', () => {
    expect(topicFilter(topics, 'en', { current: 't321', lead: 3 }).lead.map((x) => x.id)).toEqual(['t0', 't1', 't2', 't321']);
    expect(topicFilter(topics, 'en', { current: 't1', lead: 3 }).lead.map((x) => x.id)).toEqual(['t0', 't1', 't2']);
  });
  it('sorts the A–Z list in the page language', () => {
    const ar = [{ id: 'b', events: 3, name: 'تركيا' }, { id: 'a', events: 1, name: 'إسرائيل' }, { id: 'c', events: 2, name: 'مصر' }, { id: 'd', events: 2, name: 'الولايات المتحدة' }, { id: 'e', events: 1, name: 'البنتاغون' }];
    // The article does not count: البنتاغون under ب, الولايات المتحدة under و.
    expect(topicFilter(ar, 'ar').all.map((x) => x.id)).toEqual(['a', 'e', 'b', 'c', 'd']);
  });
});

describe('namedTopics: the topics an event names without linking them', () => {
  const candidates = [
    { id: 'turkey', names: ['Turkey', 'Turkish', 'تركيا', 'التركي'] },
    { id: 'resolution-2803', names: ['Resolution 2803', 'قرار مجلس الأمن 2803'] },
    { id: 'qatar', names: ['Qatar', 'قطر'] },
    { id: 'asharq', names: ['Asharq News'] },
  ];
  it.each([
    ['Steve Witkoff is to meet officials from Qatar, Egypt and Turkey in Miami.', ['turkey', 'qatar']],
    ["Turkey's foreign minister attends; the Turkish delegation…", ['turkey']],
    ['The UN Security Council adopts Resolution 2803.', ['resolution-2803']],
    ['A resolution, and 2803 soldiers', []],
    ['يلتقي مسؤولين من قطر ومصر وتركيا في ميامي.', ['turkey', 'qatar']],
    ['والوزير التركي يحضر', ['turkey']],
    ['يدعو إلى التنفيذ الكامل لقرار مجلس الأمن 2803.', ['resolution-2803']],
    ['Asharq reports', []],
    ['Turkeys and quatars', []],
  ])('%s', (text, ids) => {
    expect(namedTopics(text, candidates)).toEqual(ids);
  });
});

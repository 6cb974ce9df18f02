import { describe, expect, it } from 'vitest';
import { countTopics, eventsOfTopic, firstPageParts, groupByMonth, knownUpTo, latestDistinct, partRange, partsOf, timelineMonths, timelineStatus, topicFilter } from '../../src/lib/timeline.ts';
import { monthParam, parseMonthParam } from '../../src/lib/timeline-paths.ts';
import { routes } from '../../src/lib/urls.ts';
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

describe('timeline paging (issue 16)', () => {
  describe('partsOf: pages a month of n events takes, at most `budget` events each', () => {
    it.each([
      [0, 50, 1],
      [1, 50, 1],
      [50, 50, 1],
      [51, 50, 2],
      [100, 50, 2],
      [101, 50, 3],
      [3001, 50, 61],
      [7, 3, 3],
    ])('%i events, budget %i: %i', (events, budget, parts) => expect(partsOf(events, budget)).toBe(parts));
  });

  describe('partRange: near-equal parts that cover the month once, in order', () => {
    it.each([
      [10, 1, [[0, 10]]],
      [10, 3, [[0, 3], [3, 6], [6, 10]]],
      [51, 2, [[0, 25], [25, 51]]],
      [0, 1, [[0, 0]]],
    ] as const)('%i events in %i parts', (events, parts, ranges) => {
      expect(Array.from({ length: parts }, (_, i) => partRange(events, parts, i + 1)).map((r) => [r.from, r.to])).toEqual(ranges);
    });
    it('no part over the budget, none empty, for every size up to 500', () => {
      for (let n = 1; n <= 500; n++) {
        const parts = partsOf(n, 50);
        const sizes = Array.from({ length: parts }, (_, i) => partRange(n, parts, i + 1)).map((r) => r.to - r.from);
        expect(Math.max(...sizes), `${n}`).toBeLessThanOrEqual(50);
        expect(Math.min(...sizes), `${n}`).toBeGreaterThan(0);
        expect(sizes.reduce((a, b) => a + b), `${n}`).toBe(n);
      }
    });
  });

  describe('timelineMonths: the months of every language, parts enough for the longest', () => {
    const g = (month: string, n: number) => ({ month, items: Array.from({ length: n }) });
    it.each([
      ['same months', { en: [g('2025-12', 3), g('2026-01', 4)], ar: [g('2025-12', 3), g('2026-01', 4)] }, 'en', [['2025-12', 3, 1], ['2026-01', 4, 2]]],
      ['a month only the other language has', { en: [g('2026-01', 2)], ar: [g('2025-11', 1), g('2026-01', 2)] }, 'en', [['2025-11', 0, 1], ['2026-01', 2, 1]]],
      ['the other language has more events', { en: [g('2026-01', 3)], ar: [g('2026-01', 5)] }, 'en', [['2026-01', 3, 2]]],
      ['a year-only date sorts before its months', { en: [g('2025', 1), g('2025-01', 1)], ar: [] }, 'ar', [['2025', 0, 1], ['2025-01', 0, 1]]],
    ] as const)('%s', (_what, byLang, lang, expected) => {
      expect(timelineMonths(lang, byLang, 3).map((m) => [m.month, m.events, m.parts])).toEqual(expected);
    });
  });

  describe('firstPageParts: whole months from the end up to the budget, at least one part', () => {
    const m = (month: string, events: number, parts = 1) => ({ month, events, parts });
    const months = [m('2025-10', 2), m('2025-11', 3), m('2025-12', 4), m('2026-01', 5)];
    it.each([
      ['everything fits', months, 'newest', 50, [['2026-01', 1, true], ['2025-12', 1, true], ['2025-11', 1, true], ['2025-10', 1, true]]],
      ['newest: the months that fit', months, 'newest', 10, [['2026-01', 1, true], ['2025-12', 1, true]]],
      ['oldest: the months that fit', months, 'oldest', 10, [['2025-10', 1, true], ['2025-11', 1, true], ['2025-12', 1, true]]],
      ['a month that would pass the budget is not cut', months, 'newest', 8, [['2026-01', 1, true]]],
      ['newest: a month longer than the budget gives its last part', [m('2025-12', 3), m('2026-01', 12, 3)], 'newest', 5, [['2026-01', 3, false]]],
      ['oldest: a month longer than the budget gives its first part', [m('2025-12', 12, 3), m('2026-01', 3)], 'oldest', 5, [['2025-12', 1, false]]],
      ['months without events in this language are skipped', [m('2025-12', 2), m('2026-01', 0)], 'newest', 5, [['2025-12', 1, true]]],
      ['a whole month of several parts (the other language has more events)', [m('2026-01', 4, 2)], 'newest', 5, [['2026-01', 2, true], ['2026-01', 1, true]]],
      ['no events', [], 'newest', 5, []],
    ] as const)('%s', (_what, list, order, budget, expected) => {
      expect(firstPageParts(list, order, budget).map((p) => [p.month, p.part, p.whole])).toEqual(expected);
    });
  });

  describe('month page addresses', () => {
    it.each([
      ['2026-01', 1, '2026-01', '/en/timeline/2026-01/'],
      ['2026-01', 2, '2026-01/2', '/en/timeline/2026-01/2/'],
      ['2025', 1, '2025', '/en/timeline/2025/'],
    ] as const)('%s part %i', (month, part, param, path) => {
      expect(monthParam(month, part)).toBe(param);
      expect(parseMonthParam(param)).toEqual({ month, part });
      expect(routes.timelineMonth('en', month, part)).toBe(path);
    });
    it('of a topic', () => {
      expect(routes.timelineMonth('ar', '2026-01', 1, 'turkey')).toBe('/ar/timeline/topics/turkey/2026-01/');
      expect(routes.timelineMonth('ar', '2026-01', 3, 'turkey')).toBe('/ar/timeline/topics/turkey/2026-01/3/');
    });
  });
});

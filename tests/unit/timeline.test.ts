import { describe, expect, it } from 'vitest';
import { groupByMonth, knownUpTo, latestDistinct, timelineStatus } from '../../src/lib/timeline.ts';
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

/**
 * The corpus's timeline pages (src/lib/corpus/timeline-pages.ts) on this site's content: the
 * months of both languages, and each page with exactly its events, each with the status and
 * outlet the page shows (so the page needs no other read for them); a topic's newest events and
 * the site's newest few, as the topic and home pages show them.
 */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/locales.ts';
import { loadCorpus } from '../../src/lib/corpus/index.ts';
import { countTopics, eventsOfTopic, groupByMonth, latestDistinct, timelineStatus } from '../../src/lib/timeline.ts';

const { corpus } = loadCorpus();
const c = corpus!;

describe('timeline pages of the corpus', () => {
  it('the same months in both languages, oldest first, counting every event once', () => {
    const en = c.timelineMonths('en', null);
    expect(en.map((m) => m.month)).toEqual(['2024-03', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01']);
    for (const lang of LANGS) {
      const months = c.timelineMonths(lang, null);
      expect(months.map((m) => m.month)).toEqual(en.map((m) => m.month));
      expect(months.reduce((n, m) => n + m.events, 0)).toBe(c.timeline(lang).length);
      expect(months.every((m) => m.parts === 1)).toBe(true);
    }
  });

  it.each(LANGS)('%s: a month page holds that month\'s events with their status and outlet, and names the months around it', (lang) => {
    const page = c.timelinePage(lang, null, '2025-12', 1)!;
    const december = groupByMonth(c.timeline(lang), 'oldest').find((g) => g.month === '2025-12')!.items;
    expect(page.events.map((e) => [e.date, e.briefing])).toEqual(december.map((e) => [e.date, e.briefing]));
    for (const e of page.events) {
      expect(e.timelineStatus).toBe(timelineStatus({ ...e, confirmed: e.confirmations.length > 0 }, c.knownUpTo));
      expect(e.outlet).toBe(c.sources.get(c.briefing(lang, e.briefing)!.data.sources[0]!)!.outlet[lang]);
    }
    expect(page.events.map((e) => e.timelineStatus)).toContain('unconfirmed');
    expect([page.earlier, page.later, page.part, page.parts, page.monthEvents]).toEqual(['2025-11', '2026-01', 1, 1, december.length]);
    expect(c.timelinePage(lang, null, '2024-03', 1)!.earlier).toBeUndefined();
    expect(c.timelinePage(lang, null, '2026-01', 1)!.later).toBeUndefined();
  });

  it.each([
    ['a part the month does not have', null, '2025-12', 2],
    ['part 0', null, '2025-12', 0],
    ['a month without events', null, '2025-08', 1],
    ['a topic\'s month without its events', 'turkey', '2024-03', 1],
  ] as const)('no page: %s', (_what, topic, month, part) => {
    expect(c.timelinePage('en', topic, month, part)).toBeUndefined();
  });

  it('a topic\'s month pages hold only that topic\'s events, all of them', () => {
    for (const lang of LANGS) {
      const months = c.timelineMonths(lang, 'turkey');
      const shown = months.flatMap((m) => c.timelinePage(lang, 'turkey', m.month, 1)!.events);
      expect(shown.map((e) => e.date)).toEqual(eventsOfTopic(c.timeline(lang), 'turkey').map((e) => e.date));
      expect(shown.every((e) => e.topics.includes('turkey'))).toBe(true);
    }
  });

  it('every event of the corpus has one shape: a briefing\'s events are the timeline\'s, status and outlet decided', () => {
    for (const lang of LANGS) {
      const fromBriefings = c.briefings[lang].flatMap((b) => b.events);
      expect(new Set(c.timeline(lang))).toEqual(new Set(fromBriefings));
      for (const e of fromBriefings) {
        expect(e.timelineStatus).toBe(timelineStatus({ ...e, confirmed: e.confirmations.length > 0 }, c.knownUpTo));
        expect(e.outlet).toBe(c.sources.get(c.briefing(lang, e.briefing)!.data.sources[0]!)!.outlet[lang]);
      }
    }
  });

  it.each(LANGS.flatMap((lang) => [
    [lang, 'turkey', 5],
    [lang, 'turkey', 1],
    [lang, 'united-states', 3],
    [lang, 'no-such-topic', 5],
  ] as const))('%s: topicEvents(%s, %i): the topic\'s newest events as its page shows them, and how many it has', (lang, topic, count) => {
    const all = groupByMonth(eventsOfTopic(c.timeline(lang), topic), 'newest').flatMap((m) => m.items);
    const got = c.topicEvents(lang, topic, count);
    expect(got.total).toBe(all.length);
    expect(got.events).toEqual(all.slice(0, count));
    expect(c.topicEvents(lang, topic, count)).toEqual(got);
  });

  it.each(LANGS.flatMap((lang) => [
    [lang, 5, 2],
    [lang, 3, 3],
    [lang, 3, 1],
    [lang, 0, 2],
  ] as const))('%s: latestEvents(%i, %i) is latestDistinct of the timeline', (lang, count, perBriefing) => {
    expect(c.latestEvents(lang, count, perBriefing)).toEqual(latestDistinct(c.timeline(lang), count, perBriefing));
  });

  it('latestEvents with perBriefing = count is the newest events as they are (What\'s new)', () => {
    for (const lang of LANGS) expect(c.latestEvents(lang, 3, 3)).toEqual([...c.timeline(lang)].reverse().slice(0, 3));
  });

  it('timelineTopics counts each language\'s timeline once and gives the same list to every page', () => {
    for (const lang of LANGS) {
      expect(c.timelineTopics(lang)).toEqual(countTopics(c.timeline(lang)));
      expect(c.timelineTopics(lang)).toBe(c.timelineTopics(lang));
    }
  });
});

/**
 * What pages show of the timeline, as the corpus gives it (issue 16): the timeline's months with
 * their numbers of events and pages, one page of one month with exactly what that page shows,
 * the topics it can be filtered by, a topic's newest events and the site's newest few. A page
 * asks for these instead of the whole timeline, so its recorded reads (page-deps.ts) are the
 * events it shows: an edit re-renders the pages that show the changed event, not every page that
 * shows some event. Each event already carries its status and outlet (model.ts RenderedEvent).
 *
 * Everything here is made once per corpus, when a page (or a cache key) first asks: cache keys
 * call these again for every page that read them, on every build.
 */
import { LANGS, type Lang } from '../../i18n/locales.ts';
import { countTopics, eventsOfTopic, groupByMonth, latestDistinct, partRange, timelineMonths, type TimelineMonth, type TopicCount } from '../timeline.ts';
import type { RenderedEvent } from './model.ts';

/** One page of one month: part `part` of `parts`, oldest first. */
export interface TimelinePage {
  month: string;
  part: number;
  parts: number;
  /** The month's events in this language, on all its pages. */
  monthEvents: number;
  events: RenderedEvent[];
  /** The months before and after that have pages (in any language), for the month page's links. */
  earlier: string | undefined;
  later: string | undefined;
}

export interface TimelinePages {
  /** The months (of one topic's events, or of all: `topic` null), oldest first. */
  timelineMonths(lang: Lang, topic: string | null): TimelineMonth[];
  /** Part `part` of a month (of one topic's events, or of all), or undefined if it has no such page. */
  timelinePage(lang: Lang, topic: string | null, month: string, part: number): TimelinePage | undefined;
  /** The topics the timeline can be filtered by, with their numbers of events (timeline.ts countTopics). */
  timelineTopics(lang: Lang): readonly TopicCount[];
  /** A topic's `count` newest events (newest first, as on the timeline) and how many it has in all. */
  topicEvents(lang: Lang, topic: string, count: number): { events: RenderedEvent[]; total: number };
  /** The newest `count` events, at most `perBriefing` of one briefing (timeline.ts latestDistinct), newest first. */
  latestEvents(lang: Lang, count: number, perBriefing: number): RenderedEvent[];
}

/** A language's months of one timeline (all events or one topic's), indexed by month. */
interface Months {
  list: TimelineMonth[];
  /** Month → its position in `list`. */
  at: Map<string, number>;
  /** Month → its events in this language, oldest first. */
  items: Map<string, RenderedEvent[]>;
}

/** A lazily made value per key. */
function memo<K, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key)!;
  };
}

/** `timeline`: every language's events, oldest first (the corpus's timeline). */
export function timelinePages(timeline: Record<Lang, RenderedEvent[]>): TimelinePages {
  // Months of each language per topic ('' for all events): every language's, since a month has
  // pages (and the same parts) in every language where any language has events in it.
  const groupsOf = memo((topic: string) =>
    Object.fromEntries(LANGS.map((l) => [l, groupByMonth(topic ? eventsOfTopic(timeline[l], topic) : timeline[l], 'oldest')])) as Record<Lang, { month: string; items: RenderedEvent[] }[]>,
  );
  const monthsOf = memo((key: string): Months => {
    const space = key.indexOf(' ');
    const lang = key.slice(0, space) as Lang;
    const groups = groupsOf(key.slice(space + 1));
    const list = timelineMonths(lang, groups);
    return { list, at: new Map(list.map((m, i) => [m.month, i])), items: new Map(groups[lang].map((g) => [g.month, g.items])) };
  });
  const months = (lang: Lang, topic: string | null) => monthsOf(`${lang} ${topic ?? ''}`);
  const topicCounts = memo((lang: Lang) => countTopics(timeline[lang]));
  // A topic's events newest first: the timeline's order reversed by date, stable within a date.
  const newestOfTopic = memo((key: string) => {
    const space = key.indexOf(' ');
    return groupByMonth(eventsOfTopic(timeline[key.slice(0, space) as Lang], key.slice(space + 1)), 'newest').flatMap((m) => m.items);
  });
  return {
    timelineTopics: (lang) => topicCounts(lang),
    timelineMonths: (lang, topic) => months(lang, topic).list.map((m) => ({ ...m })),
    timelinePage: (lang, topic, month, part) => {
      const { list, at, items: byMonth } = months(lang, topic);
      const i = at.get(month);
      const m = i === undefined ? undefined : list[i];
      if (i === undefined || !m || !Number.isInteger(part) || part < 1 || part > m.parts) return undefined;
      const items = byMonth.get(month) ?? [];
      const { from, to } = partRange(items.length, m.parts, part);
      return { month, part, parts: m.parts, monthEvents: items.length, events: items.slice(from, to), earlier: list[i - 1]?.month, later: list[i + 1]?.month };
    },
    topicEvents: (lang, topic, count) => {
      const all = newestOfTopic(`${lang} ${topic}`);
      return { events: all.slice(0, count), total: all.length };
    },
    latestEvents: (lang, count, perBriefing) => latestDistinct(timeline[lang], count, perBriefing),
  };
}

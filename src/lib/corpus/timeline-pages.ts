/**
 * The timeline's pages as the corpus gives them (issue 16): its months with their numbers of
 * events and pages, and one page of one month with exactly what that page shows. A page asks
 * for these instead of the whole timeline, so its recorded reads (page-deps.ts) are its own
 * events: an edit re-renders the month page holding the changed event and the first pages that
 * show it, not every timeline page. For the same reason each event comes with its status and
 * its outlet's name already decided: a page that read the newest source's date or the whole
 * briefing for them would be rendered again when a newer source arrives or the briefing's text
 * changes, though neither changes what it shows.
 */
import { LANGS, type Lang } from '../../i18n/locales.ts';
import { countTopics, eventsOfTopic, groupByMonth, partRange, timelineMonths, timelineStatus, type TimelineMonth, type TimelineStatus, type TopicCount } from '../timeline.ts';
import type { Briefing, RenderedEvent, Source } from './model.ts';

/** A timeline event as a page shows it. */
export interface TimelineEntry extends RenderedEvent {
  /** Its status on the timeline as of the newest source (`status` is the one its briefing gives). */
  shown: TimelineStatus;
  /** The outlet of the briefing's first source, in the page's language. */
  outlet: string;
}

/** One page of one month: part `part` of `parts`, oldest first. */
export interface TimelinePage {
  month: string;
  part: number;
  parts: number;
  /** The month's events in this language, on all its pages. */
  monthEvents: number;
  events: TimelineEntry[];
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
  timelineTopics(lang: Lang): TopicCount[];
}

export function timelinePages(timeline: Record<Lang, RenderedEvent[]>, byId: Record<Lang, Map<string, Briefing>>, sources: Map<string, Source>, knownUpTo: string): TimelinePages {
  // Months of each language per topic ('' for all events), made when a page first asks.
  const grouped = new Map<string, Record<Lang, { month: string; items: RenderedEvent[] }[]>>();
  const groupsOf = (topic: string | null) => {
    const key = topic ?? '';
    let groups = grouped.get(key);
    if (!groups) {
      groups = Object.fromEntries(LANGS.map((l) => [l, groupByMonth(topic ? eventsOfTopic(timeline[l], topic) : timeline[l], 'oldest')])) as Record<Lang, { month: string; items: RenderedEvent[] }[]>;
      grouped.set(key, groups);
    }
    return groups;
  };
  const months = new Map<string, TimelineMonth[]>();
  const monthsOf = (lang: Lang, topic: string | null) => {
    const key = `${lang} ${topic ?? ''}`;
    let list = months.get(key);
    if (!list) months.set(key, (list = timelineMonths(lang, groupsOf(topic))));
    return list;
  };
  const entry = (lang: Lang, e: RenderedEvent): TimelineEntry => ({
    ...e,
    shown: timelineStatus({ ...e, confirmed: e.confirmations.length > 0 }, knownUpTo),
    outlet: sources.get(byId[lang].get(e.briefing)?.data.sources[0] ?? '')?.outlet[lang] ?? '',
  });
  return {
    timelineTopics: (lang) => countTopics(timeline[lang]),
    timelineMonths: (lang, topic) => monthsOf(lang, topic).map((m) => ({ ...m })),
    timelinePage: (lang, topic, month, part) => {
      const list = monthsOf(lang, topic);
      const i = list.findIndex((m) => m.month === month);
      const m = list[i];
      if (!m || !Number.isInteger(part) || part < 1 || part > m.parts) return undefined;
      const items = groupsOf(topic)[lang].find((g) => g.month === month)?.items ?? [];
      const { from, to } = partRange(items.length, m.parts, part);
      return { month, part, parts: m.parts, monthEvents: items.length, events: items.slice(from, to).map((e) => entry(lang, e)), earlier: list[i - 1]?.month, later: list[i + 1]?.month };
    },
  };
}

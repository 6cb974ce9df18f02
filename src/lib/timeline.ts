/**
 * What the timeline says about each dated event, decided from the corpus alone (never from the
 * clock, so every build of the same content prints the same page): a planned event whose date
 * has passed by the newest source's date, with no later source confirming it, is "not
 * confirmed". Also: month groups in either order, and the home page's short list of distinct
 * latest events.
 */
import { compareIso, firstDay, lastDay } from './dates.ts';

/** How the timeline labels an event. */
export type TimelineStatus = 'reported' | 'planned' | 'unconfirmed' | 'confirmed' | 'context';
export const TIMELINE_STATUSES: readonly TimelineStatus[] = ['reported', 'planned', 'unconfirmed', 'confirmed', 'context'];

export interface DatedEvent {
  date: string;
  end?: string | undefined;
  status: 'reported' | 'planned' | 'context';
  /** True when a later source reports that the planned event took place. */
  confirmed?: boolean;
}

/**
 * The date the corpus knows up to: the first day of the newest source's date. A source dated
 * "2026-01" or "between 17 and 21 December" may be from the first day of that span, so an
 * event counts as past only when it ended before it.
 */
export function knownUpTo(sourceDates: readonly string[]): string {
  return sourceDates.map(firstDay).reduce((a, b) => (b > a ? b : a), '0000-01-01');
}

export function timelineStatus(event: DatedEvent, asOf: string): TimelineStatus {
  if (event.status !== 'planned') return event.status;
  if (event.confirmed) return 'confirmed';
  return lastDay(event.end ?? event.date) < asOf ? 'unconfirmed' : 'planned';
}

/** The month an event belongs to ("2025-12"); an event dated only by year keeps its year. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** Dated things (events, briefings, sources) grouped by month, newest or oldest first (inside a month too); stable for equal dates. */
export function groupByMonth<T extends { date: string }>(events: readonly T[], order: 'newest' | 'oldest'): { month: string; items: T[] }[] {
  const sign = order === 'newest' ? -1 : 1;
  const sorted = events.map((e, i) => ({ e, i })).sort((a, b) => sign * compareIso(a.e.date, b.e.date) || a.i - b.i);
  const groups: { month: string; items: T[] }[] = [];
  for (const { e } of sorted) {
    const month = monthOf(e.date);
    const last = groups.at(-1);
    if (last?.month === month) last.items.push(e);
    else groups.push({ month, items: [e] });
  }
  return groups;
}

/**
 * The newest events for a short list, at most `perBriefing` from any one briefing so that one
 * busy report does not fill it. `events` is in timeline order (oldest first).
 */
export function latestDistinct<T extends { date: string; briefing: string }>(events: readonly T[], count: number, perBriefing = 2): T[] {
  const taken = new Map<string, number>();
  const out: T[] = [];
  // From the newest end, stopping at `count`: no copy of a timeline of thousands for a few events.
  for (let i = events.length - 1; i >= 0 && out.length < count; i--) {
    const e = events[i]!;
    const n = taken.get(e.briefing) ?? 0;
    if (n >= perBriefing) continue;
    taken.set(e.briefing, n + 1);
    out.push(e);
  }
  return out;
}

/** A topic the timeline can be filtered by, with how many events mention it. */
export interface TopicCount { id: string; events: number }

interface TopicIndex { counts: TopicCount[]; events: Map<string, unknown[]> }
// Every topic's timeline page asks for the same list: index it once per list, not once per page
// (keyed by the list itself, so a new corpus gets a new index).
const indexes = new WeakMap<readonly object[], TopicIndex>();

function topicIndex<T extends { topics: readonly string[] }>(events: readonly T[]): TopicIndex {
  let index = indexes.get(events);
  if (!index) {
    const byTopic = new Map<string, T[]>();
    for (const e of events) {
      for (const id of new Set(e.topics)) {
        const list = byTopic.get(id);
        if (list) list.push(e);
        else byTopic.set(id, [e]);
      }
    }
    const counts = [...byTopic].map(([id, list]) => ({ id, events: list.length })).sort((a, b) => b.events - a.events || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    index = { counts, events: byTopic };
    indexes.set(events, index);
  }
  return index;
}

/**
 * The topics that dated events mention, each with its number of events (an event that names a
 * topic twice counts once): most events first, then by id, so the list is the same on every
 * build. Only these topics get a filtered timeline.
 */
export function countTopics(events: readonly { topics: readonly string[] }[]): TopicCount[] {
  return [...topicIndex(events).counts];
}

/** The events of one topic, in the order given. */
export function eventsOfTopic<T extends { topics: readonly string[] }>(events: readonly T[], topic: string): T[] {
  return [...((topicIndex(events).events.get(topic) as T[] | undefined) ?? [])];
}

/**
 * The timeline's topic filter, usable however many topics there are: the `lead` topics with the
 * most events stay in view, and every topic is in an A–Z list (`all`, sorted in the page's
 * language, an Arabic name by the word after its article) that the page folds away. The topic being shown is always among the lead, so the
 * control names it.
 */
export function topicFilter<T extends TopicCount & { name: string }>(topics: readonly T[], locale: string, options: { lead?: number; current?: string | undefined } = {}): { lead: T[]; all: T[] } {
  const { lead = 8, current } = options;
  const first = topics.slice(0, lead);
  const shown = topics.find((x) => x.id === current);
  if (shown && !first.includes(shown)) first.push(shown);
  // Arabic indexes file a name under the letter after the article: «الولايات المتحدة» under و.
  const key = (name: string) => (locale.startsWith('ar') ? name.replace(/^ال(?=\S\S)/u, '') : name);
  const all = [...topics].sort((a, b) => key(a.name).localeCompare(key(b.name), locale) || (a.id < b.id ? -1 : 1));
  return { lead: first, all };
}

/**
 * Paging (issue 16): the timeline's pages are months, `/timeline/<YYYY-MM>/`, stable addresses
 * that adding events elsewhere never moves. A month with more events than one page may hold is
 * cut into parts (`/timeline/<YYYY-MM>/2/`, …) of near-equal size, so no page grows with the
 * corpus beyond `TIMELINE_PAGE_EVENTS` events (near-equal, not full pages and a short rest: the
 * first page shows a month's last part, which must not be a lone event). The first pages
 * (`/timeline/`, `/timeline/oldest/`, a topic's) show whole months from their end up to the same
 * budget, then an index of every month.
 */
export const TIMELINE_PAGE_EVENTS = 50;

/** How many pages a month of `events` events takes (at least one, so every month has its page). */
export function partsOf(events: number, budget = TIMELINE_PAGE_EVENTS): number {
  return Math.max(1, Math.ceil(events / budget));
}

/**
 * The events of part `part` (1-based) of a month of `events` events cut into `parts` parts: a
 * half-open range [from, to) into the month's events, oldest first. Sizes differ by one at most.
 */
export function partRange(events: number, parts: number, part: number): { from: number; to: number } {
  return { from: Math.floor(((part - 1) * events) / parts), to: Math.floor((part * events) / parts) };
}

/** A month of the timeline: its events (in one language) and its number of pages (the same in every language). */
export interface TimelineMonth { month: string; events: number; parts: number }

/**
 * What a first page shows, in the page's order: whole months from its end (the newest months
 * for 'newest', the oldest for 'oldest') while their events fit the budget; if not even the
 * first month fits, the one part of it at that end. Months without events in this language
 * are skipped. `months` is oldest first.
 */
export function firstPageParts(months: readonly TimelineMonth[], order: 'newest' | 'oldest', budget = TIMELINE_PAGE_EVENTS): { month: string; part: number; whole: boolean }[] {
  const from = (order === 'newest' ? [...months].reverse() : [...months]).filter((m) => m.events > 0);
  const shown: { month: string; part: number; whole: boolean }[] = [];
  let total = 0;
  for (const m of from) {
    if (total + m.events > budget) break;
    total += m.events;
    for (let p = 1; p <= m.parts; p++) shown.push({ month: m.month, part: order === 'newest' ? m.parts + 1 - p : p, whole: true });
  }
  const first = from[0];
  if (shown.length === 0 && first) shown.push({ month: first.month, part: order === 'newest' ? first.parts : 1, whole: first.parts === 1 });
  return shown;
}

/**
 * The months of several languages' timelines as one list, oldest first: every month any
 * language has (so each month page has its counterpart), with this language's number of events
 * and pages enough for the language with most (the same parts, the same addresses, in each).
 */
export function timelineMonths(lang: string, byLang: Record<string, readonly { month: string; items: readonly unknown[] }[]>, budget = TIMELINE_PAGE_EVENTS): TimelineMonth[] {
  const most = new Map<string, number>();
  for (const groups of Object.values(byLang)) for (const g of groups) most.set(g.month, Math.max(most.get(g.month) ?? 0, g.items.length));
  const own = new Map((byLang[lang] ?? []).map((g) => [g.month, g.items.length]));
  return [...most.keys()].sort().map((month) => ({ month, events: own.get(month) ?? 0, parts: partsOf(most.get(month)!, budget) }));
}

/**
 * "What is new" on a language's home page: the latest additions and updates across briefings,
 * sources and timeline events, newest first, each dated by its content (a briefing by its date,
 * an update by the update's day, a source by its publication date, an event by the day it
 * happened), never by the build's clock. A source that is the only source of a briefing is
 * shown with that briefing rather than as a second entry for the same news.
 */
import type { Lang } from '../i18n/locales.ts';
import type { Briefing, Corpus, RenderedEvent, RenderedUpdate, Source } from './corpus/index.ts';
import { compareIso } from './dates.ts';

export type NewsEntry =
  | { kind: 'update'; date: string; briefing: Briefing; update: RenderedUpdate }
  | { kind: 'briefing'; date: string; briefing: Briefing; source: Source | undefined }
  | { kind: 'source'; date: string; source: Source }
  | { kind: 'event'; date: string; event: RenderedEvent };

/** Same-day order: updates first, then new briefings, new sources, timeline events. */
const RANK: Record<NewsEntry['kind'], number> = { update: 0, briefing: 1, source: 2, event: 3 };

export interface WhatsNewOptions {
  /** Entries shown. */
  limit?: number | undefined;
  /** At most this many timeline events, so they do not crowd out new briefings and sources. */
  maxEvents?: number | undefined;
}

/** The corpus's `whatsNew` (corpus/index.ts) calls this with the corpus's own lists, untracked. */
export function whatsNew(corpus: Pick<Corpus, 'briefings' | 'sources' | 'latestEvents'>, lang: Lang, { limit = 8, maxEvents = 3 }: WhatsNewOptions = {}): NewsEntry[] {
  const entries: NewsEntry[] = [];
  const shownWithBriefing = new Set<string>();
  for (const briefing of corpus.briefings[lang]) {
    const only = briefing.data.sources.length === 1 ? corpus.sources.get(briefing.data.sources[0]!) : undefined;
    if (only) shownWithBriefing.add(only.id);
    entries.push({ kind: 'briefing', date: briefing.data.date, briefing, source: only });
    for (const update of briefing.updates) entries.push({ kind: 'update', date: update.date, briefing, update });
  }
  for (const source of corpus.sources.values()) {
    if (!shownWithBriefing.has(source.id)) entries.push({ kind: 'source', date: source.record.published.date, source });
  }
  // The newest events, however many of one briefing (the list's rank orders them), asked for as such.
  const events = corpus.latestEvents(lang, maxEvents, maxEvents);
  for (const event of events) entries.push({ kind: 'event', date: event.date, event });
  return entries.sort((a, b) => compareIso(b.date, a.date) || RANK[a.kind] - RANK[b.kind] || key(a).localeCompare(key(b))).slice(0, limit);
}

function key(entry: NewsEntry): string {
  switch (entry.kind) {
    case 'update':
    case 'briefing':
      return entry.briefing.id;
    case 'source':
      return entry.source.id;
    case 'event':
      return `${entry.event.briefing} ${entry.event.text}`;
  }
}

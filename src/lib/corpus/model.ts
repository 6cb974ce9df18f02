/** The loaded, validated and cross-linked content the pages render. */
import type { Lang } from '../../i18n/locales.ts';
import type { BriefingEvent, BriefingFrontmatter, SourceRecord, TopicRecord } from '../../schemas/content.ts';
import type { Paragraph } from '../paragraphs.ts';
import type { CitedAt, HeadingInfo, TopicMention } from '../../markdown/env.ts';
import type { Page } from './load-pages.ts';
import type { ImageJob } from '../images/variants.ts';
import type { ContentProblem } from '../problems.ts';
import type { Draft } from './drafts.ts';
import type { CitationLink } from '../citations.ts';
import type { AlignmentState } from '../editorial/alignment.ts';
import type { TimelinePages } from './timeline-pages.ts';
import type { TimelineStatus } from '../timeline.ts';
import type { NewsEntry } from '../whats-new.ts';

export type { Page, Draft };

/** Present on a draft the dev server previews: why it is a draft and what is left to fix. */
export interface DraftNote {
  reasons: string[];
  /** Problems in its files (and in its source's, when the source is a draft too), by file and line. */
  problems: ContentProblem[];
}

export interface Source {
  id: string;
  file: string;
  record: SourceRecord;
  paragraphs: Paragraph[];
  /** English translation by paragraph number. */
  translation: Map<number, string>;
  /** Whether the translation still renders the current seed (docs/editorial-guide.md §8). */
  translationAlignment: AlignmentState & { file: string; line: number };
  draft?: DraftNote;
  /** The outlet name that stands for this source in citations ("Axios"), unique in the corpus. */
  outlet: Record<Lang, string>;
}

export interface Topic {
  id: string;
  file: string;
  record: TopicRecord;
  /** The record's `context`, rendered as a context note per language. */
  contextHtml?: Record<Lang, string>;
}

export type ResolvedCitation = CitationLink;

/** A dated event as its briefing file gives it, rendered (load-briefings.ts). */
export interface LoadedEvent extends BriefingEvent {
  html: string;
  citations: ResolvedCitation[];
  /** For a planned event: the later source's paragraphs reporting that it took place. */
  confirmations: ResolvedCitation[];
  briefing: string;
  lang: Lang;
  /** Topics linked in the event text. */
  topics: string[];
}

/**
 * A dated event as every page shows it (EventList): with what the published corpus decides about
 * it, decided once when the corpus is loaded (index.ts), not by each page. A page that decided
 * them itself would read the newest source's date or the whole briefing, and be rendered again
 * when a newer source arrives or the briefing's body changes, though neither changes what it shows.
 */
export interface RenderedEvent extends LoadedEvent {
  /** Its status on the timeline as of the newest published source (`status` is the one its briefing gives). */
  timelineStatus: TimelineStatus;
  /** The outlet of its briefing's first source, in the event's language. */
  outlet: string;
}

/** One entry of a briefing's update log, rendered. */
export interface RenderedUpdate {
  /** "YYYY-MM-DD". */
  date: string;
  html: string;
  /** The new source(s) that prompted the update. */
  sources: string[];
  /** Line of the entry in the briefing file, for content problems. */
  line: number;
}

/** A briefing; `E`: its events as loaded (LoadedEvent, the loaders and checks) or as pages show them. */
export interface Briefing<E extends LoadedEvent = RenderedEvent> {
  id: string;
  lang: Lang;
  file: string;
  data: BriefingFrontmatter;
  keyPoints: { html: string; citations: ResolvedCitation[] }[];
  events: E[];
  /** Dated update log, newest first. */
  updates: RenderedUpdate[];
  html: string;
  headings: HeadingInfo[];
  mentions: TopicMention[];
  /** Content images the body uses. */
  images: ImageJob[];
  /** Every citation in key points, body and events, with the section it stands in. */
  cited: CitedAt[];
  /** Plain text of title, dek, key points and body, for feeds and search excerpts. */
  wordCount: number;
  /** Content revision of this file (what the other language records when aligned with it). */
  revision: string;
  /** Per other language: whether this version is still aligned with it; `line` of the record. */
  alignment: { line: number; with: Partial<Record<Lang, AlignmentState>> };
  draft?: DraftNote;
}

/** A link to a briefing: what previous/next links show of it. */
export interface BriefingLink {
  id: string;
  title: string;
}

/** What a list of every briefing shows of one (briefing-meta.ts reads `data.sources` and `data.date`). */
export interface BriefingHead {
  id: string;
  data: Pick<BriefingFrontmatter, 'title' | 'date' | 'sources'>;
}

export interface Corpus {
  sources: Map<string, Source>;
  topics: Map<string, Topic>;
  /** Briefings per language, newest first (by primary source date, then id). */
  briefings: Record<Lang, Briefing[]>;
  briefing(lang: Lang, id: string): Briefing | undefined;
  /**
   * Whether a language has a briefing of this id. A page that only links to it asks this, not
   * `briefing`: it then renders again when a briefing comes or goes, not on every edit of one.
   */
  hasBriefing(lang: Lang, id: string): boolean;
  /**
   * What lists of every briefing show (title, date, sources; briefing-meta.ts), newest first: a
   * list reading `briefings` would render again on any edit of any briefing's text.
   */
  briefingHeads(lang: Lang): BriefingHead[];
  /**
   * The home page's "What is new" (whats-new.ts): only the entries it shows, so the home page
   * renders again when one of those changes, not on any edit of any briefing (walking
   * `briefings` for their updates made it render on every edit). Defaults: whats-new.ts.
   */
  whatsNew(lang: Lang, limit?: number, maxEvents?: number): NewsEntry[];
  /** The newest briefings of a language, `count` at most, leaving out `except` (the home page). */
  latestBriefings(lang: Lang, count: number, except?: string): Briefing[];
  /**
   * The briefings published before and after this one (by date), for previous/next links: only
   * what the links show, so a briefing renders again when its neighbour's title changes, not its text.
   */
  neighbours(lang: Lang, id: string): { older: BriefingLink | undefined; newer: BriefingLink | undefined };
  /**
   * A language version's alignment state against another language's version
   * (`briefing(lang, id).alignment.with[other]`): what the other version's lag note needs of it,
   * without making that page render again on every edit of this version's text.
   */
  alignmentWith(lang: Lang, id: string, other: Lang): AlignmentState | undefined;
  /**
   * The briefings of a language that link a topic (a topic's feeds). Not with their citing
   * sentences: a page's cache key then hashes no sentence (each briefing stands in it as its one
   * hash); asking for both hashed every citing sentence of the topic again.
   */
  mentioning(lang: Lang, topic: string): Briefing[];
  /**
   * The same as a topic page shows it: each briefing's id and title with its citing sentences.
   * A page reading whole briefings renders again when any part of them changes (their bodies,
   * their events); one reading this, when their titles or citing sentences do. (Not
   * narrowed to the few distinct sentences a page shows: at 1,000 bench sources that made every
   * build's cache keys of the topic pages 1.26 s instead of 0.48 s, for rare savings.)
   */
  mentionedIn(lang: Lang, topic: string): { id: string; title: string; sentences: string[] }[];
  /** Topic id → related topics (declared either way). */
  related(topic: string): string[];
  /**
   * All events of a language, oldest first. A page that shows some of them asks for those
   * (timelinePage, topicEvents, latestEvents): reading this makes it render again on any event's edit.
   */
  timeline(lang: Lang): RenderedEvent[];
  /** The first day of the newest source's date: what the timeline knows up to (never the clock). */
  knownUpTo: string;
  /** The timeline's months, oldest first (timeline-pages.ts). */
  timelineMonths: TimelinePages['timelineMonths'];
  /** One page of one month of the timeline, with what it shows (timeline-pages.ts). */
  timelinePage: TimelinePages['timelinePage'];
  /** The topics the timeline can be filtered by, with their numbers of events. */
  timelineTopics: TimelinePages['timelineTopics'];
  /** A topic's newest events and its number of events (a topic page shows a few, timeline-pages.ts). */
  topicEvents: TimelinePages['topicEvents'];
  /** The newest few events, a few at most of one briefing (the home page, timeline-pages.ts). */
  latestEvents: TimelinePages['latestEvents'];
  /** Briefings (per language) that cite a source. */
  citing(lang: Lang, source: string): Briefing[];
  /**
   * Per cited paragraph of a source (by its number), the briefings (per language) citing it, each
   * with the section that cites it first. A source page asks once, not once per paragraph (each
   * call is a read its cache key hashes, page-deps.ts: 194,000 of them at 5,000 bench sources).
   */
  citingParagraphs(lang: Lang, source: string): ReadonlyMap<number, { briefing: Briefing; anchor: string }[]>;
  /** A free-standing page (content/pages/{lang}/{id}.md). */
  page(lang: Lang, id: string): Page | undefined;
  /** Drafts found, whether this corpus previews them (dev server) or leaves them out (build). */
  drafts: Draft[];
}

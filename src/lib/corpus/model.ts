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

export interface RenderedEvent extends BriefingEvent {
  html: string;
  citations: ResolvedCitation[];
  /** For a planned event: the later source's paragraphs reporting that it took place. */
  confirmations: ResolvedCitation[];
  briefing: string;
  lang: Lang;
  /** Topics linked in the event text. */
  topics: string[];
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

export interface Briefing {
  id: string;
  lang: Lang;
  file: string;
  data: BriefingFrontmatter;
  keyPoints: { html: string; citations: ResolvedCitation[] }[];
  events: RenderedEvent[];
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

export interface Corpus {
  sources: Map<string, Source>;
  topics: Map<string, Topic>;
  /** Briefings per language, newest first (by primary source date, then id). */
  briefings: Record<Lang, Briefing[]>;
  briefing(lang: Lang, id: string): Briefing | undefined;
  /** The briefings published before and after this one (by date), for previous/next links. */
  neighbours(lang: Lang, id: string): { older: Briefing | undefined; newer: Briefing | undefined };
  /** Topic id → briefings of a language that link it, with the citing sentences. */
  backlinks(lang: Lang, topic: string): { briefing: Briefing; sentences: string[] }[];
  /** Topic id → related topics (declared either way). */
  related(topic: string): string[];
  /** All events of a language, oldest first. */
  timeline(lang: Lang): RenderedEvent[];
  /** The first day of the newest source's date: what the timeline knows up to (never the clock). */
  knownUpTo: string;
  /** The timeline's months, oldest first (timeline-pages.ts). */
  timelineMonths: TimelinePages['timelineMonths'];
  /** One page of one month of the timeline, with what it shows (timeline-pages.ts). */
  timelinePage: TimelinePages['timelinePage'];
  /** The topics the timeline can be filtered by, with their numbers of events. */
  timelineTopics: TimelinePages['timelineTopics'];
  /** Briefings (per language) that cite a source. */
  citing(lang: Lang, source: string): Briefing[];
  /** Briefings (per language) that cite one paragraph of a source, and the section that cites it first. */
  citingParagraph(lang: Lang, source: string, n: number): { briefing: Briefing; anchor: string }[];
  /** A free-standing page (content/pages/{lang}/{id}.md). */
  page(lang: Lang, id: string): Page | undefined;
  /** Drafts found, whether this corpus previews them (dev server) or leaves them out (build). */
  drafts: Draft[];
}

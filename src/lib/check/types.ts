/**
 * What an editorial rule sees and how it reports. Rules run on everything the loaders read,
 * drafts included, with each file's YAML at hand for the line of any field.
 */
import type { Lang } from '../../i18n/locales.ts';
import type { LoadedBriefing } from '../corpus/load-briefings.ts';
import type { LoadedSource } from '../corpus/load-sources.ts';
import type { LoadedTopic } from '../corpus/load-topics.ts';
import type { ContentProblem, Severity } from '../problems.ts';

export interface Content {
  root: string;
  sources: Map<string, LoadedSource>;
  topics: Map<string, LoadedTopic>;
  briefings: Record<Lang, LoadedBriefing[]>;
  /** File names in `seeds/`. */
  seeds: string[];
}

export type Report = (problem: Pick<ContentProblem, 'file' | 'line' | 'message' | 'fix'>) => void;

export interface Rule {
  /** Stable id, printed with each problem; docs/editorial-guide.md has a row for each. */
  id: string;
  /** `error` stops a build of published content; `warning` never does. */
  severity: Severity;
  /** What the rule asks for, with its numbers, in one line. */
  summary: string;
  check(content: Content, report: Report): void;
}

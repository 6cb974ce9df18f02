/**
 * Every editorial rule, one per file. `npm run check`, the build and the content tests all run
 * this list; docs/editorial-guide.md ("Rules the checker enforces") has a row for each id.
 * To add a rule: write `rules/<id>.ts` exporting a `Rule`, add it here, add its row to the guide.
 */
import type { Rule } from '../types.ts';
import { briefingDate } from './briefing-date.ts';
import { counterparts } from './counterparts.ts';
import { keyPoints } from './key-points.ts';
import { onTimeline } from './on-timeline.ts';
import { eventTopics } from './event-topics.ts';
import { sections } from './sections.ts';
import { seedsDescribed } from './seeds-described.ts';
import { spellings } from './spellings.ts';
import { summaryLength } from './summary-length.ts';
import { topicDescriptions } from './topic-descriptions.ts';
import { topicsLinked } from './topics-linked.ts';
import { topicsUsed } from './topics-used.ts';
import { updateLog } from './update-log.ts';
import { westernDigits } from './western-digits.ts';
import { usSpelling } from './us-spelling.ts';
import { tanween } from './tanween.ts';
import { detachedPrefixes } from './detached-prefixes.ts';
import { sectionHeadings } from './section-headings.ts';
import { invisibleCharacters } from './invisible-characters.ts';
import { seedBidiControls } from './seed-bidi-controls.ts';
import { translationAlignment } from './translation-alignment.ts';

export const RULES: readonly Rule[] = [
  counterparts,
  briefingDate,
  keyPoints,
  sections,
  summaryLength,
  topicsLinked,
  westernDigits,
  spellings,
  usSpelling,
  tanween,
  detachedPrefixes,
  sectionHeadings,
  invisibleCharacters,
  topicDescriptions,
  topicsUsed,
  onTimeline,
  eventTopics,
  updateLog,
  seedsDescribed,
  seedBidiControls,
  translationAlignment,
];

/**
 * Rule on-timeline (warning): a source's briefing lists the dated events the source reports;
 * with `events: []` the source does not appear on the timeline.
 */
import { isSourceBriefing, allBriefings } from '../helpers.ts';
import type { Rule } from '../types.ts';

export const onTimeline: Rule = {
  id: 'on-timeline',
  severity: 'warning',
  summary: "a source's briefing has at least 1 event, or the source is missing from the timeline",
  check(content, report) {
    for (const b of allBriefings(content)) {
      if (!isSourceBriefing(content, b) || b.flawed(['events']) || b.briefing.data.events.length > 0) continue;
      report({ file: b.briefing.file, line: b.yaml.keyLineOf(['events']), message: `no events, so source "${b.briefing.id}" will not appear on the timeline`, fix: 'add the dated events the source reports (date, status, text, cite; docs/content-format.md); if it reports none, this warning can stay' });
    }
  },
};

/**
 * Rule topics-used: every topic is linked from at least one briefing (drafts count), so no
 * topic page is left with nothing to list.
 */
import { allBriefings } from '../helpers.ts';
import type { Rule } from '../types.ts';

export const topicsUsed: Rule = {
  id: 'topics-used',
  severity: 'error',
  summary: 'every topic record is linked from at least one briefing',
  check(content, report) {
    const linked = new Set(allBriefings(content).flatMap((b) => b.briefing.mentions.map((m) => m.topic)));
    for (const { topic } of content.topics.values()) {
      if (!linked.has(topic.id)) report({ file: topic.file, line: 1, message: `no briefing links topic "${topic.id}", so its page would list nothing`, fix: `link it with [[${topic.id}]] where a briefing mentions it (and add it to that briefing's "topics:"), or remove the record` });
    }
  },
};

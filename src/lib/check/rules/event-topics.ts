/**
 * Rule event-topics (warning): an event is filed under the same topics in both languages. The
 * timeline's topic filter and each topic's own timeline list an event under the topics its text
 * links or names (a name or alias in that language, src/lib/named-topics.ts). When the Arabic
 * names a topic in words the English aliases lack (or the other way round), the event shows on
 * that topic's timeline in one language only; the fix is to name the topic in both, or to add
 * the wording used to the topic's aliases.
 */
import { at, counterpartPairs, LANGUAGE_NAME } from '../helpers.ts';
import type { Rule } from '../types.ts';

export const eventTopics: Rule = {
  id: 'event-topics',
  severity: 'warning',
  summary: "an event is filed under the same topics in both languages (the topics its text links, or names by a name or alias in that language)",
  check(content, report) {
    for (const [a, b] of counterpartPairs(content)) {
      if (a.flawed(['events']) || b.flawed(['events']) || a.briefing.events.length !== b.briefing.events.length) continue;
      a.briefing.events.forEach((eventA, i) => {
        const eventB = b.briefing.events[i]!;
        for (const [x, y, ex, ey] of [[a, b, eventA, eventB], [b, a, eventB, eventA]] as const) {
          for (const topic of ey.topics) {
            if (ex.topics.includes(topic)) continue;
            const record = content.topics.get(topic)?.record;
            const lang = x.briefing.lang;
            const aliases = record ? at(record.file, record.yaml.lineOf(['aliases', lang])) : `content/topics/${topic}.yaml`;
            report({
              file: x.briefing.file,
              line: x.yaml.lineOf(['events', i, 'text']),
              message: `event ${i + 1} is filed under topic "${topic}" in the ${LANGUAGE_NAME[y.briefing.lang]} version (${at(y.briefing.file, y.yaml.lineOf(['events', i, 'text']))}) but not here: this text neither links it nor uses one of its ${LANGUAGE_NAME[lang]} names`,
              fix: `name the topic here as the other version does, link it with [[${topic}]], or add the words used here to "aliases: ${lang}:" in ${aliases}`,
            });
          }
        }
      });
    }
  },
};

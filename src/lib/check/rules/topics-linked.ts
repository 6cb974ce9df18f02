/**
 * Rule topics-linked: a briefing's `topics:` list and its `[[topic]]` links match exactly, so
 * the topic chips, the topic pages' "mentioned in" lists and the text agree.
 */
import { allBriefings } from '../helpers.ts';
import type { Rule } from '../types.ts';

export const topicsLinked: Rule = {
  id: 'topics-linked',
  severity: 'error',
  summary: 'every topic in a briefing\'s "topics:" is linked with [[id]] in its text, and every linked topic is listed',
  check(content, report) {
    for (const b of allBriefings(content)) {
      if (b.flawed(['topics'])) continue;
      const { data, mentions, file } = b.briefing;
      const linked = new Map<string, number | undefined>();
      for (const m of mentions) if (!linked.has(m.topic)) linked.set(m.topic, m.line);
      data.topics.forEach((topic, i) => {
        if (content.topics.has(topic) && !linked.has(topic)) report({ file, line: b.yaml.lineOf(['topics', i]), message: `topic "${topic}" is listed but never linked`, fix: `link it where the text mentions it with [[${topic}]] (or [[${topic}|other words]]), or remove it from "topics:"` });
      });
      for (const [topic, line] of linked) {
        if (content.topics.has(topic) && !data.topics.includes(topic)) report({ file, line: line ?? b.yaml.lineOf(['topics']), message: `topic "${topic}" is linked but not listed in "topics:" (line ${b.yaml.lineOf(['topics'])})`, fix: `add ${topic} to "topics:"` });
      }
    }
  },
};

/** Rule topic-descriptions: a topic's description is 2–4 sentences, at least 9 words, in each language. */
import { LANGS } from '../../../i18n/locales.ts';
import { countWords, LANGUAGE_NAME } from '../helpers.ts';
import type { Rule } from '../types.ts';

export const DESCRIPTION_MIN_WORDS = 9;

export const topicDescriptions: Rule = {
  id: 'topic-descriptions',
  severity: 'error',
  summary: `a topic's description has at least ${DESCRIPTION_MIN_WORDS} words in each language (2–4 neutral sentences drawn from the sources)`,
  check(content, report) {
    for (const { topic, record } of content.topics.values()) {
      for (const lang of LANGS) {
        if (record.flawed(['description', lang])) continue;
        const words = countWords(topic.record.description[lang]);
        if (words >= DESCRIPTION_MIN_WORDS) continue;
        report({ file: topic.file, line: record.yaml.lineOf(['description', lang]), message: `the ${LANGUAGE_NAME[lang]} description has ${words} word${words === 1 ? '' : 's'}; a description has at least ${DESCRIPTION_MIN_WORDS}`, fix: 'write 2–4 neutral sentences saying who or what this is and its part in the sources' });
      }
    }
  },
};

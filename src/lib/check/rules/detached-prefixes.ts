/**
 * Rule detached-prefixes: an Arabic prefix is not written detached before a topic link
 * («لـ[[reconstruction]]» shows «لـإعادة الإعمار»); the link text carries the attached prefix,
 * `[[reconstruction|لإعادة الإعمار]]` (docs/editorial-guide.md §7). Checked wherever links can be
 * written: briefings, pages and topic records.
 */
import { LANGS } from '../../../i18n/locales.ts';
import { findDetachedPrefixes } from '../../editorial/detached-prefix.ts';
import { markdownTexts, readText, reportFindings } from '../../editorial/content-texts.ts';
import type { Rule } from '../types.ts';

export const detachedPrefixes: Rule = {
  id: 'detached-prefixes',
  severity: 'error',
  summary: 'no Arabic prefix written detached before a link («لـ[[», «بـ[[», «كـ[[»): the link text carries it, `[[id|لإعادة الإعمار]]`',
  check(content, report) {
    const name = (id: string) => content.topics.get(id)?.topic.record.name.ar;
    for (const lang of LANGS) for (const { file, text } of markdownTexts(content, lang)) reportFindings(report, file, 1, findDetachedPrefixes(text, name));
    for (const { topic } of content.topics.values()) {
      const text = readText(content.root, topic.file);
      if (text !== undefined) reportFindings(report, topic.file, 1, findDetachedPrefixes(text, name));
    }
  },
};

/**
 * Rule section-headings: a section id reads the same in every briefing of a language («ما أهمية
 * ذلك؟» everywhere, not «لماذا يهم» in one and «لماذا يهمّ ذلك» in another), so readers meet one
 * heading per section (docs/editorial-guide.md §8). The most common wording is taken as the one.
 */
import { LANGS } from '../../../i18n/locales.ts';
import type { Rule } from '../types.ts';

export const sectionHeadings: Rule = {
  id: 'section-headings',
  severity: 'error',
  summary: 'a section {#id} has the same heading in every briefing of a language',
  check(content, report) {
    for (const lang of LANGS) {
      const uses = new Map<string, Map<string, { file: string; line: number }[]>>();
      for (const b of content.briefings[lang]) {
        b.body.split('\n').forEach((text, i) => {
          const m = /^#{2,6}\s+(.*?)\s*\{#([\w-]+)\}\s*$/.exec(text);
          if (!m) return;
          const [, heading = '', id = ''] = m;
          const byText = uses.get(id) ?? new Map<string, { file: string; line: number }[]>();
          byText.set(heading, [...(byText.get(heading) ?? []), { file: b.briefing.file, line: b.bodyLine + i }]);
          uses.set(id, byText);
        });
      }
      for (const [id, byText] of uses) {
        if (byText.size < 2) continue;
        const [usual] = [...byText].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0]!;
        for (const [heading, places] of byText) {
          if (heading === usual) continue;
          for (const { file, line } of places) report({ file, line, message: `section {#${id}} is headed "${heading}" here but "${usual}" in the other briefings`, fix: `write "## ${usual} {#${id}}"` });
        }
      }
    }
  },
};

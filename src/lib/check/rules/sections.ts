/**
 * Rule sections: a briefing opens with its summary and ends with why it matters and the open
 * questions; a source's briefing has exactly these three sections.
 */
import type { Lang } from '../../../i18n/locales.ts';
import { allBriefings, isSourceBriefing } from '../helpers.ts';
import type { Rule } from '../types.ts';

export const SECTIONS = ['summary', 'why-it-matters', 'open-questions'] as const;

const HEADINGS: Record<Lang, string> = {
  ar: '"## الملخص {#summary}", "## لماذا يهم {#why-it-matters}", "## أسئلة مفتوحة {#open-questions}"',
  en: '"## Summary {#summary}", "## Why it matters {#why-it-matters}", "## Open questions {#open-questions}"',
};

export const sections: Rule = {
  id: 'sections',
  severity: 'error',
  summary: "sections: summary first, then why-it-matters and open-questions last; a source's briefing has exactly these three",
  check(content, report) {
    for (const b of allBriefings(content)) {
      const headings = b.briefing.headings.filter((h) => h.level === 2);
      const ids = headings.map((h) => h.id);
      const exact = isSourceBriefing(content, b);
      const ok = exact
        ? ids.join() === SECTIONS.join()
        : ids[0] === SECTIONS[0] && ids.slice(-2).join() === SECTIONS.slice(1).join();
      if (ok) continue;
      const wrong = exact ? headings.find((h, i) => h.id !== SECTIONS[i]) : undefined;
      report({
        file: b.briefing.file,
        line: wrong?.line ?? headings[0]?.line ?? b.bodyLine,
        message: `the sections are ${ids.length ? ids.join(', ') : 'missing'}; ${exact ? "a source's briefing has exactly summary, why-it-matters, open-questions" : 'a briefing starts with summary and ends with why-it-matters, open-questions'}`,
        fix: `use these level-2 headings, in this order: ${HEADINGS[b.briefing.lang]}`,
      });
    }
  },
};

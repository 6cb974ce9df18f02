/**
 * Rule summary-length: a source's summary runs 200–400 words in English and 150–400 in Arabic
 * (Arabic attaches particles and pronouns, so the same text has fewer words). Words are counted
 * in the rendered summary section: citation marks and punctuation are not words.
 */
import type { Lang } from '../../../i18n/locales.ts';
import { allBriefings, countWords, isSourceBriefing, plain, section } from '../helpers.ts';
import type { Rule } from '../types.ts';

export const SUMMARY_WORDS: Record<Lang, { min: number; max: number }> = { en: { min: 200, max: 400 }, ar: { min: 150, max: 400 } };

export const summaryLength: Rule = {
  id: 'summary-length',
  severity: 'error',
  summary: `a source's summary runs ${SUMMARY_WORDS.en.min}–${SUMMARY_WORDS.en.max} words in English and ${SUMMARY_WORDS.ar.min}–${SUMMARY_WORDS.ar.max} in Arabic`,
  check(content, report) {
    for (const b of allBriefings(content)) {
      const heading = b.briefing.headings.find((h) => h.id === 'summary');
      if (!heading || !isSourceBriefing(content, b)) continue;
      const { lang } = b.briefing;
      const words = countWords(plain(section(b.briefing.html, 'summary')));
      const { min, max } = SUMMARY_WORDS[lang];
      if (words >= min && words <= max) continue;
      report({
        file: b.briefing.file,
        line: heading.line ?? b.bodyLine,
        message: `the summary has ${words} word${words === 1 ? '' : 's'}; in ${lang === 'ar' ? 'Arabic' : 'English'} a summary runs ${min}–${max}`,
        fix: words < min ? `add about ${min - words} words of what the source says, with citations` : `cut about ${words - max} words; keep who proposed what, who agreed and what is open`,
      });
    }
  },
};

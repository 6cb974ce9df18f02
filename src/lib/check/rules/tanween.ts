/**
 * Rule tanween: one tanween convention in Arabic, tanween al-fath on the last letter before the
 * seat alif («عضوًا», not «عضواً»; docs/editorial-guide.md §7). Checked in Arabic briefings and
 * pages, the Arabic prose of topic and source records, and the Arabic UI dictionary. Quotations
 * follow it too: tanween placement is typography, like quotation marks, not the source's words.
 */
import { findTanweenOnAlif } from '../../editorial/tanween.ts';
import { checkProse, readText, reportFindings } from '../../editorial/content-texts.ts';
import type { Rule } from '../types.ts';

/** The Arabic UI strings live with the code; checked when the content root is the project. */
export const AR_DICTIONARY = 'src/i18n/ui/ar.ts';

export const tanween: Rule = {
  id: 'tanween',
  severity: 'error',
  summary: 'Arabic tanween al-fath sits on the letter before the alif («عضوًا», not «عضواً»), in content and the Arabic UI dictionary',
  check(content, report) {
    checkProse(content, 'ar', findTanweenOnAlif, report);
    const dictionary = readText(content.root, AR_DICTIONARY);
    if (dictionary !== undefined) reportFindings(report, AR_DICTIONARY, 1, findTanweenOnAlif(dictionary));
  },
};

/**
 * Rule us-spelling: our English uses US spelling. The spellings it rules out are the list in
 * docs/editorial-guide.md ("English spellings we rule out"), read from the guide itself so there
 * is one list. Checked in English briefings and pages, the English prose of topic and source
 * records, and the translations; quotations (“…”), URLs and ids keep their own spelling.
 */
import { findRuledOutSpellings, parseSpellingList } from '../../editorial/spelling.ts';
import { checkProse, readText } from '../../editorial/content-texts.ts';
import type { Rule } from '../types.ts';

export const GUIDE = 'docs/editorial-guide.md';

export const usSpelling: Rule = {
  id: 'us-spelling',
  severity: 'error',
  summary: 'English follows US spelling: no spelling from the list in §7 ("signalling", "organisation", "labelled", …), outside quotations',
  check(content, report) {
    const guide = readText(content.root, GUIDE);
    const list = guide === undefined ? [] : parseSpellingList(guide);
    if (list.length) checkProse(content, 'en', (text) => findRuledOutSpellings(text, list), report);
  },
};

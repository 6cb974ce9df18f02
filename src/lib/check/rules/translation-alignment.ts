/**
 * Rule translation-alignment: the language versions of a briefing, and a source's translation
 * and its seed, record which revision of the other side they were last aligned with
 * (docs/editorial-guide.md §8). When one side changes and the other does not, the side that did
 * not change is behind: the check names it and says since when, and its page tells readers it may
 * lag. A warning, not an error: a correction may go out in one language first.
 *
 * No record means nobody has confirmed that the two agree yet. In a site that keeps records (any
 * file has one, as ours does) the check names every published file without one and says to run
 * `npm run align`; a content root that never aligned anything (a new site, a test fixture) is not
 * nagged file by file. Drafts are what the build leaves out (`draft: true` in either language, a
 * TODO in any of its files, a draft source), judged as `findDrafts` judges them, so a briefing and
 * its source's translation are never reminded while they are still being written; a side that
 * fell behind is named even in a draft. Pages show readers nothing for a missing record: their
 * note says the other side changed after an editor aligned the two, and without a record there is
 * no such change to report.
 */
import { otherLangs } from '../../../i18n/locales.ts';
import { findDrafts } from '../../corpus/drafts.ts';
import { allBriefings, LANGUAGE_NAME } from '../helpers.ts';
import type { Rule } from '../types.ts';

export const translationAlignment: Rule = {
  id: 'translation-alignment',
  severity: 'warning',
  summary: 'each language version of a briefing, and each translation, is aligned with the current revision of its counterpart (npm run align records it)',
  check(content, report) {
    const briefings = allBriefings(content);
    const sources = [...content.sources.values()];
    const keepsRecords = briefings.some((b) => b.briefing.data.aligned) || sources.some((s) => s.source.translationAlignment.state !== 'unrecorded');
    const drafts = findDrafts(content);
    for (const { briefing } of briefings) {
      for (const other of otherLangs(briefing.lang)) {
        const state = briefing.alignment.with[other];
        if (!state || state.state === 'aligned') continue;
        const counterpart = briefing.file.replace(`/${briefing.lang}/`, `/${other}/`);
        const line = briefing.alignment.line;
        if (state.state === 'behind') {
          report({ file: briefing.file, line, message: `behind the ${LANGUAGE_NAME[other]} version (${counterpart}), which changed after the two were aligned on ${state.on}`, fix: `bring this version in line (npm run review -- ${briefing.id} shows what changed in the ${LANGUAGE_NAME[other]}), then run npm run align -- ${briefing.id}` });
        } else if (keepsRecords && !drafts.briefings.has(briefing.id)) {
          report({ file: briefing.file, line, message: `no record that this version was aligned with the ${LANGUAGE_NAME[other]} version (${counterpart})`, fix: `once both versions say the same things, run npm run align -- ${briefing.id}` });
        }
      }
    }
    for (const { source, seedFile, seedRead } of sources) {
      const { translationAlignment: state } = source;
      if (!seedRead || state.state === 'aligned') continue;
      if (state.state === 'behind') {
        report({ file: state.file, line: state.line, message: `behind ${seedFile}, which changed after the translation was aligned on ${state.on}`, fix: `check the translation against the changed paragraphs (npm run review -- ${source.id}), then run npm run align -- --translation ${source.id}` });
      } else if (keepsRecords && !drafts.sources.has(source.id)) {
        report({ file: state.file, line: state.line, message: `no record that this translation was aligned with ${seedFile}`, fix: `once every paragraph renders the seed, run npm run align -- --translation ${source.id}` });
      }
    }
  },
};

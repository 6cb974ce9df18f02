/**
 * Rule translation-alignment: the language versions of a briefing, and a source's translation
 * and its seed, record which revision of the other side they were last aligned with
 * (docs/editorial-guide.md §8). When one side changes and the other does not, the side that did
 * not change is behind: the check names it and says since when, and its page tells readers it may
 * lag. A warning, not an error: a correction may go out in one language first.
 *
 * A missing record is named only once the site keeps records (any file has one) and only for
 * published files: a draft is still being written, and a content root that never aligned
 * anything (a new site, a test fixture) is not nagged file by file.
 */
import { otherLangs } from '../../../i18n/locales.ts';
import { allBriefings, LANGUAGE_NAME } from '../helpers.ts';
import type { Rule } from '../types.ts';

export const translationAlignment: Rule = {
  id: 'translation-alignment',
  severity: 'warning',
  summary: 'each language version of a briefing, and each translation, is aligned with the current revision of its counterpart (npm run align records it)',
  check(content, report) {
    const briefings = allBriefings(content);
    const sources = [...content.sources.values()];
    const adopted = briefings.some((b) => b.briefing.data.aligned) || sources.some((s) => s.source.translationAlignment.state !== 'unrecorded');
    for (const { briefing, markedDraft, todos } of briefings) {
      for (const other of otherLangs(briefing.lang)) {
        const state = briefing.alignment.with[other];
        if (!state || state.state === 'aligned') continue;
        const counterpart = briefing.file.replace(`/${briefing.lang}/`, `/${other}/`);
        const line = briefing.alignment.line;
        if (state.state === 'behind') {
          report({ file: briefing.file, line, message: `behind the ${LANGUAGE_NAME[other]} version (${counterpart}), which changed after the two were aligned on ${state.on}`, fix: `bring this version in line (npm run review -- ${briefing.id} shows what changed in the ${LANGUAGE_NAME[other]}), then run npm run align -- ${briefing.id}` });
        } else if (adopted && !markedDraft && !todos) {
          report({ file: briefing.file, line, message: `no record that this version was aligned with the ${LANGUAGE_NAME[other]} version (${counterpart})`, fix: `once both versions say the same things, run npm run align -- ${briefing.id}` });
        }
      }
    }
    for (const { source, seedFile, seedRead, translation } of sources) {
      const { translationAlignment: state } = source;
      if (!seedRead || state.state === 'aligned') continue;
      if (state.state === 'unrecorded' && (!adopted || translation.todos)) continue;
      if (state.state === 'behind') {
        report({ file: state.file, line: state.line, message: `behind ${seedFile}, which changed after the translation was aligned on ${state.on}`, fix: `check the translation against the changed paragraphs (npm run review -- ${source.id}), then run npm run align -- --translation ${source.id}` });
      } else {
        report({ file: state.file, line: state.line, message: `no record that this translation was aligned with ${seedFile}`, fix: `once every paragraph renders the seed, run npm run align -- --translation ${source.id}` });
      }
    }
  },
};

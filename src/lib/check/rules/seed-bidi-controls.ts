/**
 * Rule seed-bidi-controls: a seed stays verbatim, so its direction controls (embeddings,
 * overrides, isolates, marks) are not an error; but its page shows the text without them, so
 * they cannot reorder what a reader sees (docs/editorial-guide.md §8). The warning says where
 * they are, so an editor knows the page differs from the file there.
 */
import { codePointLabel, hasBidiControls } from '../../editorial/invisible.ts';
import { readText } from '../../editorial/content-texts.ts';
import type { Rule } from '../types.ts';

const CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

export const seedBidiControls: Rule = {
  id: 'seed-bidi-controls',
  severity: 'warning',
  summary: 'a seed with bidi controls keeps them in the file; its page shows the paragraph without them',
  check(content, report) {
    for (const name of content.seeds) {
      const file = `seeds/${name}`;
      const text = readText(content.root, file);
      if (text === undefined || !hasBidiControls(text)) continue;
      text.split('\n').forEach((line, i) => {
        const found = [...new Set(line.match(CONTROL) ?? [])];
        if (found.length) report({ file, line: i + 1, message: `direction control${found.length > 1 ? 's' : ''} ${found.map(codePointLabel).join(', ')} in the seed`, fix: 'nothing to do: seeds stay verbatim, and the source page shows this paragraph without them; if the file was damaged in transit, replace it with a clean copy of the document' });
      });
    }
  },
};

/** Rule key-points: a source's briefing has 3–6 key points; an overview 3–8. */
import { allBriefings, isSourceBriefing } from '../helpers.ts';
import type { Rule } from '../types.ts';

export const KEY_POINTS = { source: { min: 3, max: 6 }, overview: { min: 3, max: 8 } } as const;

export const keyPoints: Rule = {
  id: 'key-points',
  severity: 'error',
  summary: `a source's briefing has ${KEY_POINTS.source.min}–${KEY_POINTS.source.max} key points; an overview ${KEY_POINTS.overview.min}–${KEY_POINTS.overview.max}`,
  check(content, report) {
    for (const b of allBriefings(content)) {
      if (b.flawed(['keyPoints'])) continue;
      const kind = isSourceBriefing(content, b) ? 'source' : 'overview';
      const { min, max } = KEY_POINTS[kind];
      const n = b.briefing.data.keyPoints.length;
      if (n >= min && n <= max) continue;
      report({
        file: b.briefing.file,
        line: b.yaml.keyLineOf(['keyPoints']),
        message: `${n} key point${n === 1 ? '' : 's'}; ${kind === 'source' ? "a source's briefing" : 'an overview'} has ${min}–${max}`,
        fix: n < min ? `add ${min - n} more, each with the paragraph(s) it rests on in "cite"` : `merge or drop ${n - max}, keeping the ones a reader needs first`,
      });
    }
  },
};

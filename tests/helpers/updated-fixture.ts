/**
 * The mini fixture after a follow-up report arrived: a second source (`followup`) and a dated
 * update of the `sample` briefing, in both languages, that cites it. For tests of the update
 * log, the feeds' update dates and "what is new".
 */
import { copyFixture } from './fixture.ts';

export const UPDATE_DATE = '2025-11-20';

export function updatedFixture(): ReturnType<typeof copyFixture> {
  const f = copyFixture();
  f.write('seeds/followup.txt', 'عنوان المتابعة\n\nقالت المصادر إن القوة ستنتشر أولًا على طول الخط الأصفر.\n');
  f.write('content/sources/followup.yaml', [
    'seed: followup.txt',
    'headline: { ar: "عنوان المتابعة", en: "Follow-up headline" }',
    'publisher: { name: { ar: "موقع تجريبي", en: "Sample site" } }',
    'published:',
    `  date: "${UPDATE_DATE}"`,
    '  precision: day',
    '  confidence: high',
    '  inferred: false',
    '',
  ].join('\n'));
  f.write('content/sources/followup.en.yaml', 'paragraphs:\n  1: "Follow-up headline"\n  2: "The sources said the force would deploy first along the yellow line."\n');
  const update = (text: string) => `updates:\n  - date: "${UPDATE_DATE}"\n    text: "${text}"\n    sources: [followup]\n---`;
  f.edit('content/briefings/en/sample.md', (t) => t.replace('sources: [sample]', 'sources: [sample, followup]').replace('    cite: ["3"]\n---', `    cite: ["3"]\n${update('Added where the force would deploy first, from a follow-up report. [@followup:2]')}`));
  f.edit('content/briefings/ar/sample.md', (t) => t.replace('sources: [sample]', 'sources: [sample, followup]').replace('    cite: ["3"]\n---', `    cite: ["3"]\n${update('أضفنا مكان الانتشار الأول للقوة، من تقرير لاحق. [@followup:2]')}`));
  return f;
}

/**
 * Rule briefing-date: a briefing carries its source's date. A source's own briefing has the
 * primary source's `published.date`; an overview (a briefing spanning sources) the newest of
 * its sources' dates. The source record decides, so the briefing is the side to change.
 */
import type { LoadedBriefing } from '../../corpus/load-briefings.ts';
import { compareIso } from '../../dates.ts';
import { at, isSourceBriefing } from '../helpers.ts';
import type { Content, Rule } from '../types.ts';

/** The date a briefing must carry and where it comes from, when the source records can tell. */
export function expectedDate(content: Content, b: LoadedBriefing): { date: string; from: string; overview: boolean } | undefined {
  if (b.flawed(['sources'])) return undefined;
  const ids = isSourceBriefing(content, b) ? b.briefing.data.sources.slice(0, 1) : b.briefing.data.sources;
  const records = ids.map((id) => content.sources.get(id));
  if (records.length === 0 || records.some((s) => !s || s.record.flawed(['published', 'date']))) return undefined;
  const newest = records.reduce((x, y) => (compareIso(y!.source.record.published.date, x!.source.record.published.date) > 0 ? y : x))!;
  return { date: newest.source.record.published.date, from: at(newest.source.file, newest.record.yaml.lineOf(['published', 'date'])), overview: !isSourceBriefing(content, b) };
}

export const briefingDate: Rule = {
  id: 'briefing-date',
  severity: 'error',
  summary: "a source's briefing is dated with its primary source's published.date; an overview with the newest of its sources' dates",
  check(content, report) {
    for (const lang of Object.keys(content.briefings) as (keyof typeof content.briefings)[]) {
      for (const b of content.briefings[lang]) {
        if (b.flawed(['date'])) continue;
        const expected = expectedDate(content, b);
        const { date } = b.briefing.data;
        if (!expected || expected.date === date) continue;
        report({
          file: b.briefing.file,
          line: b.yaml.lineOf(['date']),
          message: `date "${date}" is not ${expected.overview ? "the newest of its sources' published dates" : "the source's published date"}, "${expected.date}" (${expected.from})`,
          fix: `change it to date: "${expected.date}" (the source record decides; if the record is wrong, correct it there first)`,
        });
      }
    }
  },
};

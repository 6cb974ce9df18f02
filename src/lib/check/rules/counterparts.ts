/**
 * Rule counterparts: the languages of a briefing say the same things. Both list the same
 * sources in the same order, the same topics, key points with the same citations, the same
 * events (date, status, citations) and the same section ids. Each difference is reported on the
 * field's own line with both values; dates are left to briefing-date, which knows which side
 * is right, unless the source record cannot tell.
 */
import type { LoadedBriefing } from '../../corpus/load-briefings.ts';
import { at, counterpartPairs, LANGUAGE_NAME } from '../helpers.ts';
import type { Content, Report, Rule } from '../types.ts';
import { expectedDate } from './briefing-date.ts';

const show = (value: unknown) => JSON.stringify(value);

function compareLists(a: LoadedBriefing, b: LoadedBriefing, report: Report): void {
  const A = a.briefing.data;
  const B = b.briefing.data;
  const other = (x: LoadedBriefing) => `the ${LANGUAGE_NAME[x.briefing.lang]} version`;
  const there = (x: LoadedBriefing, path: (string | number)[]) => at(x.briefing.file, x.yaml.keyLineOf(path));

  if (!a.flawed(['sources']) && !b.flawed(['sources']) && show(A.sources) !== show(B.sources)) {
    report({ file: b.briefing.file, line: b.yaml.lineOf(['sources']), message: `sources are ${show(B.sources)} here but ${show(A.sources)} in ${other(a)} (${there(a, ['sources'])})`, fix: 'list the same sources in the same order in both languages; the first one is the primary source' });
  }

  if (!a.flawed(['topics']) && !b.flawed(['topics'])) {
    for (const [x, y] of [[b, a], [a, b]] as const) {
      x.briefing.data.topics.forEach((topic, i) => {
        if (!y.briefing.data.topics.includes(topic)) report({ file: x.briefing.file, line: x.yaml.lineOf(['topics', i]), message: `topic "${topic}" is listed here but not in ${other(y)} (${there(y, ['topics'])})`, fix: `add "${topic}" to "topics:" in ${y.briefing.file} and link it there with [[${topic}]], or remove it here` });
      });
    }
  }

  if (!a.flawed(['keyPoints']) && !b.flawed(['keyPoints'])) {
    if (A.keyPoints.length !== B.keyPoints.length) {
      report({ file: b.briefing.file, line: b.yaml.keyLineOf(['keyPoints']), message: `${B.keyPoints.length} key points here but ${A.keyPoints.length} in ${other(a)} (${there(a, ['keyPoints'])})`, fix: 'give both languages the same key points, in the same order' });
    } else {
      B.keyPoints.forEach((point, i) => {
        const theirs = A.keyPoints[i]!.cite;
        if (show(point.cite) !== show(theirs)) report({ file: b.briefing.file, line: b.yaml.lineOf(['keyPoints', i, 'cite']), message: `key point ${i + 1} cites ${show(point.cite)} here but ${show(theirs)} in ${other(a)} (${there(a, ['keyPoints', i, 'cite'])})`, fix: `cite the same paragraphs in both languages: check which one states the point (npm run paragraphs -- ${A.sources[0] ?? '<source-id>'})` });
      });
    }
  }

  if (!a.flawed(['events']) && !b.flawed(['events'])) {
    if (A.events.length !== B.events.length) {
      report({ file: b.briefing.file, line: b.yaml.keyLineOf(['events']), message: `${B.events.length} events here but ${A.events.length} in ${other(a)} (${there(a, ['events'])})`, fix: 'give both languages the same events, in the same order' });
    } else {
      B.events.forEach((event, i) => {
        const theirs = A.events[i]!;
        for (const field of ['date', 'status', 'cite'] as const) {
          if (show(event[field]) !== show(theirs[field])) report({ file: b.briefing.file, line: b.yaml.lineOf(['events', i, field]), message: `event ${i + 1} has ${field} ${show(event[field])} here but ${show(theirs[field])} in ${other(a)} (${there(a, ['events', i, field])})`, fix: `use the same ${field} for this event in both languages` });
        }
      });
    }
  }
}

function compareSections(a: LoadedBriefing, b: LoadedBriefing, report: Report): void {
  const ids = (x: LoadedBriefing) => x.briefing.headings.map((h) => h.id);
  if (show(ids(a)) === show(ids(b))) return;
  const i = ids(b).findIndex((id, k) => id !== ids(a)[k]);
  const heading = b.briefing.headings[i < 0 ? ids(b).length - 1 : i];
  report({
    file: b.briefing.file,
    line: heading?.line ?? b.bodyLine,
    message: `section ids are ${ids(b).join(', ') || 'none'} here but ${ids(a).join(', ') || 'none'} in the ${LANGUAGE_NAME[a.briefing.lang]} version (${a.briefing.file})`,
    fix: 'use the same {#id} headings, in the same order, in both languages',
  });
}

export const counterparts: Rule = {
  id: 'counterparts',
  severity: 'error',
  summary: 'both languages of a briefing have the same sources (in order), topics, key point citations, events (date, status, citations) and section ids',
  check(content: Content, report) {
    for (const [a, b] of counterpartPairs(content)) {
      compareLists(a, b, report);
      compareSections(a, b, report);
      const [da, db] = [a.briefing.data.date, b.briefing.data.date];
      if (da !== db && !a.flawed(['date']) && !b.flawed(['date']) && !expectedDate(content, a) && !expectedDate(content, b)) {
        report({ file: b.briefing.file, line: b.yaml.lineOf(['date']), message: `date is "${db}" here but "${da}" in the ${LANGUAGE_NAME[a.briefing.lang]} version (${at(a.briefing.file, a.yaml.keyLineOf(['date']))})`, fix: "use the same date in both languages: the primary source's published date" });
      }
    }
  },
};

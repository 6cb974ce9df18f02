/**
 * Rule update-log: a briefing's dated updates (`updates:`) are real, dated and in every language.
 * An update is dated on or after the briefing's own date; the sources that prompted it exist
 * and are listed in the briefing's `sources:`; and every language file records the same updates
 * (same date and sources), so no reader sees an update the other language lacks. Each problem is
 * reported on the entry's own line.
 */
import { LANGS } from '../../../i18n/locales.ts';
import { hint } from '../../problems.ts';
import { allBriefings, counterpart, LANGUAGE_NAME } from '../helpers.ts';
import type { Rule } from '../types.ts';

const key = (u: { date: string; sources: string[] }) => `${u.date} ${[...u.sources].sort().join(',')}`;

export const updateLog: Rule = {
  id: 'update-log',
  severity: 'error',
  summary: "an update is dated on or after the briefing, names sources the briefing lists, and is written in both languages (same date and sources)",
  check(content, report) {
    for (const b of allBriefings(content)) {
      const { data, file, lang } = b.briefing;
      if (b.flawed(['updates'])) continue;
      data.updates.forEach((update, i) => {
        if (!b.flawed(['date']) && !b.flawed(['updates', i, 'date']) && update.date < data.date) {
          report({ file, line: b.yaml.lineOf(['updates', i, 'date']), message: `update dated ${update.date}, before the briefing itself (date: ${data.date})`, fix: 'date the update on or after the briefing\'s "date:"; a change made before publication belongs in the briefing, not in its update log' });
        }
        update.sources.forEach((source, j) => {
          const line = b.yaml.lineOf(['updates', i, 'sources', j]);
          if (!content.sources.has(source)) report({ file, line, message: `unknown source "${source}"${hint(source, content.sources.keys())}`, fix: 'use the id of a file in content/sources/' });
          else if (!b.flawed(['sources']) && !data.sources.includes(source)) report({ file, line, message: `update names source "${source}", which the briefing does not list in "sources:"`, fix: `add "${source}" to "sources:" (the briefing now rests on it) or remove it from the update` });
        });
      });
      for (const other of LANGS.filter((l) => l !== lang)) {
        const there = counterpart(content, b, other);
        if (!there || there.flawed(['updates'])) continue;
        const theirs = new Set(there.briefing.data.updates.map(key));
        data.updates.forEach((update, i) => {
          if (theirs.has(key(update))) return;
          report({
            file,
            line: b.yaml.lineOf(['updates', i]),
            message: `update of ${update.date} has no ${LANGUAGE_NAME[other]} version in ${there.briefing.file}`,
            fix: `add the same update (date ${update.date}${update.sources.length ? `, sources: [${update.sources.join(', ')}]` : ''}) to ${there.briefing.file}, written in ${LANGUAGE_NAME[other]}`,
          });
        });
      }
    }
  },
};

/** Rule seeds-described (warning): every seed has a source record; without one it is not on the site. */
import type { Rule } from '../types.ts';

export const seedsDescribed: Rule = {
  id: 'seeds-described',
  severity: 'warning',
  summary: 'every file in seeds/ has a source record in content/sources/',
  check(content, report) {
    const described = new Set([...content.sources.values()].map((s) => s.seedFile));
    for (const name of content.seeds) {
      const file = `seeds/${name}`;
      if (!described.has(file)) report({ file, message: 'no source record describes this seed, so it is not on the site', fix: `run npm run new -- ${file} to start its source record and briefings` });
    }
  },
};

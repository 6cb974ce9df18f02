#!/usr/bin/env node
// Records that the language versions agree again (docs/editorial-guide.md §8). Run it after you
// have checked one side against the other; `npm run check` then stops reporting the pair and
// pages stop telling readers that one version may lag behind.
//   npm run align -- <briefing-id> [...]        both language versions of a briefing
//   npm run align -- content/briefings/en/x.md  the same, by either file
//   npm run align -- --translation <source-id>  a source's English translation, against its seed
//   npm run align -- content/sources/x.en.yaml  the same, by file
import { alignBriefing, alignTranslation } from '../src/lib/editorial/align.ts';

const root = process.env.BRIEFING_ROOT ?? process.cwd();
const today = new Date().toISOString().slice(0, 10);
const args = process.argv.slice(2);
if (args.length === 0) {
  console.error('usage: npm run align -- <briefing-id> | --translation <source-id> | <file> [...]');
  process.exit(2);
}
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
try {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    let id;
    if (arg === '--translation' || /^content\/sources\/[a-z0-9-]+\.en\.yaml$/.test(arg)) {
      id = arg === '--translation' ? args[++i] ?? '' : arg.replace(/^content\/sources\/|\.en\.yaml$/g, '');
      if (!ID.test(id)) throw new Error(`"${id}" is not a source id`);
      const [file, seed] = alignTranslation(root, id, today);
      console.log(`aligned ${file} with ${seed} on ${today}`);
      continue;
    }
    if (/^content\/briefings\/[a-z]+\/[a-z0-9-]+\.md$/.test(arg)) id = arg.replace(/^.*\/|\.md$/g, '');
    else if (ID.test(arg)) id = arg;
    else throw new Error(`"${arg}" is neither a briefing id, --translation <source-id>, nor a briefing or translation file`);
    console.log(`aligned ${alignBriefing(root, id, today).join(' and ')} on ${today}`);
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}

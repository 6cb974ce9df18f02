#!/usr/bin/env node
// Prints a source's numbered paragraphs (the numbers citations use), each with its English
// translation when there is one: npm run paragraphs -- <source-id>
// Works for drafts and for sources whose other fields still have problems.
import { loadCorpus } from '../src/lib/corpus/index.ts';
import { hint } from '../src/lib/problems.ts';

const id = process.argv[2];
if (!id) {
  console.error('usage: npm run paragraphs -- <source-id>');
  process.exit(2);
}
const { corpus } = loadCorpus(process.env.BRIEFING_ROOT ?? process.cwd(), { drafts: true });
const source = corpus.sources.get(id);
if (!source) {
  console.error(`no source "${id}"${hint(id, corpus.sources.keys())}; the ids are the file names in content/sources/`);
  process.exit(2);
}
if (source.paragraphs.length === 0) {
  console.error(`the seed of "${id}" could not be read; npm run check -- ${id} says why`);
  process.exit(1);
}
for (const p of source.paragraphs) {
  console.log(`¶${p.n}  ${p.text}`);
  const translation = source.translation.get(p.n);
  if (translation && !/\bTODO\b/.test(translation)) console.log(`     ${translation}`);
}

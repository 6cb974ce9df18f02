#!/usr/bin/env node
// Validates all content without building the site and reports every problem at once.
// Runs on the project's pinned Node (24), which loads the TypeScript modules directly.
import { loadCorpus } from '../src/lib/corpus/index.ts';
import { formatProblem } from '../src/lib/problems.ts';

const { corpus, problems } = loadCorpus(process.env.BRIEFING_ROOT ?? process.cwd());
if (problems.length) {
  console.error(problems.map(formatProblem).join('\n'));
  console.error(`\n${problems.length} content problem${problems.length === 1 ? '' : 's'}.`);
  process.exit(1);
}
const count = (lang) => corpus.briefings[lang].length;
console.log(`content ok: ${corpus.sources.size} sources, ${corpus.topics.size} topics, ${count('ar')} Arabic and ${count('en')} English briefings`);

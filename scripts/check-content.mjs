#!/usr/bin/env node
// `npm run check [-- <id>]`: every content rule (format, references, citations and the editorial
// rules in src/lib/check/rules/) over all content without building the site, every problem at
// once, grouped by file and sorted by line, each with a fix. With an id: one source and
// everything that cites it (or one briefing).
// Exit code 1 when the build would fail (errors in published content) or, with an id, when that
// source or briefing still has errors (drafts included). Warnings never fail.
// Runs on the project's pinned Node (24), which loads the TypeScript modules directly.
import { loadCorpus } from '../src/lib/corpus/index.ts';
import { selectFiles } from '../src/lib/check/select.ts';
import { formatProblems, isBlocking, isError, summarizeProblems } from '../src/lib/problems.ts';
import { alignedVersion, describeChange, laggingSides } from './lib/alignment-history.mjs';

const args = process.argv.slice(2).filter((a) => !a.startsWith('-'));
if (args.length > 1) {
  console.error('usage: npm run check [-- <source-or-briefing-id>]');
  process.exit(2);
}
const root = process.env.BRIEFING_ROOT ?? process.cwd();
const { corpus, problems: all } = loadCorpus(root, { drafts: true });
// "Since when" for a lagging translation: the alignment date is in the files; git history, when
// the clone has it, adds the commit that first changed the other side.
for (const lag of laggingSides(corpus)) {
  const change = describeChange(alignedVersion(root, lag.changed, lag.rev));
  const problem = all.find((p) => p.rule === 'translation-alignment' && p.file === lag.file && p.message.includes(lag.changed));
  if (problem && change) problem.message += `; ${change}`;
}

let problems = all;
let failed = all.some(isBlocking);
if (args[0]) {
  const selection = selectFiles(corpus, args[0]);
  if ('error' in selection) {
    console.error(selection.error);
    process.exit(2);
  }
  problems = all.filter((p) => selection.files.has(p.file));
  failed = problems.some(isError);
  console.log(`Checking ${selection.label}.\n`);
}

if (problems.length) console.log(`${formatProblems(problems)}\n\n${summarizeProblems(problems)}.`);
const count = (lang) => corpus.briefings[lang].filter((b) => !b.draft).length;
const drafts = corpus.drafts.map((d) => `${d.kind} "${d.id}" (${d.reasons.join(', ')})`);
if (!args[0]) {
  if (!failed) console.log(`${problems.length ? '\n' : ''}content ok: ${[...corpus.sources.values()].filter((s) => !s.draft).length} sources, ${corpus.topics.size} topics, ${count('ar')} Arabic and ${count('en')} English briefings${problems.length ? ' (see the warnings above)' : ''}`);
  if (drafts.length) console.log(`drafts, left out of the build: ${drafts.join('; ')}`);
} else if (!problems.length) {
  console.log('no problems.');
}
process.exit(failed ? 1 : 0);

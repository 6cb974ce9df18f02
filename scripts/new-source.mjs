#!/usr/bin/env node
// Starts a new source: `npm run new -- seeds/<file> [--id <source-id>]` creates
//   content/sources/<id>.yaml, content/sources/<id>.en.yaml and
//   content/briefings/{ar,en}/<id>.md
// with the headline taken from the seed and its paragraphs listed for citing. Every value to
// fill in is marked TODO, so the new source and its briefing are drafts: `npm run dev` previews
// them with what is left listed on the page, and `npm run build` leaves them out until done.
// Without --id it asks for an id (in a terminal), suggesting one made of the topics the headline
// names, or of the seed's file name when that is readable; without a terminal it uses that
// suggestion. Refuses to overwrite anything that exists. Prints what is left and what to run next.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { loadCorpus } from '../src/lib/corpus/index.ts';
import { readUtf8 } from '../src/lib/corpus/files.ts';
import { ID_PATTERN } from '../src/lib/corpus/yaml-records.ts';
import { splitParagraphs } from '../src/lib/paragraphs.ts';
import { corpusAnalyzer, createMentionScanner, topicNames } from '../src/lib/search/aliases.ts';

const args = process.argv.slice(2);
const seedArg = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--id');
const idFlag = args.indexOf('--id');
if (!seedArg) {
  console.error('usage: npm run new -- seeds/<file>.txt [--id <source-id>]');
  process.exit(2);
}
const root = process.env.BRIEFING_ROOT ?? process.cwd();
const seedName = basename(seedArg);
const seedPath = join(root, 'seeds', seedName);
if (!existsSync(seedPath)) {
  console.error(`${seedArg}: not found. Put the document in seeds/ first (UTF-8 text, unchanged).`);
  process.exit(1);
}
const read = readUtf8(seedPath);
if ('error' in read) {
  console.error(`seeds/${seedName} ${read.error}; convert it to UTF-8 first.`);
  process.exit(1);
}
const paragraphs = splitParagraphs(read.text);
if (paragraphs.length === 0) {
  console.error(`seeds/${seedName} is empty.`);
  process.exit(1);
}
// The headline is the first paragraph with words, not a date line such as "2024-11-27 08:51 م".
const headline = (paragraphs.find((p) => !/^[\d\s:/.-]+\S?$/u.test(p.text) && /\p{L}{2}/u.test(p.text)) ?? paragraphs[0]).text;

const { corpus } = loadCorpus(root, { drafts: true });
const owner = [...corpus.sources.values()].find((s) => s.record.seed === seedName);
if (owner) {
  console.error(`seeds/${seedName} is already described by ${owner.file}; edit that source (npm run check -- ${owner.id}) instead of starting another.`);
  process.exit(1);
}
const taken = (id) => corpus.sources.has(id) || existsSync(join(root, 'content', 'sources', `${id}.yaml`));

/** A readable id: the seed's file name when it is made of words, else the topics its headline names. */
function suggestId() {
  const fromName = seedName.replace(/\.txt$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const words = fromName.split('-').filter((w) => /^[a-z]{2,}$/.test(w) && !/^[a-f0-9]+$/.test(w));
  let id = words.length > 0 && words.length === fromName.split('-').length ? fromName : '';
  if (!id) id = [...createMentionScanner(topicNames(corpus), corpusAnalyzer(corpus).analyzer)(headline)].slice(0, 3).join('-');
  if (!id) return undefined;
  let unique = id;
  for (let n = 2; taken(unique); n++) unique = `${id}-${n}`;
  return unique;
}

async function chooseId() {
  if (idFlag >= 0) return args[idFlag + 1];
  const suggestion = suggestId();
  if (!process.stdin.isTTY) {
    if (suggestion) console.log(`id: ${suggestion} (from ${/^\d|_/.test(seedName) ? 'the topics in the headline' : 'the file name'}; pass --id <words> to choose another)\n`);
    return suggestion;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  console.log(`Headline: ${headline}`);
  for (;;) {
    const answer = (await rl.question(`Source id, lower-case words joined by hyphens (the briefing's URL ends with it)${suggestion ? ` [${suggestion}]` : ''}: `)).trim() || suggestion;
    if (answer && ID_PATTERN.test(answer) && !taken(answer)) {
      rl.close();
      return answer;
    }
    console.log(answer && taken(answer) ? `"${answer}" is taken; choose another.` : 'Use lower-case words joined by hyphens, e.g. "miami-mediators-meeting".');
  }
}

const id = await chooseId();
if (!id || !ID_PATTERN.test(id)) {
  console.error(`${id ? `"${id}" is not a valid id` : 'No readable id can be made from this seed'}; pass --id with lower-case words joined by hyphens, e.g. --id miami-mediators-meeting.`);
  process.exit(2);
}

const q = (s) => JSON.stringify(s);
const listing = paragraphs.map((p) => `#   ¶${p.n}  ${p.text.length > 110 ? `${p.text.slice(0, 110)}…` : p.text}`).join('\n');
const keyPoint = `  - text: "TODO"\n    cite: ["TODO"]          # paragraph(s) it rests on: "5", "5-7"`;
const files = {
  [`content/sources/${id}.yaml`]: `# Source record for seeds/${seedName}. Format: docs/content-format.md
seed: ${seedName}
headline:
  ar: ${q(headline)}
  en: "TODO: English translation of the headline"
publisher:
  name: { ar: "TODO", en: "TODO" }
original: []          # outlets the document relies on: { topic, name: { ar, en }, date, url }
# printed: "YYYY-MM-DDTHH:MM"   # only if the document prints a date
published:
  date: "TODO"        # best publication date, ISO
  precision: day
  confidence: medium
  inferred: true
  note: { ar: "TODO: كيف حُدّد التاريخ", en: "TODO: how the date was established" }
`,
  [`content/sources/${id}.en.yaml`]: `# English translation, paragraph by paragraph (numbers as in npm run paragraphs -- ${id}).
paragraphs:
${paragraphs.map((p) => `  # ${p.text}\n  ${p.n}: "TODO"`).join('\n')}
`,
  ...Object.fromEntries(['ar', 'en'].map((lang) => [`content/briefings/${lang}/${id}.md`, `---
# Paragraphs of seeds/${seedName}, for citing ("5", "5-7"):
${listing}
title: ${lang === 'ar' ? q(headline) : '"TODO: headline"'}
dek: "TODO: one sentence"
sources: [${id}]
date: "TODO"          # the same as published.date in content/sources/${id}.yaml
topics: []            # every topic linked below with [[topic-id]]
keyPoints:            # 3 to 6, the same citations in both languages
${[keyPoint, keyPoint, keyPoint].join('\n')}
events: []            # dated events the source reports: - { date: "YYYY-MM-DD", status: reported, text: "…", cite: ["5"] } (precision, inferred: docs/content-format.md)
---

## ${lang === 'ar' ? 'الملخص' : 'Summary'} {#summary}

TODO: ${lang === 'ar' ? '150' : '200'}–400 words of what the source says, each fact cited [@5].

## ${lang === 'ar' ? 'لماذا يهم' : 'Why it matters'} {#why-it-matters}

TODO

## ${lang === 'ar' ? 'أسئلة مفتوحة' : 'Open questions'} {#open-questions}

TODO
`])),
};

const existing = Object.keys(files).filter((f) => existsSync(join(root, f)));
if (existing.length) {
  console.error(`Refusing to overwrite:\n  ${existing.join('\n  ')}\nChoose another --id or remove those files.`);
  process.exit(1);
}
for (const [file, text] of Object.entries(files)) {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
  console.log(`created ${file}`);
}

// What is left, from the checker itself, so this list and `npm run check` never disagree.
const { problems } = loadCorpus(root, { drafts: true });
const todo = Object.keys(files).map((file) => [file, problems.filter((p) => p.file === file && p.message.startsWith('unfinished:')).map((p) => p.line)]);
const width = Math.max(...todo.map(([f]) => f.length));
const lineList = (lines) => (lines.length > 8 ? `${lines.slice(0, 6).join(', ')}, … ${lines.at(-1)}` : lines.join(', '));
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
const commands = [
  ['npm run dev', `then open http://localhost:4321${base}en/briefings/${id}/ and …/ar/briefings/${id}/: drafts, with what is left listed on the page; they reload when you save`],
  [`npm run paragraphs -- ${id}`, 'the numbered paragraphs citations use'],
  [`npm run check -- ${id}`, 'every problem left, with file, line and fix; "no problems." when it is ready'],
];
const cw = Math.max(...commands.map(([c]) => c.length));
console.log(`
seeds/${seedName}: ${paragraphs.length} paragraphs. "${id}" is a draft until every TODO is filled in.
Left to fill:
${todo.map(([file, lines]) => `  ${file.padEnd(width)}  ${lines.length} TODO${lines.length === 1 ? '' : 's'}, lines ${lineList(lines)}`).join('\n')}

Next:
${commands.map(([c, what]) => `  ${c.padEnd(cw)}  ${what}`).join('\n')}`);

#!/usr/bin/env node
// Starts a new source: `npm run new -- seeds/<file> [--id <source-id>]` creates
//   content/sources/<id>.yaml, content/sources/<id>.en.yaml and
//   content/briefings/{ar,en}/<id>.md
// with the headline taken from the seed's first line and its paragraphs listed for citing.
// Every value to fill in is marked TODO; `npm run check` lists them until they are done.
// Refuses to overwrite anything that exists.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readUtf8 } from '../src/lib/corpus/files.ts';
import { splitParagraphs } from '../src/lib/paragraphs.ts';

const args = process.argv.slice(2);
const seedArg = args.find((a) => !a.startsWith('--'));
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
const id = idFlag >= 0 ? args[idFlag + 1] : seedName.replace(/\.txt$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
if (!id || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
  console.error(`"${id}" is not a valid id; pass --id with lower-case words joined by hyphens.`);
  process.exit(2);
}

const q = (s) => JSON.stringify(s);
const headline = paragraphs[0].text;
const listing = paragraphs.map((p) => `#   ¶${p.n}  ${p.text.length > 110 ? `${p.text.slice(0, 110)}…` : p.text}`).join('\n');
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
date: "TODO"
topics: []
keyPoints:
  - text: "TODO"
    cite: ["1"]
events: []
---

## ${lang === 'ar' ? 'الملخص' : 'Summary'} {#summary}

TODO

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
console.log(`\n${paragraphs.length} paragraphs. Fill in every TODO, then run npm run check.`);

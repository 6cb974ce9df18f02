#!/usr/bin/env node
// Prints a source's numbered paragraphs (the numbers citations use): npm run paragraphs -- <source-id>
import { loadCorpus } from '../src/lib/corpus/index.ts';
import { readFileSync } from 'node:fs';
import { splitParagraphs } from '../src/lib/paragraphs.ts';
import { parse } from 'yaml';

const id = process.argv[2];
if (!id) {
  console.error('usage: npm run paragraphs -- <source-id>');
  process.exit(2);
}
// Read the seed directly, so this works even while other content has problems.
const record = parse(readFileSync(`content/sources/${id}.yaml`, 'utf8'));
const paragraphs = splitParagraphs(readFileSync(`seeds/${record.seed}`, 'utf8'));
const translation = loadCorpus().corpus?.sources.get(id)?.translation;
for (const p of paragraphs) {
  console.log(`¶${p.n}  ${p.text}`);
  if (translation?.get(p.n)) console.log(`     ${translation.get(p.n)}`);
}

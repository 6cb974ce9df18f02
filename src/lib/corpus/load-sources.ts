/**
 * Loads `content/sources/*.yaml`, the seeds they describe and their English translations.
 */
import { existsSync } from 'node:fs';
import { sourceRecord, sourceTranslation } from '../../schemas/content.ts';
import { splitParagraphs } from '../paragraphs.ts';
import type { ContentProblem } from '../problems.ts';
import { join, readUtf8, rel } from './files.ts';
import { schemaProblems } from './issues.ts';
import { readYaml, readYamlRecords } from './yaml-records.ts';
import type { Source } from './model.ts';

export function loadSources(root: string, problems: ContentProblem[]): Map<string, Source> {
  const dir = join(root, 'content', 'sources');
  const sources = new Map<string, Source>();
  const seedOwners = new Map<string, string>();
  // `<id>.yaml` is the record; `<id>.en.yaml` its translation, read below.
  for (const { id, file, yaml, data: record } of readYamlRecords(root, dir, sourceRecord, problems, (n) => !/\.[a-z]{2}\.yaml$/.test(n))) {
    const seedPath = join(root, 'seeds', record.seed);
    const seedLine = yaml.lineOf(['seed']);
    if (seedOwners.has(record.seed)) problems.push({ file, line: seedLine, message: `seed ${record.seed} is already described by ${seedOwners.get(record.seed)}`, fix: 'each seed has exactly one source record; remove the duplicate' });
    seedOwners.set(record.seed, file);
    if (!existsSync(seedPath)) {
      problems.push({ file, line: seedLine, message: `seed file seeds/${record.seed} does not exist`, fix: 'put the document in seeds/ or correct "seed"' });
      continue;
    }
    const seed = readUtf8(seedPath);
    if ('error' in seed) {
      problems.push({ file: rel(root, seedPath), message: `seed ${seed.error}`, fix: 'convert the document to UTF-8 (e.g. iconv -f windows-1256 -t utf-8) and save it again' });
      continue;
    }
    const paragraphs = splitParagraphs(seed.text);
    if (paragraphs.length === 0) {
      problems.push({ file: rel(root, seedPath), message: 'seed is empty (no paragraph has text)', fix: 'add the document text, or remove the seed and its source record' });
      continue;
    }
    const translation = loadTranslation(root, join(dir, `${id}.en.yaml`), paragraphs.length, problems);
    sources.set(id, { id, file, record, paragraphs, translation });
  }
  return sources;
}

function loadTranslation(root: string, path: string, count: number, problems: ContentProblem[]): Map<number, string> {
  const file = rel(root, path);
  const out = new Map<number, string>();
  if (!existsSync(path)) {
    problems.push({ file, message: 'English translation is missing', fix: `create ${file} with "paragraphs:" numbered 1 to ${count}` });
    return out;
  }
  const yaml = readYaml(root, path, problems);
  if (!yaml) return out;
  const parsed = sourceTranslation.safeParse(yaml.data);
  if (!parsed.success) {
    problems.push(...schemaProblems(file, yaml, parsed.error.issues));
    return out;
  }
  for (const [key, value] of Object.entries(parsed.data.paragraphs)) {
    const n = Number(key);
    if (n < 1 || n > count) problems.push({ file, line: yaml.lineOf(['paragraphs', key]), message: `paragraph ${n} does not exist (the seed has ${count})`, fix: 'remove it, or check the numbering with npm run paragraphs' });
    else out.set(n, value);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((n) => !out.has(n));
  if (missing.length) problems.push({ file, line: yaml.lineOf(['paragraphs']), message: `no translation for paragraph(s) ${missing.join(', ')}`, fix: 'translate every paragraph of the seed' });
  return out;
}

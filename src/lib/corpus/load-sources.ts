/**
 * Loads `content/sources/*.yaml`, the seeds they describe and their English translations.
 */
import { existsSync } from 'node:fs';
import { sourceRecord, sourceTranslation } from '../../schemas/content.ts';
import { splitParagraphs } from '../paragraphs.ts';
import type { ContentProblem } from '../problems.ts';
import { parseYamlSource, type YamlSource } from '../yaml-source.ts';
import { join, listFiles, readUtf8, rel } from './files.ts';
import { schemaProblems } from './issues.ts';
import type { Source } from './model.ts';

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Reads and parses a YAML file, reporting encoding and syntax problems. */
export function readYaml(root: string, path: string, problems: ContentProblem[]): YamlSource | undefined {
  const file = rel(root, path);
  const read = readUtf8(path);
  if ('error' in read) {
    problems.push({ file, message: `file ${read.error}`, fix: 'save the file as UTF-8' });
    return undefined;
  }
  reportPlaceholders(read.text, 1, file, problems);
  const yaml = parseYamlSource(read.text);
  for (const e of yaml.errors) problems.push({ file, line: e.line, message: `YAML syntax: ${e.message}`, fix: 'fix the YAML syntax (check indentation and quote strings that contain ":" or quotes)' });
  return yaml.errors.length ? undefined : yaml;
}

/** Unfinished placeholders left by `npm run new` (or by hand) must not reach readers. */
export function reportPlaceholders(text: string, firstLine: number, file: string, problems: ContentProblem[]): void {
  text.split('\n').forEach((line, i) => {
    if (/\bTODO\b/.test(line.replace(/#.*$/, ''))) problems.push({ file, line: firstLine + i, message: 'unfinished placeholder (TODO)', fix: 'replace the TODO with the real text or value' });
  });
}

export function checkId(id: string, file: string, problems: ContentProblem[]): boolean {
  if (ID_PATTERN.test(id)) return true;
  problems.push({ file, message: `"${id}" is not a valid id (the file name is the id)`, fix: 'rename the file to lower-case words joined by hyphens, e.g. "board-of-peace.yaml"' });
  return false;
}

export function loadSources(root: string, problems: ContentProblem[]): Map<string, Source> {
  const dir = join(root, 'content', 'sources');
  const sources = new Map<string, Source>();
  const seedOwners = new Map<string, string>();
  for (const name of listFiles(dir, '.yaml').filter((n) => !/\.[a-z]{2}\.yaml$/.test(n))) {
    const id = name.replace(/\.yaml$/, '');
    const path = join(dir, name);
    const file = rel(root, path);
    if (!checkId(id, file, problems)) continue;
    const yaml = readYaml(root, path, problems);
    if (!yaml) continue;
    const parsed = sourceRecord.safeParse(yaml.data);
    if (!parsed.success) {
      problems.push(...schemaProblems(file, yaml, parsed.error.issues));
      continue;
    }
    const record = parsed.data;
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

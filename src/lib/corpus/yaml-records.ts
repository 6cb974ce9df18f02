/**
 * Reading a folder of YAML records: one file per record, the file name is the id, each file
 * validated against a schema. Problems (bad ids, encoding, syntax, schema) are collected with
 * file and line; valid records are returned with their YAML (for line lookups later).
 */
import type { z } from 'zod';
import type { ContentProblem } from '../problems.ts';
import { parseYamlSource, type YamlSource } from '../yaml-source.ts';
import { join, listFiles, readUtf8, rel } from './files.ts';
import { schemaProblems } from './issues.ts';

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

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

export interface YamlRecord<T> {
  id: string;
  file: string;
  yaml: YamlSource;
  data: T;
}

/** Every valid record in `dir` whose file name passes `include`. */
export function readYamlRecords<S extends z.ZodType>(root: string, dir: string, schema: S, problems: ContentProblem[], include: (name: string) => boolean = () => true): YamlRecord<z.output<S>>[] {
  const records: YamlRecord<z.output<S>>[] = [];
  for (const name of listFiles(dir, '.yaml').filter(include)) {
    const id = name.replace(/\.yaml$/, '');
    const path = join(dir, name);
    const file = rel(root, path);
    if (!checkId(id, file, problems)) continue;
    const yaml = readYaml(root, path, problems);
    if (!yaml) continue;
    const parsed = schema.safeParse(yaml.data);
    if (!parsed.success) {
      problems.push(...schemaProblems(file, yaml, parsed.error.issues));
      continue;
    }
    records.push({ id, file, yaml, data: parsed.data });
  }
  return records;
}

/**
 * Reading a folder of YAML records: one file per record, the file name is the id, each file
 * validated against a schema. Problems (bad ids, encoding, syntax, schema) are collected with
 * file and line. Every readable file yields a record, invalid values replaced by stand-ins
 * (see issues.ts), so one bad field never turns the record into an "unknown" id elsewhere.
 */
import type { z } from 'zod';
import type { ContentProblem } from '../problems.ts';
import type { YamlSource } from '../yaml-source.ts';
import { cachedYamlSource } from './parse-cache.ts';
import { join, listFiles, readUtf8, rel } from './files.ts';
import { parseRecord } from './issues.ts';

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A `TODO` outside YAML comments: an unfinished value left by `npm run new` (or by hand). */
const TODO = /\bTODO\b/;

/**
 * Reports every unfinished placeholder, quoting its line so the editor sees what is left.
 * Returns how many there are (a briefing or source with any is a draft).
 */
export function reportPlaceholders(text: string, firstLine: number, file: string, problems: ContentProblem[], yaml = true): number {
  let count = 0;
  text.split('\n').forEach((line, i) => {
    // In YAML, `#` starts a comment (the scaffold's notes); in Markdown it starts a heading.
    const code = yaml ? line.replace(/(^|\s)#.*$/, '') : line;
    if (!TODO.test(code)) return;
    count += 1;
    const shown = code.trim().length > 70 ? `${code.trim().slice(0, 69)}…` : code.trim();
    problems.push({ file, line: firstLine + i, message: `unfinished: ${shown}`, fix: 'replace the TODO with the real text or value' });
  });
  return count;
}

export function checkId(id: string, file: string, problems: ContentProblem[]): boolean {
  if (ID_PATTERN.test(id)) return true;
  problems.push({ file, line: 1, message: `"${id}" is not a valid id (the file name is the id)`, fix: 'rename the file to lower-case words joined by hyphens, e.g. "board-of-peace.yaml"' });
  return false;
}

/** Reads and parses a YAML file, reporting encoding, syntax and unfinished placeholders. */
export function readYaml(root: string, path: string, problems: ContentProblem[]): { yaml: YamlSource; todos: number } | undefined {
  const file = rel(root, path);
  const read = readUtf8(path);
  if ('error' in read) {
    problems.push({ file, message: `file ${read.error}`, fix: 'save the file as UTF-8' });
    return undefined;
  }
  const todos = reportPlaceholders(read.text, 1, file, problems);
  const yaml = cachedYamlSource(read.text);
  for (const e of yaml.errors) problems.push({ file, line: e.line, message: `YAML syntax: ${e.message}`, fix: 'fix the YAML syntax (check indentation and quote strings that contain ":" or quotes)' });
  return { yaml, todos };
}

export interface YamlRecord<T> {
  id: string;
  file: string;
  yaml: YamlSource;
  data: T;
  /** True when the value at `path` is a stand-in for an invalid one. */
  flawed(path: readonly (string | number)[]): boolean;
  /** True when anything in the file was invalid (syntax or schema). */
  invalid: boolean;
  /** Unfinished placeholders in the file. */
  todos: number;
  /** The parsed YAML as written, before validation (for values that failed it). */
  raw: unknown;
}

const UNREADABLE: YamlSource = { data: undefined, errors: [], lineOf: () => 1, keyLineOf: () => 1 };

/**
 * Every record in `dir` whose file name passes `include` and is a valid id. A file that cannot
 * be read or parsed still yields a record made of `fallback(id)`, flagged `invalid`.
 */
export function readYamlRecords<S extends z.ZodType>(root: string, dir: string, schema: S, problems: ContentProblem[], fallback: (id: string) => z.input<S>, include: (name: string) => boolean = () => true): YamlRecord<z.output<S>>[] {
  const records: YamlRecord<z.output<S>>[] = [];
  for (const name of listFiles(dir, '.yaml').filter(include)) {
    const id = name.replace(/\.yaml$/, '');
    const path = join(dir, name);
    const file = rel(root, path);
    if (!checkId(id, file, problems)) continue;
    const read = readYaml(root, path, problems);
    if (!read || read.yaml.errors.length) {
      const data = schema.safeParse(fallback(id));
      records.push({ id, file, yaml: read?.yaml ?? UNREADABLE, data: data.success ? data.data : (fallback(id) as z.output<S>), flawed: () => true, invalid: true, todos: read?.todos ?? 0, raw: undefined });
      continue;
    }
    const parsed = parseRecord(schema, read.yaml.data, read.yaml, file, fallback(id), problems);
    records.push({ id, file, yaml: read.yaml, ...parsed, todos: read.todos, raw: read.yaml.data });
  }
  return records;
}

/**
 * Schema validation in an editor's words, and without cascades.
 *
 * `parseRecord` validates one file's data against its zod schema and turns each issue into a
 * problem on the line of the offending value, phrased for an editor ("\"title\" is empty", not
 * zod's "Too small: expected string to have >=1 characters"). It never gives up on the file:
 * each invalid value is replaced by a stand-in (from `fallback`, or the item is dropped), so the
 * record still exists for the files that refer to it and for a draft preview, and `flawed`
 * tells later checks which values are stand-ins and must not be compared with anything.
 */
import type { z } from 'zod';
import { didYouMean, type ContentProblem } from '../problems.ts';
import type { YamlSource } from '../yaml-source.ts';

type Path = readonly (string | number)[];

export interface ParsedRecord<T> {
  data: T;
  /** True when the value at `path`, or one of its parents or parts, failed validation. */
  flawed(path: Path): boolean;
  /** True when any value failed validation. */
  invalid: boolean;
}

/** Lists whose items an editor counts: `keyPoints` item 3 is "key point 3". */
const ITEM_NAMES: Record<string, string> = {
  keyPoints: 'key point',
  events: 'event',
  stances: 'stance',
  original: 'original outlet',
  sources: 'source',
  topics: 'topic',
  related: 'related topic',
  cite: 'citation',
};

/** `["keyPoints", 2, "cite"]` → `"cite" of key point 3`; `["keyPoints", 0, "cite", 1]` → `citation 2 of key point 1`. */
export function fieldName(path: Path): string {
  if (path.length === 0) return 'the file';
  const owners: string[] = [];
  let subject: string[] = [];
  path.forEach((part, i) => {
    const prev = path[i - 1];
    if (typeof part === 'number' && typeof prev === 'string') {
      subject = subject.slice(0, -1);
      owners.push(`${ITEM_NAMES[prev] ?? `"${[...subject, prev].join('.')}" item`} ${part + 1}`);
      subject = [];
    } else {
      subject.push(String(part));
    }
  });
  const head = subject.length ? `"${subject.join('.')}"` : owners.pop()!;
  return [head, ...owners.reverse()].join(' of ');
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true/false';
  return 'text';
}

const EXPECTED: Record<string, string> = {
  string: 'text in double quotes',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list, e.g. [a, b]',
  object: 'a group of fields',
};

function valueAt(data: unknown, path: Path): { found: boolean; value: unknown } {
  let node: unknown = data;
  for (const part of path) {
    if (node === null || typeof node !== 'object' || !(part in (node as object))) return { found: false, value: undefined };
    node = (node as Record<string | number, unknown>)[part];
  }
  return { found: true, value: node };
}

/** The keys a strict object allows at `path` (best effort: used for "did you mean"). */
function allowedKeys(schema: z.ZodType, path: Path): string[] {
  let node: unknown = schema;
  const unwrap = () => {
    for (let i = 0; i < 8; i++) {
      const def = (node as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
      if (!def) return;
      if (def['innerType']) node = def['innerType'];
      else if (def['type'] === 'pipe') node = def['in'];
      else return;
    }
  };
  for (const part of path) {
    unwrap();
    const def = (node as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
    if (!def) return [];
    if (def['type'] === 'object') node = (def['shape'] as Record<string, unknown>)[String(part)];
    else if (def['type'] === 'array') node = def['element'];
    else if (def['type'] === 'record') node = def['valueType'];
    else return [];
  }
  unwrap();
  const def = (node as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
  return def?.['type'] === 'object' ? Object.keys(def['shape'] as object) : [];
}

function describe(issue: z.core.$ZodIssue, data: unknown, schema: z.ZodType): { message: string; fix: string; at: Path } {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) as (string | number)[];
  const name = fieldName(path);
  const key = String(path[path.length - 1] ?? '');
  const { found, value } = valueAt(data, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(schema, path);
      const [first] = issue.keys;
      const guesses = issue.keys.map((k) => didYouMean(k, allowed)).filter(Boolean);
      const where = path.length ? ` in ${name}` : '';
      return {
        message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${where}${guesses.length ? ` (did you mean ${guesses.map((g) => `"${g}"`).join(', ')}?)` : ''}`,
        fix: `remove it or correct its name${allowed.length ? `; the fields allowed here are ${allowed.join(', ')}` : ''} (docs/content-format.md)`,
        at: [...path, first ?? ''],
      };
    }
    case 'invalid_type': {
      if (!found) return { message: `${name} is missing`, fix: `add "${key}:" with ${EXPECTED[issue.expected] ?? issue.expected} (docs/content-format.md shows every field)`, at: path };
      if (value === null) return { message: `${name} has no value`, fix: `write the value after "${key}:" (${EXPECTED[issue.expected] ?? issue.expected}), or remove the line if the field is optional`, at: path };
      const fix = issue.expected === 'string' ? 'put the value in double quotes' : `write ${EXPECTED[issue.expected] ?? issue.expected}`;
      return { message: `${name} must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${kindOf(value)}`, fix, at: path };
    }
    case 'too_small':
      if (issue.origin === 'string') return { message: `${name} is empty`, fix: `write the ${key === 'ar' ? 'Arabic' : key === 'en' ? 'English' : ''} text between the quotes`.replace('the  text', 'the text'), at: path };
      if (issue.origin === 'array') return { message: `${name} is an empty list: ${issue.message}`, fix: issue.message, at: path };
      return { message: `${name} is too small: ${issue.message}`, fix: issue.message, at: path };
    case 'too_big':
      return { message: `${name} is too long: ${issue.message}`, fix: issue.message, at: path };
    case 'invalid_value': {
      const allowed = issue.values.map((v) => String(v));
      const guess = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
      return {
        message: `${name} is ${JSON.stringify(value)}, which is not one of ${allowed.join(', ')}${guess ? ` (did you mean "${guess}"?)` : ''}`,
        fix: `use one of: ${allowed.join(', ')}`,
        at: path,
      };
    }
    case 'invalid_format':
      if (issue.format === 'url') return { message: `${name} ${JSON.stringify(value)} is not a web address`, fix: 'write the full address of the page, starting with https://, or leave the field out', at: path };
      break;
    case 'invalid_union':
      return {
        message: `${name} cannot be ${kindOf(value)}${typeof value === 'string' || typeof value === 'number' ? ` (${JSON.stringify(value)})` : ''}`,
        fix: path.includes('cite') ? 'write a citation as "5", "5-7" or "source-id:5"' : `correct ${name} (docs/content-format.md describes it)`,
        at: path,
      };
  }
  // Our own schema messages (custom checks, patterns) are already written for editors.
  const shown = (typeof value === 'string' || typeof value === 'number') && !issue.message.includes(JSON.stringify(String(value))) ? ` ${JSON.stringify(value)}` : '';
  const fix = /ISO date|calendar day/.test(issue.message)
    ? 'write a real date in quotes: "YYYY-MM-DD", or "YYYY-MM" / "YYYY" when only the month or year is known'
    : `correct ${name} (docs/content-format.md describes it)`;
  return { message: `${name}${shown}: ${issue.message}`, fix, at: path };
}

const REMOVE = Symbol('remove');

function setAt(data: Record<string | number, unknown>, path: Path, value: unknown): void {
  let node: Record<string | number, unknown> = data;
  for (const part of path.slice(0, -1)) node = node[part] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/** Replaces one invalid value: by the fallback's, else by dropping its list item, else by deleting it. */
function patch(data: Record<string | number, unknown>, fallback: unknown, issue: z.core.$ZodIssue): void {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) as (string | number)[];
  if (issue.code === 'unrecognized_keys') {
    for (const k of issue.keys) setAt(data, [...path, k], undefined);
    return;
  }
  const fb = valueAt(fallback, path);
  if (fb.found) return setAt(data, path, structuredClone(fb.value));
  for (let i = path.length - 1; i >= 0; i--) {
    const parent = valueAt(data, path.slice(0, i));
    if (Array.isArray(parent.value) && typeof path[i] === 'number') return setAt(data, path.slice(0, i + 1), REMOVE);
  }
  if (path.length) setAt(data, path, undefined);
}

function dropRemoved(node: unknown): unknown {
  if (Array.isArray(node)) return node.filter((x) => x !== REMOVE).map(dropRemoved);
  if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) (node as Record<string, unknown>)[k] = dropRemoved(v);
  return node;
}

/**
 * Validates `data` (parsed from `yaml`) against `schema`; reports each problem in `file` with
 * its line, and returns usable data in any case (see the module comment).
 */
export function parseRecord<S extends z.ZodType>(schema: S, data: unknown, yaml: YamlSource, file: string, fallback: z.input<S>, problems: ContentProblem[]): ParsedRecord<z.output<S>> {
  const first = schema.safeParse(data, { reportInput: true });
  if (first.success) return { data: first.data, flawed: () => false, invalid: false };
  const bad: Path[] = [];
  for (const issue of first.error.issues) {
    const { message, fix, at } = describe(issue, data, schema);
    // A placeholder is already reported as unfinished; saying it is also not a date is noise.
    const { value } = valueAt(data, issue.path as Path);
    if (!(typeof value === 'string' && /\bTODO\b/.test(value))) problems.push({ file, line: yaml.keyLineOf(at), message, fix });
    bad.push(issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys].map(String) : issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)));
  }
  const flawed = (path: Path) => bad.some((b) => b.every((part, i) => i >= path.length || String(part) === String(path[i])));

  let patched = (data && typeof data === 'object' && !Array.isArray(data) ? structuredClone(data) : {}) as Record<string | number, unknown>;
  let issues = first.error.issues;
  for (let round = 0; round < 6; round++) {
    for (const issue of issues) patch(patched, fallback, issue);
    patched = dropRemoved(patched) as Record<string | number, unknown>;
    const again = schema.safeParse(patched);
    if (again.success) return { data: again.data, flawed, invalid: true };
    issues = again.error.issues;
  }
  const last = schema.safeParse(fallback);
  return { data: last.success ? last.data : (fallback as z.output<S>), flawed: () => true, invalid: true };
}

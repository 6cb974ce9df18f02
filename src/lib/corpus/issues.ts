/**
 * Turns zod validation issues into content problems with the line of the offending value.
 */
import type { z } from 'zod';
import type { ContentProblem } from '../problems.ts';
import type { YamlSource } from '../yaml-source.ts';

export function schemaProblems(file: string, yaml: YamlSource, issues: z.core.$ZodIssue[]): ContentProblem[] {
  return issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const where = path.length ? `"${path.join('.')}"` : 'the document';
    let fix = 'correct the value as described';
    if (issue.code === 'invalid_type' && issue.input === undefined) fix = `add ${where}`;
    else if (issue.code === 'unrecognized_keys') fix = `remove or rename ${issue.keys.map((k) => `"${k}"`).join(', ')} (allowed fields are in docs/content-format.md)`;
    else if (issue.code === 'invalid_value') fix = `use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    const at = issue.code === 'unrecognized_keys' ? [...path, ...issue.keys.slice(0, 1)] : path;
    return { file, line: yaml.lineOf(at), message: `${where}: ${issue.message}`, fix };
  });
}

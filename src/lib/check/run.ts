/** Runs the editorial rules over loaded content; each problem is tagged with its rule and severity. */
import type { ContentProblem } from '../problems.ts';
import { RULES } from './rules/index.ts';
import type { Content, Rule } from './types.ts';

export function runRules(content: Content, rules: readonly Rule[] = RULES): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const rule of rules) rule.check(content, (p) => problems.push({ ...p, severity: rule.severity, rule: rule.id }));
  return problems;
}

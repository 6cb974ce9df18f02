/**
 * The evaluation set's dev/holdout split: within each class, queries ordered by a hash of
 * "lang|q", every third one is holdout, so each class keeps a third of its queries aside.
 * Deterministic and independent of file order. The set is frozen (tests/unit/search-eval-set.test.ts
 * pins it): adding a query would move others between the parts, so new queries go in a new set.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export interface EvalQuery {
  lang: 'ar' | 'en';
  class: string;
  q: string;
  expect: string[];
}

export type Part = 'dev' | 'holdout';

const key = (q: EvalQuery) => createHash('sha256').update(`${q.lang}|${q.q}`).digest('hex');

export function split<Q extends EvalQuery>(queries: Q[]): { dev: Q[]; holdout: Q[] } {
  const dev: Q[] = [];
  const holdout: Q[] = [];
  for (const cls of new Set(queries.map((q) => q.class))) {
    const ordered = queries.filter((q) => q.class === cls).sort((a, b) => (key(a) < key(b) ? -1 : 1));
    ordered.forEach((q, i) => (i % 3 === 2 ? holdout : dev).push(q));
  }
  return { dev, holdout };
}

export function loadQueries(file: string): EvalQuery[] {
  return (parse(readFileSync(file, 'utf8')) as { queries: EvalQuery[] }).queries;
}

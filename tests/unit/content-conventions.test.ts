/**
 * The real content passes every rule `npm run check` enforces. The rules live in the checker
 * (src/lib/check/rules/, docs/editorial-guide.md), not here: a failure prints the checker's
 * own report, with file, line and fix.
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/corpus/index.ts';
import { formatProblems, isBlocking } from '../../src/lib/problems.ts';

const { corpus, problems } = loadCorpus();

describe('content conventions', () => {
  it('npm run check finds no error in published content', () => {
    expect(formatProblems(problems.filter(isBlocking))).toBe('');
  });

  it('the corpus is not a toy: at least 35 topics and a briefing per source', () => {
    expect(corpus.topics.size).toBeGreaterThanOrEqual(35);
    for (const id of corpus.sources.keys()) expect(corpus.briefing('en', id), id).toBeDefined();
  });
});

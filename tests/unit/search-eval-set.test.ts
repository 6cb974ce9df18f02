import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadQueries, split } from '../search/split.ts';

const queries = loadQueries('tests/search/eval.yaml');
const { dev, holdout } = split(queries);

describe('search evaluation set', () => {
  it('has at least 150 queries in both languages and every class', () => {
    expect(queries.length).toBeGreaterThanOrEqual(150);
    for (const lang of ['ar', 'en']) expect(queries.filter((q) => q.lang === lang).length).toBeGreaterThanOrEqual(50);
    expect(new Set(queries.map((q) => q.class))).toEqual(new Set(['variant', 'clitic', 'derived', 'translit', 'cross', 'name', 'phrase', 'concept', 'broad']));
    expect(new Set(queries.map((q) => `${q.lang}|${q.q}`)).size).toBe(queries.length);
  });

  it('keeps a third of every class as holdout', () => {
    for (const cls of new Set(queries.map((q) => q.class))) {
      const n = queries.filter((q) => q.class === cls).length;
      expect(holdout.filter((q) => q.class === cls).length).toBe(Math.floor(n / 3));
    }
    expect(dev.length + holdout.length).toBe(queries.length);
  });

  it('is frozen: the holdout is the one first committed', () => {
    const digest = createHash('sha256').update(holdout.map((q) => `${q.lang}|${q.q}|${q.expect.join(' ')}`).sort().join('\n')).digest('hex');
    expect(digest.slice(0, 16)).toBe('86460ec3a188c974');
  });
});

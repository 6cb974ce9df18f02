import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/lib/content-hash.ts';

// The build cache's keys (src/lib/corpus/page-deps.ts) are these hashes: a change to them makes
// every page of the next build render again, so they are pinned (values from before records
// asked for alone were memoised: the same keys, computed once).
const corpus = () => {
  const topic = { id: 't', file: 't.yaml', name: { en: 'T' } };
  const briefing = { id: 'b', file: 'b.md', topics: [topic], when: new Date(0), tags: new Set(['x']), m: new Map([['k', topic]]) };
  return { topic, briefing };
};

describe('contentHash', () => {
  it.each([
    ['a record asked for alone', (c: ReturnType<typeof corpus>) => c.briefing, '53dbb5c44ab2e19e179cf8fa515781dd90cc0c0f29fad57338f5d7e936553719'],
    ['records inside other values', (c: ReturnType<typeof corpus>) => [c.briefing, { a: c.topic }], '48d9b0b857c67a4c359524b64138a1d43e3bfb907ec6c70d448eaf9fa347dc1c'],
    ['a record reached first inside a record', (c: ReturnType<typeof corpus>) => c.topic, 'e5079c289675424ee97541f61038603925707c96deada632a0913d20e3cb6d5a'],
  ])('%s: the same key as ever, however often asked', (_name, pick, expected) => {
    const c = corpus();
    contentHash(c.briefing);
    expect(contentHash(pick(c))).toBe(expected);
    expect(contentHash(pick(c))).toBe(expected);
  });
});

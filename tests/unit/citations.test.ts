import { describe, expect, it } from 'vitest';
import { citationLabel, parseCitation, splitCitationList } from '../../src/lib/citations.ts';

describe('parseCitation', () => {
  it.each([
    ['5', { source: 'p', from: 5, to: 5 }],
    ['5-7', { source: 'p', from: 5, to: 7 }],
    ['other-source:3', { source: 'other-source', from: 3, to: 3 }],
    [' other:3-4 ', { source: 'other', from: 3, to: 4 }],
  ])('%s', (raw, expected) => {
    expect(parseCitation(raw, 'p')).toEqual(expected);
  });
  it.each(['7-5', 'p5', 'Source:1', '5,6', ''])('%s is an error', (raw) => {
    expect(typeof parseCitation(raw, 'p')).toBe('string');
  });
  it('labels ranges with an en dash', () => {
    expect(citationLabel({ source: 'p', from: 5, to: 7 })).toBe('5–7');
  });
  it('splits lists on Latin and Arabic commas', () => {
    expect(splitCitationList('5, 7-8،a:1')).toEqual(['5', '7-8', 'a:1']);
  });
});

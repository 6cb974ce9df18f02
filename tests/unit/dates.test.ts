import { describe, expect, it } from 'vitest';
import { formatPartialDate, formatPrintedStamp, formatWindowEnds, parsePartialDate, startOf } from '../../src/lib/dates.ts';

describe('parsePartialDate', () => {
  it.each([
    ['2025-12-19', 'day'],
    ['2025-12', 'month'],
    ['2025', 'year'],
    ['2024-02-29', 'day'],
  ])('%s is a %s date', (value, precision) => {
    const parsed = parsePartialDate(value);
    expect(typeof parsed).toBe('object');
    expect((parsed as { precision: string }).precision).toBe(precision);
  });
  it.each(['2025-02-30', '2025-13', '2023-02-29', '19/12/2025', '2025-1-5', '', 'yesterday'])('%s is rejected', (value) => {
    expect(typeof parsePartialDate(value)).toBe('string');
  });
});

describe('formatting', () => {
  it.each([
    ['2025-12-19', 'en-GB', '19 December 2025'],
    ['2025-12-19', 'ar-EG-u-nu-latn', '19 ديسمبر 2025'],
    ['2026-01', 'en-GB', 'January 2026'],
    ['2026-01', 'ar-EG-u-nu-latn', 'يناير 2026'],
    ['2025', 'en-GB', '2025'],
  ])('%s in %s', (value, locale, expected) => {
    expect(formatPartialDate(value, locale)).toBe(expected);
  });
  it.each([
    ['2025-12-17', '2025-12-21', 'en-GB', ['17', '21 December 2025']],
    ['2025-12-17', '2025-12-21', 'ar-EG-u-nu-latn', ['17', '21 ديسمبر 2025']],
    ['2025-11-28', '2025-12-03', 'en-GB', ['28 November', '3 December 2025']],
    ['2025-11-28', '2025-12-03', 'ar-EG-u-nu-latn', ['28 نوفمبر', '3 ديسمبر 2025']],
    ['2024-03-28', '2026-01-24', 'en-GB', ['28 March 2024', '24 January 2026']],
    ['2025-12', '2025-12-21', 'en-GB', ['December 2025', '21 December 2025']],
  ] as const)('window %s to %s in %s names a shared month and year once', (start, end, locale, expected) => {
    expect(formatWindowEnds(start, end, locale)).toEqual(expected);
  });
  it('prints a document stamp without shifting time zones', () => {
    expect(formatPrintedStamp('2024-11-27T20:51', 'en-GB')).toMatch(/^27 November 2024, 20:51$/);
  });
  it('startOf is midnight UTC', () => {
    expect(startOf('2025-12').toISOString()).toBe('2025-12-01T00:00:00.000Z');
  });
});

import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales.ts';
import { formatNumber } from '../../src/i18n/index.ts';
import { formatInteger, integerGrouping } from '../../src/lib/integers.ts';

describe('integers without Intl in the browser', () => {
  it.each([
    [0, ',', '0'],
    [999, ',', '999'],
    [1000, ',', '1,000'],
    [1234567, ',', '1,234,567'],
    [12345, '\u202f', '12\u202f345'],
  ])('%i with "%s" → %s', (n, group, out) => {
    expect(formatInteger(n, group)).toBe(out);
  });

  it.each(Object.keys(LOCALES) as (keyof typeof LOCALES)[])('the search page writes %s integers as the rest of the site does', (lang) => {
    const group = integerGrouping(LOCALES[lang].intl);
    for (const n of [0, 3, 75, 1000, 23456, 1000000]) expect(formatInteger(n, group)).toBe(formatNumber(lang, n));
  });

  it('refuses a locale it cannot write', () => {
    expect(() => integerGrouping('en-IN')).toThrow(/12,34,567|formatInteger/); // lakh grouping
    expect(() => integerGrouping('ar-EG')).toThrow(/formatInteger/); // Arabic-Indic digits
  });
});

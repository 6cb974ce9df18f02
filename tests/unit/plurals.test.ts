import { describe, expect, it } from 'vitest';
import { LOCALES, type Lang } from '../../src/i18n/locales.ts';
import { CHECKED_COUNTS, PLURAL_RULES, checkPluralRule, type PluralCategory } from '../../src/lib/plurals.ts';

describe('plural categories without Intl in the browser', () => {
  it.each<[Lang, number, PluralCategory]>([
    ['en', 0, 'other'],
    ['en', 1, 'one'],
    ['en', 2, 'other'],
    ['en', 21, 'other'],
    ['en', 101, 'other'],
    ['ar', 0, 'zero'],
    ['ar', 1, 'one'],
    ['ar', 2, 'two'],
    ['ar', 3, 'few'],
    ['ar', 10, 'few'],
    ['ar', 11, 'many'],
    ['ar', 99, 'many'],
    ['ar', 100, 'other'],
    ['ar', 101, 'other'],
    ['ar', 102, 'other'],
    ['ar', 103, 'few'],
    ['ar', 111, 'many'],
    ['ar', 200, 'other'],
    ['ar', 1000, 'other'],
    ['ar', 1003, 'few'],
  ])('%s %i → %s', (lang, n, category) => {
    expect(PLURAL_RULES[lang](n)).toBe(category);
  });

  it.each(Object.keys(LOCALES) as Lang[])('%s: the same category as Intl for the site locale, for every checked count', (lang) => {
    const intl = new Intl.PluralRules(LOCALES[lang].intl);
    for (const n of CHECKED_COUNTS) expect(PLURAL_RULES[lang](n), String(n)).toBe(intl.select(n));
    expect(() => checkPluralRule(lang, LOCALES[lang].intl)).not.toThrow();
  });

  it.each<[Lang, string, RegExp]>([
    ['en', 'ar', /Intl gives 0 the plural category "zero" in ar, PLURAL_RULES\.en "other"/],
    ['ar', 'en-GB', /Intl gives 0 the plural category "other" in en-GB, PLURAL_RULES\.ar "zero"/],
    ['en', 'fr', /Intl gives 0 the plural category "one" in fr/],
  ])('a rule that disagrees with Intl (%s checked as %s) fails the build, naming the file and the count', (lang, locale, message) => {
    expect(() => checkPluralRule(lang, locale)).toThrow(message);
    expect(() => checkPluralRule(lang, locale)).toThrow(/src\/lib\/plurals\.ts/);
  });
});

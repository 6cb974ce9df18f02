import { describe, expect, it } from 'vitest';
import { LOCALES, type Lang } from '../../src/i18n/locales.ts';
import { CHECKED_COUNTS, PLURAL_RULES, checkPluralRule, pluralOf, type PluralCategory } from '../../src/lib/plurals.ts';
import { plural } from '../../src/i18n/index.ts';

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

  it.each<[Lang, string, number, string]>([
    ['en', 'en-GB', 1, 'one'],
    ['ar', 'ar-EG-u-nu-latn', 103, 'few'],
    ['ar', 'ar-EG-u-nu-latn', 11, 'many'],
  ])('the pages built use the same rule (%s, %s, %i → %s), checked against Intl on first use', (lang, locale, n, category) => {
    expect(pluralOf(lang, locale, n)).toBe(category);
    expect(() => pluralOf('en', 'ar', 0)).toThrow(/PLURAL_RULES\.en/);
  });

  it('the site\'s count strings pick their form with that rule', () => {
    expect(plural('en', 'search.count', 1)).toBe('1 result');
    expect(plural('ar', 'search.count', 3)).not.toBe(plural('ar', 'search.count', 11));
  });
});

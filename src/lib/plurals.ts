/**
 * The plural category of a count (CLDR's rules for integers): one rule per language for the
 * whole site, the pages built (src/i18n `plural`) and the search page in the browser, which has
 * no Intl.PluralRules. The search page's first `new Intl.PluralRules('ar-EG-u-nu-latn')` loads the engine's
 * plural data: 11–27 ms of main thread in Chromium on the build machine (6–17 ms in a bare page),
 * four times that on a slow phone, in the task that runs the search script first; English's
 * took under 1 ms. Each language's rule is written here once (a language missing is a type error)
 * and checked against Intl for a table of integers the first time a build uses it (pluralOf), so
 * a wrong rule fails the build instead of showing another word.
 */
import type { Lang } from '../i18n/locales.ts';

/** CLDR's plural categories (Arabic uses all six; a UI string with a count has a form for each). */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/** CLDR's integer rules, by language (unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html). */
export const PLURAL_RULES: Record<Lang, (n: number) => PluralCategory> = {
  en: (n) => (n === 1 ? 'one' : 'other'),
  ar: (n) => {
    const rest = n % 100;
    return n === 0 ? 'zero' : n === 1 ? 'one' : n === 2 ? 'two' : rest >= 3 && rest <= 10 ? 'few' : rest >= 11 ? 'many' : 'other';
  },
};

/** The integers the build checks a rule with: every category's edges, well past the hundreds. */
export const CHECKED_COUNTS = [...Array.from({ length: 1100 }, (_, i) => i), 1999, 2000, 2001, 2002, 2003, 2010, 2011, 2099, 2100, 2101, 2102, 10000, 10003, 10011, 100000, 1000000];

/** Throws when `lang`'s rule gives another category than Intl does for `locale` (the site's locale of the language). */
export function checkPluralRule(lang: Lang, locale: string): void {
  const intl = new Intl.PluralRules(locale);
  for (const n of CHECKED_COUNTS) {
    const ours = PLURAL_RULES[lang](n);
    const theirs = intl.select(n);
    if (ours !== theirs) throw new Error(`src/lib/plurals.ts: Intl gives ${n} the plural category "${theirs}" in ${locale}, PLURAL_RULES.${lang} "${ours}"; write the language's CLDR rule there.`);
  }
}

const checked = new Set<string>();

/**
 * `lang`'s category for `n`, its rule checked against Intl for `locale` once per process (the
 * build's first count in that language).
 */
export function pluralOf(lang: Lang, locale: string, n: number): PluralCategory {
  const key = `${lang} ${locale}`;
  if (!checked.has(key)) {
    checkPluralRule(lang, locale);
    checked.add(key);
  }
  return PLURAL_RULES[lang](n);
}

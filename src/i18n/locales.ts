/**
 * The one locale table. Routes (`getStaticPaths`), `<html lang dir>`, hreflang alternates,
 * feeds and the language switcher all derive from it, so adding a language starts here.
 */
export const LOCALES = {
  ar: { lang: 'ar', dir: 'rtl', label: 'العربية', intl: 'ar-EG-u-nu-latn', og: 'ar_AR' },
  en: { lang: 'en', dir: 'ltr', label: 'English', intl: 'en-GB', og: 'en_GB' },
} as const;

export type Lang = keyof typeof LOCALES;
export type Dir = (typeof LOCALES)[Lang]['dir'];

/** Display order: Arabic first, it is the language of the sources. */
export const LANGS: readonly Lang[] = ['ar', 'en'];
export const DEFAULT_LANG: Lang = 'ar';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && Object.hasOwn(LOCALES, value);
}

/** The other language of a page; with two locales the switcher needs exactly one target. */
export function otherLangs(lang: Lang): Lang[] {
  return LANGS.filter((l) => l !== lang);
}

/** Static paths for routes that exist once per language. */
export function langPaths(): { params: { lang: Lang } }[] {
  return LANGS.map((lang) => ({ params: { lang } }));
}

import { LOCALES, type Lang } from './locales.ts';
import { pluralOf, type PluralCategory } from '../lib/plurals.ts';
import { en, type UiKey } from './ui/en.ts';
import { ar } from './ui/ar.ts';

export * from './locales.ts';
export type { UiKey } from './ui/en.ts';

const DICTIONARIES: Record<Lang, Record<UiKey, string>> = { ar, en };

/**
 * Looks up a UI string; `{name}` placeholders are filled from `vars`. A placeholder left unfilled
 * would reach readers as it stands ("What the sources say about {name}" once did, in every topic's
 * search result), so it throws, naming the string: the build fails there. A string a script fills
 * in on the page comes from template().
 */
export function t(lang: Lang, key: UiKey, vars: Record<string, string | number> = {}): string {
  return DICTIONARIES[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!Object.hasOwn(vars, name)) {
      throw new Error(`UI string "${key}" (${lang}) has {${name}}, and t() was given no "${name}": pass it in t()'s vars, or take the string with template() if a script on the page fills it in`);
    }
    return String(vars[name]);
  });
}

/** A UI string with its placeholders kept, for a script that fills them in on the page (config.ts `fill`, offline-save.ts). */
export function template(lang: Lang, key: UiKey): string {
  return DICTIONARIES[lang][key];
}

/** A translator bound to one language, for templates. */
export function useTranslations(lang: Lang) {
  return (key: UiKey, vars?: Record<string, string | number>) => t(lang, key, vars);
}

/** Formats integers with Western digits in both languages (our editorial convention). */
export function formatNumber(lang: Lang, n: number): string {
  return new Intl.NumberFormat(LOCALES[lang].intl).format(n);
}

type PluralBase<K> = K extends `${infer B}.${PluralCategory}` ? B : never;
/** Keys that exist in all six CLDR plural forms (Arabic uses all six). */
export type PluralKey = PluralBase<UiKey>;

/** A count in words, with the language's plural form (src/lib/plurals.ts: the search page's rule too). */
export function plural(lang: Lang, base: PluralKey, n: number): string {
  return t(lang, `${base}.${pluralOf(lang, LOCALES[lang].intl, n)}` as UiKey, { n: formatNumber(lang, n) });
}

/** A UI string split around its one `{name}` placeholder, for putting markup (a date, a link) there. */
export function tAround(lang: Lang, key: UiKey, name: string): [string, string] {
  const text = DICTIONARIES[lang][key];
  const at = text.indexOf(`{${name}}`);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + name.length + 2)];
}

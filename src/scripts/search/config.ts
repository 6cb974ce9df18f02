/** The search page's settings and strings, written into the page at build time (SearchView). */
import type { Lang } from '../../i18n/locales.ts';
import { formatInteger } from '../../lib/integers.ts';
import { PLURAL_RULES, type PluralCategory } from '../../lib/plurals.ts';

export type PluralForms = Record<PluralCategory, string>;

export interface Config {
  /** The language's Pagefind bundle, with the site's base. */
  bundle: string;
  /** The site's base ("/" or "/briefings/"). */
  base: string;
  /** The page's language: its plural rule (src/lib/plurals.ts: no Intl.PluralRules on the page). */
  lang: Lang;
  /** The language's thousands separator (src/lib/integers.ts: no Intl.NumberFormat on the page). */
  group: string;
  strings: Record<'loading' | 'tips' | 'suggest' | 'error' | 'partial' | 'next' | 'previous' | 'page' | 'pageOf' | 'topicKind' | 'mentions', string>;
  counts: PluralForms;
  briefings: PluralForms;
  sources: PluralForms;
  /** Labels by page kind: b(riefing), s(ource), t(opic). */
  types: Record<'b' | 's' | 't', string>;
  /** Topic kinds, singular. */
  kinds: Record<string, string>;
}

export const config = JSON.parse(document.getElementById('search-config')!.textContent!) as Config;

const category = PLURAL_RULES[config.lang];
/** An integer as the rest of the site writes it. */
export const number = (n: number) => formatInteger(n, config.group);

/** A count in words with the language's plural form. */
export const counted = (forms: PluralForms, n: number) => forms[category(n)].replace('{n}', number(n));

/** A string with `{name}` placeholders filled. */
export const fill = (s: string, vars: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (whole, k: string) => (k in vars ? (typeof vars[k] === 'number' ? number(vars[k]) : String(vars[k])) : whole));

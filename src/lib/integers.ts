/**
 * Integers as the site writes them (formatNumber in src/i18n: Western digits grouped by
 * thousands) without an Intl.NumberFormat in the browser. A page's first NumberFormat loads the
 * engine's number data: 36–43 ms of main thread in Node 24 on the build machine, at 4× that on a
 * slow phone, in the search page's first task. The separator is read once at build time instead
 * (integerGrouping) and written into the page; the build checks it against Intl for a table of
 * integers, so a language whose integers Intl writes otherwise fails the build instead of
 * showing other numbers than the rest of the site.
 */

/** Integers the build checks formatInteger against Intl.NumberFormat with. */
const CHECKED = [0, 1, 7, 10, 42, 999, 1000, 1001, 2803, 12345, 99999, 100000, 999999, 1000000, 1234567, 98765432];

/** `n` (an integer) with `group` between each three digits from the right. */
export function formatInteger(n: number, group: string): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+$)/g, group);
}

/** The thousands separator of a locale's integers; throws when formatInteger cannot write them as Intl does. */
export function integerGrouping(locale: string): string {
  const format = new Intl.NumberFormat(locale);
  const group = format.formatToParts(1234567).find((p) => p.type === 'group')?.value ?? '';
  for (const n of CHECKED) {
    if (formatInteger(n, group) !== format.format(n)) {
      throw new Error(`src/lib/integers.ts: Intl writes ${n} as "${format.format(n)}" in ${locale}, formatInteger as "${formatInteger(n, group)}"; give formatInteger this locale's digits or grouping.`);
    }
  }
  return group;
}

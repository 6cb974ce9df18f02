/**
 * The parts of Noto Naskh Arabic the site serves: for each weight, one file for Arabic-language
 * text and one for the digits and punctuation inside it. `npm run fonts` (scripts/fonts.mjs) cuts
 * them from @fontsource's files into src/assets/fonts/noto-naskh-arabic/, keeping every glyph
 * the shaper reaches from these characters (joining forms, lam-alef, marks).
 *
 * Why cut: @fontsource's "arabic" file covers every language written in Arabic script (Persian,
 * Urdu, Sindhi, Quranic marks, presentation forms): 52 KB per weight, all of it on the critical
 * path of every Arabic page. Arabic-language text needs about a fifth of it (12 KB per weight).
 * The @font-face unicode-range is exactly what the file holds, so a character outside it shows
 * in the system's Arabic face instead of a missing glyph; tests/unit/naskh-subsets.test.ts fails
 * when content, seeds or UI strings use such a character.
 */

/**
 * Arabic-language text: Arabic comma, semicolon, letter mark and question mark; the letters,
 * tatweel and harakat (U+0640–065F); Arabic-Indic digits and separators, superscript alef and
 * alef wasla (U+0660–0671); the letters Arabic writes foreign sounds with (پ چ ژ ڤ ک گ ی);
 * Persian digits (seeds keep their source's digits); ZWNJ, ZWJ, LRM, RLM.
 */
export const ARABIC_RANGE: [string, ...string[]] = [
  'U+060C', 'U+061B-061C', 'U+061F-063A', 'U+0640-0671', 'U+067E', 'U+0686', 'U+0698', 'U+06A4',
  'U+06A9', 'U+06AF', 'U+06CC', 'U+06F0-06F9', 'U+200C-200F',
];

/**
 * Digits and punctuation of the Latin subset: ASCII digits and punctuation, no-break space,
 * guillemets and the other Latin-1 signs, dashes, quotes, ellipsis. No letters: Latin names
 * inside Arabic text are marked `lang="en"` and keep the Latin UI face.
 */
export const DIGITS_AND_PUNCTUATION_RANGE: [string, ...string[]] = [
  'U+0021-0040', 'U+005B-0060', 'U+007B-007E', 'U+00A0-00BF', 'U+00D7', 'U+00F7',
  'U+2010-2027', 'U+2030-205E',
];

/** The code points of a unicode-range list ("U+0600-06FF", "U+00D7"). */
export function codePoints(ranges: readonly string[]): number[] {
  return ranges.flatMap((range) => {
    const m = /^U\+([0-9A-F]{1,6})(?:-([0-9A-F]{1,6}))?$/i.exec(range);
    if (!m) throw new Error(`"${range}" is not a unicode-range like U+0600 or U+0600-06FF`);
    const from = parseInt(m[1]!, 16);
    const to = m[2] ? parseInt(m[2], 16) : from;
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
}

export type NaskhWeight = 400 | 700;

export interface NaskhSubset {
  subset: 'arabic' | 'latin';
  weight: NaskhWeight;
  unicodeRange: [string, ...string[]];
  /** The @fontsource file it is cut from (a package path). */
  source: string;
  /** The file the site serves, relative to the project root. */
  file: string;
}

export const NASKH_DIR = 'src/assets/fonts/noto-naskh-arabic';

const subset = (name: NaskhSubset['subset'], weight: NaskhWeight, unicodeRange: [string, ...string[]]): NaskhSubset => ({
  subset: name,
  weight,
  unicodeRange,
  source: `@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-${name}-${weight}-normal.woff2`,
  file: `${NASKH_DIR}/${name}-${weight}.woff2`,
});

/** Regular and bold (headings, the site name, strong text); the pages use no other weight. */
export const NASKH_SUBSETS: [NaskhSubset, ...NaskhSubset[]] = [
  subset('arabic', 400, ARABIC_RANGE),
  subset('arabic', 700, ARABIC_RANGE),
  subset('latin', 400, DIGITS_AND_PUNCTUATION_RANGE),
  subset('latin', 700, DIGITS_AND_PUNCTUATION_RANGE),
];

/**
 * The Arabic face, served through Astro's fonts API (`fonts` in astro.config.mjs): self-hosted
 * files from @fontsource/noto-naskh-arabic, `@font-face` rules, preload links and a fallback
 * face with Astro's metric overrides, so the page does not jump when Naskh arrives.
 *
 * Digits and punctuation inside Arabic text ("30 أكتوبر 2025", «…», "2803") come from Naskh's
 * own Latin subset, drawn to match its Arabic in size and weight. Its unicode-range leaves out
 * Latin letters: Latin names inside Arabic text are marked `lang="en"` and keep the Latin UI face.
 */
import { fontProviders } from 'astro/config';

/** The CSS variable that holds the Arabic font stack (used by src/styles/global.css). */
export const NASKH_VARIABLE = '--font-naskh';

const files = '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic';

/** The Arabic script blocks of the @fontsource "arabic" subset (its unicode.json). */
export const ARABIC_RANGE: [string, ...string[]] = [
  'U+0600-06FF', 'U+0750-077F', 'U+0870-088E', 'U+0890-0891', 'U+0897-08E1', 'U+08E3-08FF',
  'U+200C-200E', 'U+FB50-FDFF', 'U+FE70-FE74', 'U+FE76-FEFC',
];

/**
 * Digits and punctuation of the Latin subset: ASCII digits and punctuation, no-break space,
 * guillemets and the other Latin-1 signs, dashes, quotes, ellipsis. No letters.
 */
export const DIGITS_AND_PUNCTUATION_RANGE: [string, ...string[]] = [
  'U+0021-0040', 'U+005B-0060', 'U+007B-007E', 'U+00A0-00BF', 'U+00D7', 'U+00F7',
  'U+2010-2027', 'U+2030-205E',
];

interface Variant { weight: 400 | 700; style: 'normal'; src: [string]; unicodeRange: [string, ...string[]] }
const variant = (weight: 400 | 700, subset: 'arabic' | 'latin', unicodeRange: [string, ...string[]]): Variant => ({
  weight, style: 'normal', src: [`${files}-${subset}-${weight}-normal.woff2`], unicodeRange,
});

export const naskhFont = {
  provider: fontProviders.local(),
  name: 'Noto Naskh Arabic',
  cssVariable: NASKH_VARIABLE,
  // Naskh is a serif design; Astro sizes the generic serif's system face to Naskh's metrics.
  fallbacks: ['serif'],
  display: 'swap' as const,
  options: {
    variants: [
      variant(400, 'arabic', ARABIC_RANGE),
      variant(700, 'arabic', ARABIC_RANGE),
      variant(400, 'latin', DIGITS_AND_PUNCTUATION_RANGE),
      variant(700, 'latin', DIGITS_AND_PUNCTUATION_RANGE),
    ] as [Variant, ...Variant[]],
  },
};

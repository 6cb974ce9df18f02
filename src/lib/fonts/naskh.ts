/**
 * The Arabic face, served through Astro's fonts API (`fonts` in astro.config.mjs): self-hosted
 * files, `@font-face` rules, preload links and a fallback face with Astro's metric overrides,
 * so the page does not jump when Naskh arrives.
 *
 * The files are cut from @fontsource/noto-naskh-arabic to what Arabic-language text uses
 * (src/lib/fonts/naskh-subsets.ts, `npm run fonts`): the four preloaded files weigh 37 KB
 * instead of 126 KB, which is what Arabic pages' largest paint waited for on a slow network.
 *
 * Digits and punctuation inside Arabic text ("30 أكتوبر 2025", «…», "2803") come from Naskh's
 * own Latin subset, drawn to match its Arabic in size and weight. Its unicode-range leaves out
 * Latin letters: Latin names inside Arabic text are marked `lang="en"` and keep the Latin UI face.
 */
import { fontProviders } from 'astro/config';
import { NASKH_SUBSETS } from './naskh-subsets.ts';

/** The CSS variable that holds the Arabic font stack (used by src/styles/global.css). */
export const NASKH_VARIABLE = '--font-naskh';

interface Variant { weight: number; style: 'normal'; src: [string]; unicodeRange: [string, ...string[]] }

export const naskhFont = {
  provider: fontProviders.local(),
  name: 'Noto Naskh Arabic',
  cssVariable: NASKH_VARIABLE,
  // Naskh is a serif design; Astro sizes the generic serif's system face to Naskh's metrics.
  fallbacks: ['serif'],
  display: 'swap' as const,
  options: {
    variants: NASKH_SUBSETS.map(({ weight, file, unicodeRange }) => ({
      weight, style: 'normal' as const, src: [`./${file}`] as [string], unicodeRange,
    })) as [Variant, ...Variant[]],
  },
};

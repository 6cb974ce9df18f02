// Cuts the served Noto Naskh Arabic files (src/lib/fonts/naskh-subsets.ts) from @fontsource's
// files with HarfBuzz's subsetter (subset-font), which keeps every glyph the shaper can reach
// from the kept characters (GSUB closure: joining forms, lam-alef, marks). Shared by
// `npm run fonts` and the test that checks the committed files are what this produces.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import subsetFont from 'subset-font';
import { NASKH_SUBSETS, codePoints } from '../../src/lib/fonts/naskh-subsets.ts';

const require = createRequire(import.meta.url);

/** [{ file, bytes }] for every served subset. */
export async function cutNaskhSubsets() {
  return Promise.all(NASKH_SUBSETS.map(async ({ source, file, unicodeRange }) => {
    // The space glyph too, though no page takes a space from these files: Astro sizes the
    // fallback face from the font's average character width, space included (without it the
    // fallback would be drawn 11% larger than with @fontsource's whole file).
    const text = String.fromCodePoint(0x20, ...codePoints(unicodeRange));
    const bytes = await subsetFont(readFileSync(require.resolve(source)), text, { targetFormat: 'woff2' });
    return { file, source, bytes };
  }));
}

/**
 * Finds the runs of Arabic text that need bidi isolation: Latin words (with the spaces and
 * punctuation that join them into one name) and numbers with separators. Shared by the
 * Markdown plugin and the Astro components that print Latin names inside Arabic pages.
 */

/** 'rtl' is text in the page's own direction; 'arabic' marks Arabic inside an LTR page. */
export type BidiRunKind = 'rtl' | 'latin' | 'number' | 'arabic';
export interface BidiRun {
  kind: BidiRunKind;
  text: string;
}

const LATIN_WORD = String.raw`[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F0-9'’&.-]*`;
const LATIN_RUN = String.raw`${LATIN_WORD}(?:[ ](?:${LATIN_WORD}|\d+))*`;
// Digits joined by separators; a bare digit run is direction-neutral enough to leave alone.
const NUMBER_RUN = String.raw`\d+(?:[.,:/\-]\d+)+%?|\d+%`;
const RUNS = new RegExp(`(${LATIN_RUN})|(${NUMBER_RUN})`, 'gu');

export function splitBidiRuns(text: string): BidiRun[] {
  const runs: BidiRun[] = [];
  let last = 0;
  for (const m of text.matchAll(RUNS)) {
    const start = m.index ?? 0;
    // Trailing dots belong to the Arabic sentence, not to the Latin run.
    const matched = m[0].replace(/[.'’-]+$/u, '');
    if (matched === '') continue;
    if (start > last) runs.push({ kind: 'rtl', text: text.slice(last, start) });
    runs.push({ kind: m[1] !== undefined ? 'latin' : 'number', text: matched });
    last = start + matched.length;
  }
  if (last < text.length) runs.push({ kind: 'rtl', text: text.slice(last) });
  return runs.length ? runs : [{ kind: 'rtl', text }];
}

const ARABIC_RUN = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+(?:[\s\u060C«»"'()-]+[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+)*/gu;

/** Arabic runs inside left-to-right text (quoted Arabic terms in English pages). */
export function splitArabicRuns(text: string): { arabic: boolean; text: string }[] {
  const runs: { arabic: boolean; text: string }[] = [];
  let last = 0;
  for (const m of text.matchAll(ARABIC_RUN)) {
    const start = m.index ?? 0;
    if (start > last) runs.push({ arabic: false, text: text.slice(last, start) });
    runs.push({ arabic: true, text: m[0] });
    last = start + m[0].length;
  }
  if (last < text.length) runs.push({ arabic: false, text: text.slice(last) });
  return runs.length ? runs : [{ arabic: false, text }];
}

/** True when a string has Arabic letters. */
export function hasArabic(text: string): boolean {
  return /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u.test(text);
}

/**
 * Invisible characters that can change what a reader sees.
 *
 * - Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and bidi marks
 *   (U+200E, U+200F, U+061C) reorder text or move punctuation without showing themselves. Our
 *   pages isolate directions themselves (`<bdi>` around Latin runs and numbers), so content never
 *   needs them.
 * - Zero-width characters (U+200B–U+200D, U+2060, U+FEFF inside a file, U+180E, U+00AD) split or
 *   join words invisibly: a zero-width space inside a word breaks search, a joiner changes letter
 *   shapes.
 *
 * Content and source metadata refuse all of them. Seeds stay verbatim, so their pages drop the
 * bidi controls from the displayed text (`stripBidiControls`); zero-width characters in a seed
 * are kept, since they cannot reorder anything.
 */
import { positionOf, type Finding } from './findings.ts';

const NAMES: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (BOM)',
};

/** Characters that set or change text direction. */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/gu;

export function codePointLabel(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} ${NAMES[cp] ?? ''}`.trim();
}

function fixFor(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0x202a && cp <= 0x202e) return 'delete it: pages isolate Latin names and numbers themselves (<bdi>), and an embedding or override can reverse the words after it';
  if (cp >= 0x2066 && cp <= 0x2069) return 'delete it: pages isolate Latin names and numbers themselves (<bdi>)';
  if (cp === 0x200e || cp === 0x200f || cp === 0x061c) return 'delete it: pages isolate Latin names and numbers themselves, so punctuation lands where you typed it';
  if (cp === 0x00ad) return 'delete it: the browser hyphenates where it needs to';
  if (cp === 0x200c || cp === 0x200d) return 'delete it: Arabic letters join (or not) correctly without it';
  return 'delete it (if you need a space, type an ordinary space)';
}

/** Every invisible character in `text`, with where it is and how to fix it. */
export function findInvisibleCharacters(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(INVISIBLE)) {
    const { line, column } = positionOf(text, m.index ?? 0);
    out.push({ line, column, message: `invisible character ${codePointLabel(m[0])} at column ${column}`, fix: fixFor(m[0]) });
  }
  return out;
}

/** A seed's text as its page shows it: the words verbatim, without direction controls. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROL, '');
}

export function hasBidiControls(text: string): boolean {
  return new RegExp(BIDI_CONTROL.source, 'u').test(text);
}

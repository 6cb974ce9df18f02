/**
 * Text that travels in a Pagefind fragment without entering its word index. Pagefind 1.5+
 * indexes the words of every metadata field, so the original text of a page (from which the
 * search page builds excerpts in the original spelling) would add a second, unnormalised copy of
 * every word to the index: measured here, 67 % more index bytes for the Arabic bundle, and
 * matches on spellings the normalised index exists to unify. Pagefind indexes only letters and
 * digits; so every character is written as one from the Unicode Private Use Area, which is
 * neither, and the field yields no word at all. `reveal` restores the text exactly.
 *
 * Code points below U+0700 (Latin, Arabic, punctuation) and the General Punctuation block take
 * one private character each; anything else takes an escape and six hex digits, all private.
 */
const BASE = 0xe000;
const PUNCTUATION = 0xe700; // U+2000–U+206F
const ESCAPE = 0xe7ff;
const NIBBLE = 0xe800;

export function hide(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x700) out += String.fromCharCode(BASE + cp);
    else if (cp >= 0x2000 && cp < 0x2070) out += String.fromCharCode(PUNCTUATION + cp - 0x2000);
    else out += String.fromCharCode(ESCAPE, ...[...cp.toString(16).padStart(6, '0')].map((d) => NIBBLE + Number.parseInt(d, 16)));
  }
  return out;
}

export function reveal(hidden: string): string {
  let out = '';
  for (let i = 0; i < hidden.length; i++) {
    const c = hidden.charCodeAt(i);
    if (c === ESCAPE) {
      let cp = 0;
      for (let j = 1; j <= 6; j++) cp = cp * 16 + (hidden.charCodeAt(i + j) - NIBBLE);
      out += String.fromCodePoint(cp);
      i += 6;
    } else if (c >= PUNCTUATION) out += String.fromCharCode(c - PUNCTUATION + 0x2000);
    else out += String.fromCharCode(c - BASE);
  }
  return out;
}

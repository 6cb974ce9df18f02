/**
 * Our tanween convention (docs/editorial-guide.md, "Arabic spelling"): tanween al-fath sits on
 * the last letter of the word, before the seat alif (عضوًا, رسميًا), never on the alif itself
 * (عضواً). Words that take tanween without an alif (دولةً، مساءً، هدًى) are untouched.
 */
import { positionOf, type Finding } from './findings.ts';

const FATHATAN = '\u064B';
/** An alif followed by fathatan (other marks, e.g. a shadda on the alif, are not expected). */
const ON_ALIF = /([\p{L}\p{M}]*?)(\u0627\u064B)/gu;

/** The word with the fathatan moved before its alif: «عضواً» → «عضوًا». */
export function moveTanween(word: string): string {
  return word.replace(/\u0627\u064B/gu, `${FATHATAN}\u0627`);
}

export function findTanweenOnAlif(text: string): Finding[] {
  // Most texts have no fathatan on an alif at all: the pattern's lazy word prefix is tried from
  // every letter of a text that has none, about 1 s of every build at 1,000 sources.
  if (!text.includes('\u0627\u064B')) return [];
  const out: Finding[] = [];
  for (const m of text.matchAll(ON_ALIF)) {
    const start = m.index ?? 0;
    const word = m[0];
    const { line, column } = positionOf(text, start);
    out.push({
      line,
      column,
      message: `tanween written on the alif in «${word}»`,
      fix: `write «${moveTanween(word)}»: tanween al-fath goes on the letter before the alif (docs/editorial-guide.md §7)`,
    });
  }
  return out;
}

/**
 * Arabic prefixes written detached before a topic link: «لـ[[reconstruction]]» renders as
 * «لـإعادة الإعمار», with a tatweel no Arabic writer would type and a link that starts in the
 * middle of the word. Idiomatic Arabic attaches the preposition, so the link text carries it:
 * `[[reconstruction|لإعادة الإعمار]]` (and ل + ال becomes لل: «للقرار»).
 */
import { positionOf, type Finding } from './findings.ts';

const DETACHED = /(\p{L})\u0640\[\[([a-z0-9]+(?:-[a-z0-9]+)*)(?:\|([^\]\n]*))?\]\]/gu;

/** The prefix joined to the word as Arabic spelling has it: ل + الإعمار → للإعمار. */
export function attachPrefix(prefix: string, text: string): string {
  if (prefix === 'ل' && text.startsWith('ال')) return `لل${text.slice(2)}`;
  return `${prefix}${text}`;
}

/**
 * @param topicName the Arabic name of a topic id (for the suggested link text), if it exists
 */
export function findDetachedPrefixes(text: string, topicName: (id: string) => string | undefined): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(DETACHED)) {
    const [whole, prefix = '', id = '', label] = m;
    const word = label?.trim() || topicName(id);
    const { line, column } = positionOf(text, m.index ?? 0);
    out.push({
      line,
      column,
      message: `detached prefix «${prefix}ـ» before the link ${whole.slice(2)}`,
      fix: word
        ? `attach the prefix inside the link text: [[${id}|${attachPrefix(prefix, word)}]] (docs/editorial-guide.md §7)`
        : `attach the prefix inside the link text: [[${id}|${prefix}…]] (docs/editorial-guide.md §7)`,
    });
  }
  return out;
}

/**
 * English spellings the editorial guide rules out (US spelling, docs/editorial-guide.md §7).
 *
 * The list lives in the guide itself, in a table under the heading "English spellings we rule
 * out", so editors read and change one list. Each row holds two code spans:
 *
 *     | `organis{e,ed,es,ing,ation,ations}` | `organiz` |
 *     | `whilst` | `while` |
 *
 * The first is a word, or a stem with the endings it takes in braces (an empty ending means the
 * bare stem); the second is what to write instead of the part before the braces. Matching is
 * whole-word and case-insensitive. Quotations (“…”, «…»), URLs and topic ids are not checked:
 * a quotation keeps its source's spelling, an id is not prose. Straight quotes are YAML's string
 * delimiters in our content (prose quotes with curly quotes, guide §8), so they are read.
 */
import { positionOf, type Finding } from './findings.ts';

export interface SpellingRule {
  /** As written in the guide, e.g. `organis{e,ed}`. */
  pattern: string;
  stem: string;
  endings: string[];
  replacement: string;
  regex: RegExp;
}

const HEADING = /^#+\s+English spellings we rule out\b.*$/m;
const ROW = /^\|\s*`([^`]+)`\s*\|\s*`([^`]*)`\s*\|/;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function spellingRule(pattern: string, replacement: string): SpellingRule {
  const m = /^([^{}]+)(?:\{([^{}]*)\})?$/.exec(pattern.trim());
  if (!m) throw new Error(`spelling list: cannot read \`${pattern}\` (write a word, or a stem with {endings})`);
  const stem = m[1]!;
  const endings = m[2] === undefined ? [''] : m[2].split(',').map((e) => e.trim());
  const alternatives = endings.map(escape).sort((a, b) => b.length - a.length).join('|');
  const regex = new RegExp(`(?<![\\p{L}\\p{M}])(${escape(stem).replace(/ /g, '\\s+')})(${alternatives})(?![\\p{L}\\p{M}])`, 'giu');
  return { pattern, stem, endings, replacement, regex };
}

/** Reads the list from the guide's text; an empty list when the heading is missing. */
export function parseSpellingList(guide: string): SpellingRule[] {
  const heading = HEADING.exec(guide);
  if (!heading) return [];
  const rules: SpellingRule[] = [];
  for (const line of guide.slice(heading.index + heading[0].length).split('\n')) {
    if (/^#+\s/.test(line)) break;
    const row = ROW.exec(line);
    if (row) rules.push(spellingRule(row[1]!, row[2]!));
  }
  return rules;
}

/** Blanks out what the rule must not read, keeping offsets (and so lines and columns) intact. */
export function maskNonProse(text: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return text
    .replace(/“[^”\n]*”|«[^»\n]*»/g, blank)
    .replace(/https?:\/\/[^\s)\]"]+/g, blank)
    .replace(/\[\[[a-z0-9-]+(?=[|\]])/g, blank);
}

function matchCase(original: string, replacement: string): string {
  if (original === original.toUpperCase() && original.length > 1) return replacement.toUpperCase();
  if (original[0] && original[0] === original[0].toUpperCase()) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}

export function findRuledOutSpellings(text: string, rules: readonly SpellingRule[]): Finding[] {
  const masked = maskNonProse(text);
  const out: Finding[] = [];
  for (const rule of rules) {
    for (const m of masked.matchAll(rule.regex)) {
      const word = text.slice(m.index ?? 0, (m.index ?? 0) + m[0].length);
      const ending = m[2] ?? '';
      const write = matchCase(word, `${rule.replacement}${ending}`);
      const { line, column } = positionOf(text, m.index ?? 0);
      out.push({ line, column, message: `“${word}” is a spelling the guide rules out`, fix: `write “${write}” (US spelling; the list is in docs/editorial-guide.md §7)` });
    }
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

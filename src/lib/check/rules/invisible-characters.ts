/**
 * Rule invisible-characters: no bidi embedding, override, isolate or mark, and no zero-width
 * character, in content or source metadata (every file under content/) or the UI dictionaries.
 * They cannot be seen in an editor, yet can reorder what a reader sees or split a word for search;
 * pages isolate directions themselves (docs/editorial-guide.md §8). Seeds stay verbatim: see
 * seed-bidi-controls.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { findInvisibleCharacters } from '../../editorial/invisible.ts';
import { readText, reportFindings } from '../../editorial/content-texts.ts';
import { join } from '../../corpus/files.ts';
import type { Rule } from '../types.ts';

function filesUnder(root: string, dir: string, keep: (name: string) => boolean): string[] {
  const path = join(root, dir);
  if (!existsSync(path)) return [];
  return readdirSync(path).sort().flatMap((name) => {
    const rel = `${dir}/${name}`;
    return statSync(join(root, rel)).isDirectory() ? filesUnder(root, rel, keep) : keep(name) ? [rel] : [];
  });
}

export const invisibleCharacters: Rule = {
  id: 'invisible-characters',
  severity: 'error',
  summary: 'no bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C) or zero-width characters in content, source metadata or UI strings',
  check(content, report) {
    const files = [
      ...filesUnder(content.root, 'content', (n) => /\.(?:md|ya?ml)$/.test(n)),
      ...filesUnder(content.root, 'src/i18n/ui', (n) => n.endsWith('.ts')),
    ];
    for (const file of files) {
      const text = readText(content.root, file);
      if (text !== undefined) reportFindings(report, file, 1, findInvisibleCharacters(text));
    }
  },
};

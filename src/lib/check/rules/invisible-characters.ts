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

/**
 * The files under `dir` whose names `keep` accepts, in name order. A folder's entries say which
 * are folders (no stat per file: 20,000 at 5,000 bench sources, on every corpus load); a symbolic
 * link is followed, as before.
 */
function filesUnder(root: string, dir: string, keep: (name: string) => boolean): string[] {
  const path = join(root, dir);
  if (!existsSync(path)) return [];
  const entries = readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    const folder = entry.isSymbolicLink() ? statSync(join(root, rel)).isDirectory() : entry.isDirectory();
    return folder ? filesUnder(root, rel, keep) : keep(entry.name) ? [rel] : [];
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

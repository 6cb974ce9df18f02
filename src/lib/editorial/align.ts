/**
 * Recording that language versions agree again (`npm run align`): each side gets the current
 * revision of the other, with the day. Used by scripts/align.mjs and by tests that edit one side
 * of a fixture on purpose.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { LANGS } from '../../i18n/locales.ts';
import { alignmentLine, contentRevision, seedRevision, setAlignmentInMarkdown, setAlignmentInYaml } from './alignment.ts';

/** Aligns every language version of briefing `id` as of day `on`; returns the files written. */
export function alignBriefing(root: string, id: string, on: string): string[] {
  const files = Object.fromEntries(LANGS.map((l) => [l, `content/briefings/${l}/${id}.md`]));
  const missing = Object.values(files).filter((f) => !existsSync(join(root, f)));
  if (missing.length) throw new Error(`${missing.join(', ')}: not found; align needs every language version of "${id}"`);
  const read = (file: string) => readFileSync(join(root, file), 'utf8');
  const revision = Object.fromEntries(LANGS.map((l) => [l, contentRevision(read(files[l]!))]));
  for (const lang of LANGS) {
    const records = Object.fromEntries(LANGS.filter((l) => l !== lang).map((l) => [l, { rev: revision[l]!, on }]));
    writeFileSync(join(root, files[lang]!), setAlignmentInMarkdown(read(files[lang]!), alignmentLine(records)));
  }
  return Object.values(files);
}

/** Aligns source `id`'s English translation with its seed as of day `on`; returns [translation, seed]. */
export function alignTranslation(root: string, id: string, on: string): [string, string] {
  const file = `content/sources/${id}.en.yaml`;
  const record = `content/sources/${id}.yaml`;
  if (!existsSync(join(root, file)) || !existsSync(join(root, record))) throw new Error(`${file} or ${record}: not found`);
  const seedName = (parse(readFileSync(join(root, record), 'utf8')) as { seed?: unknown } | null)?.seed;
  if (typeof seedName !== 'string') throw new Error(`${record} names no seed`);
  const seed = `seeds/${seedName}`;
  const line = alignmentLine({ seed: { rev: seedRevision(readFileSync(join(root, seed), 'utf8')), on } });
  writeFileSync(join(root, file), setAlignmentInYaml(readFileSync(join(root, file), 'utf8'), line));
  return [file, seed];
}

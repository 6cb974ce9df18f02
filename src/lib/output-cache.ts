/**
 * A build step's whole output kept in the build cache under the key of everything it was made
 * from, and linked into the next build's site when the key is the same (the sitemap: its files
 * depend only on the list of pages, the routes, the site's address and the code; an edit of a
 * briefing's text changes none of them).
 *
 * An entry is a folder holding the files and `entry.json` (the key and the file names), written
 * last and removed first: a build stopped while saving leaves no entry that matches. The files
 * are hard links shared with the site (link-files.ts): neither the cache nor a writer of the site
 * ever writes them in place (the site's names are removed before the step writes them again).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonCache, writeJsonCache } from './json-cache.ts';
import { linkOrCopy, linkReplacing } from './link-files.ts';

/** Bump when the entry's layout changes. */
const VERSION = 1;

/**
 * The key of a step's inputs: a hash of their JSON, functions left out (a route's `generate`
 * follows from its segments) and patterns by their source. Undefined when they cannot be
 * written as JSON (a cycle): then nothing is cached.
 */
export function outputKey(inputs: unknown): string | undefined {
  let json: string;
  try {
    json = JSON.stringify(inputs, (_, value: unknown) => (value instanceof RegExp ? `/${value.source}/${value.flags}` : typeof value === 'function' ? undefined : value));
  } catch {
    return undefined;
  }
  return createHash('sha256').update(json).digest('hex');
}

const entryFile = (dir: string) => join(dir, 'entry.json');

/**
 * Links the files of the entry in `dir` into `outDir` when it was saved with `key`, replacing
 * files of those names there (never writing them). Returns the files linked, or undefined (no such
 * entry, or one of its files is missing: then none is left linked).
 */
export function restoreOutputs(dir: string, key: string, outDir: string): string[] | undefined {
  const entry = readJsonCache<{ key?: string; files?: string[] }>(entryFile(dir), VERSION);
  if (entry?.key !== key || !Array.isArray(entry.files)) return undefined;
  const files = entry.files;
  if (!files.every((name) => existsSync(join(dir, 'files', name)))) return undefined;
  for (const name of files) {
    const target = join(outDir, name);
    rmSync(target, { force: true });
    linkOrCopy(join(dir, 'files', name), target);
  }
  return files;
}

/** Makes `outDir`'s `files` (names in it) the entry in `dir` for `key`, replacing the last one. */
export function saveOutputs(dir: string, key: string, outDir: string, files: readonly string[]): void {
  rmSync(entryFile(dir), { force: true });
  rmSync(join(dir, 'files'), { recursive: true, force: true });
  mkdirSync(join(dir, 'files'), { recursive: true });
  for (const name of files) {
    const cached = join(dir, 'files', name);
    // A link where the file system allows it (the site's file itself), else a copy.
    if (!linkReplacing(join(outDir, name), cached)) linkOrCopy(join(outDir, name), cached);
  }
  writeJsonCache(entryFile(dir), VERSION, { key, files: [...files] });
}

/** The names in `outDir` (top level) a step writes, by their pattern. */
export function outputsIn(outDir: string, pattern: RegExp): string[] {
  return existsSync(outDir) ? readdirSync(outDir).filter((name) => pattern.test(name)).sort() : [];
}

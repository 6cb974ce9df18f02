/**
 * Build outputs taken from a build cache as hard links instead of copies (cached cards, search
 * documents, unchanged Pagefind bundles): a link costs one directory entry, a copy reads and
 * writes the whole file. Where a link cannot be made (another file system, no hard links) the
 * file is copied.
 *
 * A hard link shares the file between the cache, the staging folder and, once it is swapped in,
 * the live site. So no writer may ever write such a file in place: every writer of a cached file
 * writes a new file (a temporary name renamed over it, or after removing the old name).
 * writeFileReplacing does the first; it also means a build stopped midway never leaves half a
 * file under the real name.
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Links `from` as `to` (which must not exist), or copies it where a link cannot be made. */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    // An existing target is a caller's mistake, not a reason to copy over it.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
    copyFileSync(from, to);
  }
}

/** Links every file under the folder `from` into `to` (created; must not hold those files). Returns the files linked. */
export function linkTree(from: string, to: string): number {
  mkdirSync(to, { recursive: true });
  let files = 0;
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) files += linkTree(source, target);
    else {
      linkOrCopy(source, target);
      files++;
    }
  }
  return files;
}

/** Makes `to` a hard link to `from`, replacing `to` by a rename (never writing it in place). False where no link can be made. */
export function linkReplacing(from: string, to: string): boolean {
  const next = `${to}.link`;
  rmSync(next, { force: true });
  try {
    linkSync(from, next);
    renameSync(next, to);
    return true;
  } catch {
    rmSync(next, { force: true });
    return false;
  }
}

/** Writes `path` whole under a temporary name, then renames it over `path` (folders created). */
export function writeFileReplacing(path: string, data: string | NodeJS.ArrayBufferView): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, data);
  renameSync(`${path}.tmp`, path);
}

/**
 * A build cache file that belongs to one version of the code that wrote it (the parse cache,
 * style hashes, search documents, the offline manifest's reads): read back only by the same
 * version, since another version's entries may mean something else. Written whole under a
 * temporary name (link-files.ts), so a stopped build leaves the last complete file or none.
 */
import { readFileSync } from 'node:fs';
import { writeFileReplacing } from './link-files.ts';

/** The saved object when `file` holds one written with `version`; undefined when missing, unreadable or of another version. */
export function readJsonCache<T extends object>(file: string, version: string | number): (T & { version: string | number }) | undefined {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (saved && typeof saved === 'object' && (saved as { version?: unknown }).version === version) return saved as T & { version: string | number };
  } catch {}
  return undefined;
}

/** Saves `data` with its `version`, replacing the file whole. */
export function writeJsonCache(file: string, version: string | number, data: object): void {
  writeFileReplacing(file, JSON.stringify({ version, ...data }));
}

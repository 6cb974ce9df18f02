/**
 * Hashes of the code a build runs, for the build cache's keys. Every cache that outlives a build
 * (search documents, sitemap, icons, the corpus's renders) must start empty when the code that
 * made its entries changed, or it would serve what the old code wrote.
 *
 * Two scopes: `codeFingerprint` covers everything a page's output can depend on (every file under
 * `src/`, the Astro config and the lock file, which pins every dependency); `hashTree` lets a cache
 * whose entries depend on less (the render cache: the TypeScript modules under `src/`) hash just
 * that, so an edit of a stylesheet does not empty it.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sharedState } from './shared-state.ts';

/**
 * Feeds `hash` every file under `path` (or `path` itself, a file) whose name `keep` accepts, in
 * name order, each as its name (`name/relative/path`) and its bytes. A missing path adds nothing.
 * Names go in with the bytes so that a rename or a move changes the hash as an edit does.
 */
export function hashTree(hash: Hash, path: string, name: string, keep: (file: string) => boolean = () => true): Hash {
  if (!existsSync(path)) return hash;
  if (statSync(path).isDirectory()) {
    for (const child of readdirSync(path).sort()) hashTree(hash, join(path, child), `${name}/${child}`, keep);
  } else if (keep(name)) hash.update(`${name}\0`).update(readFileSync(path)).update('\0');
  return hash;
}

/** What codeFingerprint reads, relative to the project root. */
export const CODE_PATHS = ['src', 'astro.config.mjs', 'package-lock.json'] as const;

/** A hash of every file under `src/`, the Astro config and the lock file, read from `root`. */
export function codeFingerprint(root: string): string {
  const hash = createHash('sha256');
  for (const name of CODE_PATHS) hashTree(hash, join(root, name), name);
  return hash.digest('hex');
}

/**
 * codeFingerprint, taken once per process (15–40 ms a walk; the search documents, the sitemap
 * and the icons each key their caches with it). The first walk is the nearest to the code the
 * build loaded; an edit of `src/` during a build is that build's problem either way.
 */
export function buildCodeFingerprint(root: string): string {
  // One memo for every copy of this module (shared-state.ts).
  const memo = sharedState('__briefingsBuildCode', () => new Map<string, string>());
  let code = memo.get(root);
  if (code === undefined) {
    code = codeFingerprint(root);
    memo.set(root, code);
  }
  return code;
}

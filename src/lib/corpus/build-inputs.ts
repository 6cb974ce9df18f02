/**
 * A build's inputs, as far as Astro's incremental build decides which pages it renders again
 * (render-count.ts): the project folder (Astro's hash of a route's code has its modules' paths),
 * the code fingerprint (every file under src/, astro.config.mjs, package-lock.json) and Astro's
 * config hash. A finished build records them in its cache (BUILD_INPUTS_FILE); the next build
 * with the same inputs renders only the pages whose corpus reads changed.
 */
import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroConfig } from 'astro';
import { buildCodeFingerprint } from '../code-fingerprint.ts';

/** The cache file where a finished build records its inputs (buildInputs). */
export const BUILD_INPUTS_FILE = 'briefings-build-inputs';

/**
 * Astro's config hash, by Astro's own function (not part of its public exports: read from its
 * installed files, whose version the lock file pins); undefined where it cannot be had.
 */
export async function astroConfigHash(config: AstroConfig): Promise<string | undefined> {
  try {
    const astro = dirname(createRequire(import.meta.url).resolve('astro/package.json'));
    const module = (await import(pathToFileURL(join(astro, 'dist/core/build/config-hash/index.js')).href)) as { computeConfigHash?: (c: AstroConfig) => Promise<string> };
    return typeof module.computeConfigHash === 'function' ? await module.computeConfigHash(config) : undefined;
  } catch {
    return undefined;
  }
}

/** This build's inputs as one string: the project folder, its code fingerprint, Astro's config hash. */
export function buildInputs(root: string, configHash: string): string {
  return hash('sha256', JSON.stringify([root, buildCodeFingerprint(root), configHash]));
}

/**
 * Whether this build renders from the cache of a build with the same inputs: the last build
 * finished (`lastFinished`), recorded `recorded` and `inputs` is the same, and `--force` was not
 * given.
 */
export function sameInputs({ inputs, recorded, lastFinished, force }: { inputs: string | undefined; recorded: string | undefined; lastFinished: boolean; force: boolean }): boolean {
  return inputs !== undefined && recorded === inputs && lastFinished && !force;
}

/** The inputs the cache's last finished build recorded in `cacheDir`, if any. */
export function recordedInputs(cacheDir: string): string | undefined {
  try {
    return readFileSync(join(cacheDir, BUILD_INPUTS_FILE), 'utf8');
  } catch {
    return undefined;
  }
}

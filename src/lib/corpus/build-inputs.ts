/**
 * A build's inputs, as far as Astro's incremental build decides which pages it renders again
 * (render-count.ts): the project folder (Astro's hash of a route's code has its modules' paths),
 * the code fingerprint (every file under src/, astro.config.mjs, package-lock.json) and the
 * resolved config. A finished build records them in its cache (BUILD_INPUTS_FILE); the next build
 * with the same inputs renders only the pages whose corpus reads changed.
 *
 * Astro renders every page again when its config hash changes, a hash of part of its resolved
 * config (astro 7.3, dist/core/build/config-hash/input.js: site, base, build, markdown, image,
 * vite.build and more; recorded in its cache's incremental-build.json and compared as the pages
 * are generated). Astro exports neither the hash nor a hook that says whether it renders from its
 * cache, and the function is internal: which fields it covers may change with any release. So
 * the whole resolved config is hashed here, a superset of any part of it Astro may hash: a config
 * change Astro sees, this sees too (it may also see changes Astro ignores: then the build plans
 * as a cold one, never wrongly). Its code (integrations, Vite plugins) is left out: the code
 * fingerprint has it. What Astro may compare beyond its config (today its lock file and each
 * route's code, which the fingerprint covers) is checked by the page build itself: where it
 * renders more pages than it counted, it keeps to the limit the memory plan gave it
 * (render-count.ts) and says so at its end.
 */
import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroConfig } from 'astro';
import { buildCodeFingerprint } from '../code-fingerprint.ts';

/** The cache file where a finished build records its inputs (buildInputs). */
export const BUILD_INPUTS_FILE = 'briefings-build-inputs';

/** JSON with every object's keys in order (Astro's own hash sorts them too). */
function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, val: unknown) => {
    if (val && typeof val === 'object' && !Array.isArray(val) && Object.getPrototypeOf(val) === Object.prototype) {
      return Object.fromEntries(Object.keys(val).sort().map((k) => [k, (val as Record<string, unknown>)[k]]));
    }
    return val;
  });
}

/**
 * A hash of the resolved config's values (functions and the integrations' and Vite plugins' code
 * left out: the code fingerprint has them); undefined where it cannot be serialised.
 */
export function configHash(config: AstroConfig): string | undefined {
  try {
    const { integrations: _integrations, vite, ...rest } = config;
    const { plugins: _plugins, ...viteRest } = vite ?? {};
    return hash('sha256', stableStringify({ ...rest, vite: viteRest }));
  } catch {
    return undefined;
  }
}

/** This build's inputs as one string: the project folder, its code fingerprint, its config's hash (configHash). */
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

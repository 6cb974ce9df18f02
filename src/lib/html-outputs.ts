/**
 * The HTML files of a build, without walking the output folder (at 1,000 bench sources the walk
 * over 16,000 files and folders took 290 ms of a one-edit build, most of the inline style
 * hashes' end hook, host-headers.ts): the files Astro reports writing for its routes (the
 * `assets` of `astro:build:done`: every route's output files, rendered or kept from the last
 * build) and the HTML files of `public/`, which Astro copies as they are. No integration of this
 * site writes HTML.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relative, sep } from 'node:path';

/**
 * The HTML files relative to `outDir` (with `/`), sorted, or undefined when the routes' files
 * cannot all be there: fewer HTML files than `pages` (two routes under one name in `assets`).
 */
export function htmlOutputs(outDir: string, assets: ReadonlyMap<string, readonly URL[]>, publicHtml: readonly string[], pages: number): string[] | undefined {
  const files = new Set<string>();
  for (const urls of assets.values()) {
    for (const url of urls) {
      const file = relative(outDir, fileURLToPath(url)).split(sep).join('/');
      if (file.endsWith('.html') && !file.startsWith('../')) files.add(file);
    }
  }
  if (files.size < pages) return undefined;
  for (const file of publicHtml) files.add(file);
  return [...files].sort();
}

/** The HTML files under `dir` (relative, with `/`); none when it does not exist. */
export function htmlFilesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).map((f) => f.split(sep).join('/'));
}

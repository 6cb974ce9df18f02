/**
 * Astro integration: @astrojs/sitemap with the build cache. The sitemap's files are made only of
 * the list of built pages, the routes, the site's address and base, and code (the sitemap
 * package, its options in astro.config.mjs, the helpers they call); an edit of a briefing's text
 * changes none of these, yet @astrojs/sitemap 3.7.4 makes every file again, at a cost that grows
 * faster than the pages (it sorts the URLs with `localeCompare` and, for each URL's alternates,
 * walks every URL): 543 and 606 ms of a one-edit build at 1,000 bench sources (2026-12-02).
 *
 * With the incremental build on, the files are kept in `<cacheDir>/briefings-sitemap/`
 * (src/lib/output-cache.ts) under a key made of all of those inputs: the page list as Astro gives
 * it to the hook, the resolved routes, `site`, `base`, `trailingSlash`, `build.format`, and the
 * hash of `src/`, astro.config.mjs and package-lock.json (code-fingerprint.ts). The next build with
 * the same key links them into the site instead of running the sitemap; any other key runs it
 * and keeps its files. So the cache cannot give a sitemap the plugin would not have written.
 */
import type { AstroConfig, AstroIntegration, IntegrationResolvedRoute } from 'astro';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { outputKey, outputsIn, restoreOutputs, saveOutputs } from '../lib/output-cache.ts';
import { buildCodeFingerprint } from '../lib/code-fingerprint.ts';

/** The files @astrojs/sitemap writes with its default `filenameBase`. */
const SITEMAP_FILES = /^sitemap-(?:index|\d+)\.xml$/;

export default function cachedSitemap(sitemap: AstroIntegration): AstroIntegration {
  let config: AstroConfig | undefined;
  let routes: IntegrationResolvedRoute[] = [];
  let cacheDir: string | undefined;
  const inner = sitemap.hooks;
  return {
    name: sitemap.name,
    hooks: {
      ...inner,
      'astro:routes:resolved': async (params) => {
        routes = params.routes;
        await inner['astro:routes:resolved']?.(params);
      },
      'astro:config:done': async (params) => {
        config = params.config;
        cacheDir = config.experimental.incrementalBuild ? fileURLToPath(new URL('briefings-sitemap/', config.cacheDir)) : undefined;
        await inner['astro:config:done']?.(params);
      },
      'astro:build:done': async (params) => {
        const out = fileURLToPath(params.dir);
        const key = cacheDir && config
          ? outputKey([
              buildCodeFingerprint(fileURLToPath(config.root)),
              config.site,
              config.base,
              config.trailingSlash,
              config.build.format,
              params.pages.map((p) => p.pathname),
              routes,
            ])
          : undefined;
        if (cacheDir && key) {
          const linked = restoreOutputs(cacheDir, key, out);
          if (linked) {
            params.logger.info(`${linked.join(', ')}: the pages and routes are unchanged, linked from the build cache`);
            return;
          }
        }
        // The plugin writes through existing names: a file of this name may be a link to the cache.
        for (const name of outputsIn(out, SITEMAP_FILES)) rmSync(join(out, name), { force: true });
        await inner['astro:build:done']?.(params);
        if (cacheDir && key) saveOutputs(cacheDir, key, out, outputsIn(out, SITEMAP_FILES));
      },
    },
  };
}

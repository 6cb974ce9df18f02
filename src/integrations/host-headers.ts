/**
 * Astro integration: writes the security headers (src/lib/security-headers.ts) as files static
 * hosts understand: `_headers` (Netlify, Cloudflare Pages) and `nginx-security-headers.conf`
 * (to `include` in an nginx location). Both respect the configured `base`. The policy allows
 * the inline styles the built pages carry (the font rules) by their hashes.
 *
 * Every page is read for them (src/lib/style-hashes.ts), except, with the build cache, a page
 * that is the same file as in the last build: its hashes are kept in the cache
 * (`briefings-style-hashes.json` in Astro's cacheDir) by file identity. The pages are the HTML
 * files Astro reports writing and those of `public/` (html-outputs.ts), not a walk over the whole
 * site.
 *
 * Two integrations, because Astro runs the end hooks (`astro:build:done`) one after another:
 * `reading` starts reading the pages in a worker thread, and is listed before the other end
 * hooks (astro.config.mjs), so the reading runs beside them on the second core; `writing`,
 * listed after them, waits for the hashes and writes the files.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlFilesIn, htmlOutputs } from '../lib/html-outputs.ts';
import { netlifyHeaders, nginxHeaders } from '../lib/security-headers.ts';
import { startStyleHashes } from '../lib/style-hashes.ts';

export default function hostHeaders(): { reading: AstroIntegration; writing: AstroIntegration } {
  let base = '/';
  let publicDir = '';
  let cacheFile: string | undefined;
  let hashes: Promise<string[]> | undefined;
  return {
    reading: {
      name: 'briefings:host-headers:reading',
      hooks: {
        'astro:config:done': ({ config }) => {
          base = config.base;
          publicDir = fileURLToPath(config.publicDir);
          cacheFile = config.experimental.incrementalBuild ? fileURLToPath(new URL('briefings-style-hashes.json', config.cacheDir)) : undefined;
        },
        'astro:build:done': ({ dir, assets, pages: built }) => {
          const out = fileURLToPath(dir);
          const pages = htmlOutputs(out, assets, htmlFilesIn(publicDir), built.length) ?? readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
          hashes = startStyleHashes({ out, pages, ...(cacheFile === undefined ? {} : { cacheFile }) });
          // Awaited by `writing`; a failure fails the build there, not as an unhandled rejection first.
          hashes.catch(() => {});
        },
      },
    },
    writing: {
      name: 'briefings:host-headers',
      hooks: {
        'astro:build:done': async ({ dir }) => {
          if (!hashes) throw new Error('host-headers: the `reading` integration did not run before `writing` (astro.config.mjs lists both, `reading` first)');
          const sorted = await hashes;
          hashes = undefined;
          const out = fileURLToPath(dir);
          writeFileSync(join(out, '_headers'), netlifyHeaders(base, sorted));
          writeFileSync(join(out, 'nginx-security-headers.conf'), nginxHeaders(sorted));
        },
      },
    },
  };
}

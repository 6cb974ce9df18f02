/**
 * Astro integration: writes the security headers (src/lib/security-headers.ts) as files static
 * hosts understand: `_headers` (Netlify, Cloudflare Pages) and `nginx-security-headers.conf`
 * (to `include` in an nginx location). Both respect the configured `base`. The policy allows
 * the inline styles the built pages carry (the font rules) by their hashes.
 *
 * Every page is read for them, except, with the build cache, a page that is the same file as in
 * the last build (an unchanged page is a hard link to the cache's copy): its hashes are kept in
 * the cache (`briefings-style-hashes.json` in Astro's cacheDir) by file identity
 * (src/lib/file-identity.ts), for this version of inlineStyleHashes. The pages are the HTML files
 * Astro reports writing and those of `public/` (html-outputs.ts), not a walk over the whole site.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileIdentity } from '../lib/file-identity.ts';
import { htmlFilesIn, htmlOutputs } from '../lib/html-outputs.ts';
import { readJsonCache, writeJsonCache } from '../lib/json-cache.ts';
import { inlineStyleHashes, netlifyHeaders, nginxHeaders } from '../lib/security-headers.ts';

const VERSION = createHash('sha256').update(inlineStyleHashes.toString()).digest('hex');

function readCache(file: string | undefined): Map<string, string[]> {
  const saved = file === undefined ? undefined : readJsonCache<{ pages?: Record<string, string[]> }>(file, VERSION);
  return new Map(Object.entries(saved?.pages ?? {}));
}

export default function hostHeaders(): AstroIntegration {
  let base = '/';
  let publicDir = '';
  let cacheFile: string | undefined;
  return {
    name: 'briefings:host-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        publicDir = fileURLToPath(config.publicDir);
        cacheFile = config.experimental.incrementalBuild ? fileURLToPath(new URL('briefings-style-hashes.json', config.cacheDir)) : undefined;
      },
      'astro:build:done': ({ dir, assets, pages: built }) => {
        const out = fileURLToPath(dir);
        const previous = readCache(cacheFile);
        const next = new Map<string, string[]>();
        const hashes = new Set<string>();
        const pages = htmlOutputs(out, assets, htmlFilesIn(publicDir), built.length) ?? readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
        for (const page of pages) {
          const file = join(out, page);
          const id = cacheFile === undefined ? undefined : fileIdentity(file);
          const found = (id !== undefined && previous.get(id)) || inlineStyleHashes(readFileSync(file, 'utf8'));
          if (id !== undefined) next.set(id, found);
          for (const hash of found) hashes.add(hash);
        }
        const sorted = [...hashes].sort();
        writeFileSync(join(out, '_headers'), netlifyHeaders(base, sorted));
        writeFileSync(join(out, 'nginx-security-headers.conf'), nginxHeaders(sorted));
        if (cacheFile) writeJsonCache(cacheFile, VERSION, { pages: Object.fromEntries(next) });
      },
    },
  };
}

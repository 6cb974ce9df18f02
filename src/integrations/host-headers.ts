/**
 * Astro integration: writes the security headers (src/lib/security-headers.ts) as files static
 * hosts understand: `_headers` (Netlify, Cloudflare Pages) and `nginx-security-headers.conf`
 * (to `include` in an nginx location). Both respect the configured `base`. The policy allows
 * the inline styles the built pages carry (the font rules) by their hashes.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inlineStyleHashes, netlifyHeaders, nginxHeaders } from '../lib/security-headers.ts';

export default function hostHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'briefings:host-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        const hashes = new Set<string>();
        const pages = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
        for (const page of pages) {
          for (const hash of inlineStyleHashes(readFileSync(join(out, page), 'utf8'))) hashes.add(hash);
        }
        const sorted = [...hashes].sort();
        writeFileSync(join(out, '_headers'), netlifyHeaders(base, sorted));
        writeFileSync(join(out, 'nginx-security-headers.conf'), nginxHeaders(sorted));
      },
    },
  };
}

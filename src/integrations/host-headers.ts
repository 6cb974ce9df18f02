/**
 * Astro integration: writes the security headers (src/lib/security-headers.ts) as files static
 * hosts understand: `_headers` (Netlify, Cloudflare Pages) and `nginx-security-headers.conf`
 * (to `include` in an nginx location). Both respect the configured `base`.
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { netlifyHeaders, nginxHeaders } from '../lib/security-headers.ts';

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
        writeFileSync(join(out, '_headers'), netlifyHeaders(base));
        writeFileSync(join(out, 'nginx-security-headers.conf'), nginxHeaders());
      },
    },
  };
}

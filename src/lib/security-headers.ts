/**
 * The HTTP headers every page should be served with, in one place, written out by the build
 * for common static hosts (see src/integrations/host-headers.ts). The Content-Security-Policy
 * allows nothing inline and nothing from other hosts; WebAssembly compilation is allowed
 * ('wasm-unsafe-eval', not 'unsafe-eval') because Pagefind's search runs as WebAssembly.
 * Pages may be framed by the site itself only (citation previews load a source's paragraphs in a
 * frame), never by another site. The one inline style the pages carry, the `@font-face` rules
 * Astro's fonts API writes into `<head>`, is allowed by its hash, never by 'unsafe-inline'.
 */
import { createHash } from 'node:crypto';

export function contentSecurityPolicy(styleHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    ["style-src 'self'", ...styleHashes.map((h) => `'${h}'`)].join(' '),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** CSP source hashes ("sha256-…") of the inline `<style>` elements of a page, in order. */
export function inlineStyleHashes(html: string): string[] {
  return [...html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/g)].map(
    (m) => `sha256-${createHash('sha256').update(m[1] ?? '', 'utf8').digest('base64')}`,
  );
}

export function securityHeaders(styleHashes: readonly string[] = []): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(styleHashes),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
    'X-Frame-Options': 'SAMEORIGIN',
  };
}

/** Netlify / Cloudflare Pages `_headers` file. */
export function netlifyHeaders(base: string, styleHashes: readonly string[] = []): string {
  const path = `${base.endsWith('/') ? base : `${base}/`}*`;
  return `${path}\n${Object.entries(securityHeaders(styleHashes)).map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`;
}

/** nginx directives, to `include` in the server or location block that serves the site. */
export function nginxHeaders(styleHashes: readonly string[] = []): string {
  return `${Object.entries(securityHeaders(styleHashes)).map(([k, v]) => `add_header ${k} "${v}" always;`).join('\n')}\n`;
}

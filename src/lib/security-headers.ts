/**
 * The HTTP headers every page should be served with, in one place, written out by the build
 * for common static hosts (see src/integrations/host-headers.ts). The Content-Security-Policy
 * allows nothing inline and nothing from other hosts; WebAssembly compilation is allowed
 * ('wasm-unsafe-eval', not 'unsafe-eval') because Pagefind's search runs as WebAssembly.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'X-Frame-Options': 'DENY',
};

/** Netlify / Cloudflare Pages `_headers` file. */
export function netlifyHeaders(base: string): string {
  const path = `${base.endsWith('/') ? base : `${base}/`}*`;
  return `${path}\n${Object.entries(SECURITY_HEADERS).map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`;
}

/** nginx directives, to `include` in the server or location block that serves the site. */
export function nginxHeaders(): string {
  return `${Object.entries(SECURITY_HEADERS).map(([k, v]) => `add_header ${k} "${v}" always;`).join('\n')}\n`;
}

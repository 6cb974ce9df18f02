import type { APIContext } from 'astro';
import { robotsTxt } from '../lib/robots.ts';

export function GET(context: APIContext) {
  return new Response(robotsTxt(context.site ?? new URL('http://localhost/'), import.meta.env.BASE_URL), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/**
 * Build-time page transform: citation previews (src/lib/citation-preview.ts). Every page that
 * shows citation marks — briefings, the timeline, topic stances, the home page — gets a preview
 * beside each mark, whatever component drew the mark; pages without marks are returned as they
 * are. Runs once per page while the static build renders it; nothing runs in the browser.
 */
import { defineMiddleware } from 'astro:middleware';
import { addCitationPreviews } from './lib/citation-preview.ts';
import { LANGS, type Lang } from './i18n/locales.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const path = context.url.pathname.slice(import.meta.env.BASE_URL.replace(/\/$/, '').length);
  const lang = path.split('/')[1] as Lang;
  // Only language pages carry citations; the preview documents themselves are what previews load.
  if (!LANGS.includes(lang) || path.endsWith('/preview/') || !response.headers.get('content-type')?.includes('text/html')) return response;
  const html = await response.text();
  if (!html.includes('/sources/')) return new Response(html, response);
  return new Response(addCitationPreviews(html, lang), response);
});

/**
 * Build-time page transforms, in order:
 * - incremental builds: what a page reads from the corpus while it renders, previews included,
 *   is recorded (src/lib/corpus/page-deps.ts); otherwise a pass-through;
 * - citation previews (src/lib/citation-preview.ts). Every page that shows citation marks —
 *   briefings, the timeline, topic stances, the home page — gets a preview beside each mark,
 *   whatever component drew the mark; pages without marks are returned as they are. Runs once
 *   per page while the static build renders it; nothing runs in the browser.
 *
 * Previews are added here, to finished pages, and not by `citationsHtml` (src/lib/citations.ts)
 * because the same citation HTML also goes where a preview frame must not: feed entries, the
 * search index's documents and the checker's plain text.
 */
import { defineMiddleware, sequence } from 'astro:middleware';
import { addCitationPreviewsToBytes } from './lib/citation-preview.ts';
import { completeResponse, pageKey, recordPage } from './lib/corpus/page-deps.ts';
import { LANGS, type Lang } from './i18n/locales.ts';
import { isPreviewPath } from './lib/urls.ts';

const recordReads = defineMiddleware((context, next) => recordPage(pageKey(context.routePattern, context.params), () => next()));

const citationPreviews = defineMiddleware(async (context, next) => {
  const response = await next();
  const path = context.url.pathname.slice(import.meta.env.BASE_URL.replace(/\/$/, '').length);
  const lang = path.split('/')[1] as Lang;
  // Only language pages carry citations; the preview documents themselves are what previews load.
  if (!LANGS.includes(lang) || isPreviewPath(path) || !response.headers.get('content-type')?.includes('text/html')) return response;
  // Read whole here, once, and kept as bytes (the page never becomes a string); recordReads then
  // takes this response as it is, with no second read nor copy.
  const html = new Uint8Array(await response.arrayBuffer());
  return completeResponse(addCitationPreviewsToBytes(html, lang), response);
});

export const onRequest = sequence(recordReads, citationPreviews);

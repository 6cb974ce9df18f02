// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import cachedSitemap from './src/integrations/cached-sitemap.ts';
import hostHeaders from './src/integrations/host-headers.ts';
import searchDocuments from './src/integrations/search-documents.ts';
import socialCards from './src/integrations/social-cards.ts';
import siteIcons from './src/integrations/site-icons.ts';
import contentImages from './src/integrations/content-images.ts';
import incrementalPages from './src/integrations/incremental-pages.ts';
import { naskhFont } from './src/lib/fonts/naskh.ts';
import { isPreviewPath } from './src/lib/urls.ts';
import editorLoop from './src/integrations/editor-loop.ts';

/**
 * `SITE_URL` and `BASE_PATH` make the build work on any static host, at a domain root or under
 * a sub-path (e.g. BASE_PATH=/briefings/). Every link, asset, feed and sitemap entry uses them.
 */
const site = process.env.SITE_URL ?? 'https://isf-briefings.example.org';
const base = process.env.BASE_PATH ?? '/';

// Reads the pages for their inline styles' hashes in a worker thread beside the other end hooks
// (`reading`, before them), and writes the host headers' files (`writing`, after them).
const headers = hostHeaders();

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  outDir: process.env.OUT_DIR ?? './dist',
  // The build cache (keep .cache/ between builds, README "Performance"): Astro's own, with the
  // incremental build's copies of unchanged pages, beside the cards, images and search index.
  cacheDir: process.env.ASTRO_CACHE ?? './.cache/astro',
  // A page whose code and corpus reads are unchanged is copied from the last build, not
  // rendered again (src/lib/corpus/page-deps.ts).
  experimental: { incrementalBuild: true },
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // Self-hosted Arabic face with preload and metric-matched fallback (src/lib/fonts/naskh.ts).
  fonts: [naskhFont],
  vite: {
    build: {
      // The Content-Security-Policy allows no inline script, so a processed <script> always
      // becomes a file, however small (Astro would inline one under 4 KB). Other assets: default.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
    },
  },
  // The search index is not built here: searchDocuments() writes its documents, and
  // scripts/build.mjs builds it from them in a step of its own (scripts/index-search.mjs).
  integrations: [
    // First: checks the content before a build renders anything; previews drafts and reloads in dev.
    editorLoop(),
    headers.reading,
    // The sitemap's files are kept in the build cache and linked while the pages and routes are unchanged.
    cachedSitemap(sitemap({
      i18n: { defaultLocale: 'ar', locales: { ar: 'ar', en: 'en' } },
      // Citation preview documents (src/views/SourcePreviewView.astro) are parts of pages, not pages.
      filter: (page) => !page.endsWith('/404/') && !isPreviewPath(page),
      // The bilingual entry page belongs to no language: keep it out of the alternates.
      serialize(item) {
        const root = new URL(base, site).href;
        const links = item.url === root ? [] : (item.links ?? []).filter((link) => link.url !== root);
        return { ...item, links };
      },
    })),
    incrementalPages(),
    // The cards' process and the images' encoding start first (build start), then the search
    // documents are written while they work, before the pages (search-documents.ts).
    socialCards(),
    siteIcons(),
    contentImages(),
    headers.writing,
    searchDocuments(),
  ],
});

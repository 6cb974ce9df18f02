import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { LOCALES, langPaths, t, type Lang } from '../../i18n/index.ts';
import { feedItems } from '../../lib/feeds/items.ts';
import { absoluteUrl, href } from '../../lib/urls.ts';

export const getStaticPaths = langPaths;

export function GET(context: APIContext) {
  const lang = context.params.lang as Lang;
  const site = context.site ?? new URL('http://localhost/');
  return rss({
    title: t(lang, 'feed.title'),
    description: t(lang, 'site.description'),
    site: absoluteUrl(href.home(lang), site),
    items: feedItems(lang, site).map((item) => ({
      title: item.title,
      link: item.url,
      description: item.summary,
      content: item.contentHtml,
      pubDate: item.published,
      categories: item.tags,
    })),
    customData: `<language>${LOCALES[lang].lang}</language>`,
    trailingSlash: true,
  });
}

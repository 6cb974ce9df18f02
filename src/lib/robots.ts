/**
 * robots.txt: every crawler may read the whole site (under its base), and the sitemap index is
 * named with its absolute URL, so the file is right at a domain root and under a sub-path alike.
 * Crawlers read robots.txt only at the root of a host: a site under a sub-path is governed by the
 * host's own file, which should carry these lines (README, "Deploying").
 */
import { absoluteUrl, withBase } from './urls.ts';

export function robotsTxt(site: string | URL, base: string): string {
  return ['User-agent: *', `Allow: ${withBase('/', base)}`, '', `Sitemap: ${absoluteUrl(withBase('/sitemap-index.xml', base), site)}`, ''].join('\n');
}

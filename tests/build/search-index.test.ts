/**
 * The search bundles as built: no fragment holds Pagefind's copy of the page text (dropped after
 * indexing; search-fragments.test.ts checks excerpt positions against it before it goes), every
 * page's display data fits the words indexed, every result anchor lands on an element of its page,
 * and the search page's own data (names, topics, topic page lists) matches the index.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/locales.ts';
import { createAnalyzer } from '../../src/lib/search/analyze.ts';
import { SEARCH_DATA_FILE, TOPIC_LIST_DIR, type SearchData } from '../../src/lib/search/data.ts';
import type { PageData } from '../../src/lib/search/index-document.ts';
import { BUILDS, readSite } from '../helpers/site.ts';

interface Fragment {
  url: string;
  content: string;
  word_count: number;
  meta: { d: string };
}

function fragments(bundle: string): Map<string, Fragment> {
  const out = new Map<string, Fragment>();
  for (const file of readdirSync(join(bundle, 'fragment'))) {
    const json = JSON.parse(gunzipSync(readFileSync(join(bundle, 'fragment', file))).subarray(12).toString('utf8')) as Record<string, Fragment> | Fragment;
    if ('url' in json && typeof json.url === 'string') out.set(file.replace(/\.pf_fragment$/, ''), json as Fragment);
    else for (const [id, f] of Object.entries(json as Record<string, Fragment>)) out.set(id, f);
  }
  return out;
}

describe.each(BUILDS)('search bundles in $dir', ({ dir, base }) => {
  const site = readSite(dir, base);

  it.each(LANGS)('%s: no fragment holds page text; the display data counts the words the index has', (lang) => {
    const bundle = join(dir, 'pagefind', lang);
    const data = JSON.parse(readFileSync(join(bundle, SEARCH_DATA_FILE), 'utf8')) as SearchData;
    const analyzer = createAnalyzer(data.names);
    const pages = fragments(bundle);
    expect(pages.size).toBeGreaterThan(50);
    for (const [, f] of pages) {
      // Dropped after indexing (strip-fragments.ts); search-fragments.test.ts checks the words it held.
      expect(f.content, f.url).toBe('');
      // Plain text (strip-fragments.ts puts the document's JSON in as it is), no private-use form.
      expect(f.meta.d, f.url).not.toMatch(/[\uE000-\uF8FF]/u);
      const page = JSON.parse(f.meta.d) as PageData;
      let end = analyzer.tokens(page.t).length;
      for (const [anchor, , text, start] of page.s) {
        expect(start, `${f.url}#${anchor}`).toBeGreaterThanOrEqual(end);
        end = start + analyzer.tokens(text).length;
      }
      expect(end, f.url).toBeLessThanOrEqual(f.word_count);
    }
  });

  it.each(LANGS)('%s: every result anchor is an element of its page', (lang) => {
    for (const [, f] of fragments(join(dir, 'pagefind', lang))) {
      const page = JSON.parse(f.meta.d) as PageData;
      for (const [anchor] of page.s) if (anchor) expect(site.ids(f.url), `${f.url}#${anchor}`).toContain(anchor);
    }
  });

  it.each(LANGS)('%s: topics and topic page lists name pages of the index', (lang) => {
    const bundle = join(dir, 'pagefind', lang);
    const data = JSON.parse(readFileSync(join(bundle, SEARCH_DATA_FILE), 'utf8')) as SearchData;
    const pages = fragments(bundle);
    for (const topic of data.topics) {
      expect(pages.get(topic.page)?.url, topic.id).toBe(topic.url);
      const list = JSON.parse(readFileSync(join(bundle, TOPIC_LIST_DIR, `${topic.id}.json`), 'utf8')) as string[];
      expect(list, topic.id).toContain(topic.page);
      for (const id of list) expect(pages.has(id), `${topic.id}: ${id}`).toBe(true);
    }
  });
});

/**
 * The lead result before Pagefind has answered. When the query names a topic and the full search
 * is certain to put that topic's page first (src/lib/search/rank.ts, certainLead: no filter, the
 * first page of results), the page needs only its own data (preloaded by its head) and the topic
 * page's fragment file to show it: title, meta line and opening, as the full search shows a lead.
 * Pagefind's script, WebAssembly, entry, metadata and index chunk are a chain of requests the
 * reader otherwise waits through first (README, "The search pages"). The fragment file is
 * fetched ahead (fetch-ahead.ts): Pagefind, asking for it later, gets the same bytes.
 */
import type { SearchTopic } from '../../lib/search/data.ts';
import { openingPositions } from '../../lib/search/excerpt.ts';
import type { PageData } from '../../lib/search/index-document.ts';
import { certainLead } from '../../lib/search/rank.ts';
import { config } from './config.ts';
import type { LoadedPage, OwnData } from './engine.ts';

/** What Pagefind's files start with once inflated (inflate.ts). */
const MARKER = 'pagefind_dcd';

interface Fragment {
  url: string;
  meta: Record<string, string>;
}

export interface EarlyLead {
  topic: SearchTopic;
  /** The topic page as the full search loads it, its match positions found without Pagefind. */
  page: LoadedPage;
}

/** Pagefind's result URL for a fragment's (its fullUrl, with the bundle's base). */
const resultUrl = (raw: string) => (/^(https?:)?\/\//.test(raw) ? raw : `${config.base}/${raw}`.replace(/\/+/g, '/'));

/** The topic a query certainly leads with, if any (no request made). */
export function certainLeadTopic({ data, analyzer }: OwnData, query: string): { topic: SearchTopic; terms: string[] } | undefined {
  const terms = analyzer.queryTerms(query);
  // A name with عبد is indexed as one word and searched as two (analyze.ts): Pagefind decides.
  if (analyzer.tokens(query).length !== terms.length) return undefined;
  const id = certainLead(terms, data.topics);
  const topic = id === undefined ? undefined : data.topics.find((t) => t.id === id);
  return topic && { topic, terms };
}

/**
 * The lead topic's page, fetched ahead through `ahead`; undefined when the query has no certain
 * lead, or the file cannot be read without Pagefind (a browser without DecompressionStream hands
 * it over still gzip).
 */
export async function earlyLead(own: OwnData, query: string, ahead: (url: string) => Promise<ArrayBuffer>): Promise<EarlyLead | undefined> {
  const found = certainLeadTopic(own, query);
  if (!found) return undefined;
  const { topic, terms } = found;
  const file = new URL(topic.fragment ?? `fragment/${topic.page}.pf_fragment`, new URL(config.bundle, location.href)).href;
  const text = new TextDecoder().decode(await ahead(file));
  if (!text.startsWith(MARKER)) return undefined;
  const json = JSON.parse(text.slice(MARKER.length)) as Fragment | Record<string, Fragment>;
  const fragment = typeof json.url === 'string' ? (json as Fragment) : (json as Record<string, Fragment>)[topic.page];
  if (!fragment?.meta.d) return undefined;
  const data = JSON.parse(fragment.meta.d) as PageData;
  return { topic, page: { url: resultUrl(fragment.url), data, positions: openingPositions(data, own.analyzer, terms) } };
}

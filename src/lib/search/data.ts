/**
 * The search page's own data, beside each language's Pagefind bundle (written by
 * search-data.ts at build time, read by the search page): the name table and the topics.
 */
import type { NameTable } from './names.ts';

export interface SearchTopic {
  id: string;
  /** Name in the page language. */
  name: string;
  kind: string;
  /** Root-relative URL of the topic page. */
  url: string;
  /** The topic page's Pagefind id. */
  page: string;
  /**
   * The topic page's fragment file, relative to the bundle, when it is not
   * `fragment/<page>.pf_fragment` (a small site's pages are bundled several to a file; a large
   * language's page may be in another of its bundles): the search page fetches it itself to show a
   * lead topic before Pagefind has answered (src/scripts/search/early-lead.ts).
   */
  fragment?: string;
  briefings: number;
  sources: number;
  /** Every name and alias (both languages) as analysed tokens. */
  names: string[][];
}

export interface SearchData {
  names: NameTable;
  topics: SearchTopic[];
  /** The bundle's metadata file, which Pagefind fetches only after its entry: preloaded. */
  meta: string;
  /**
   * The language's other Pagefind bundles (folder names beside this one, e.g. `en-2`), which the
   * search page merges into this one; absent when the language is one bundle.
   */
  merge?: string[];
}

export const SEARCH_DATA_FILE = 'search-data.json';
export const TOPIC_LIST_DIR = 'topic';

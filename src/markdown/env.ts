/**
 * What the project plugins need to know about the page being rendered, and what they report
 * back. One env object is passed per render call (markdown-it's `env`).
 */
import type { Lang } from '../i18n/locales.ts';
import type { ContentProblem } from '../lib/problems.ts';
import type { ImageJob } from '../lib/images/variants.ts';
import type { CitationLink } from '../lib/citations.ts';

export interface TopicTarget {
  name: string;
  href: string;
}

export interface TopicMention {
  topic: string;
  /** The sentence the link stands in, as plain text. */
  sentence: string;
  line?: number;
}

export interface HeadingInfo {
  id: string;
  level: number;
  text: string;
  /** File line of the heading. */
  line?: number;
}

export interface RenderEnv {
  lang: Lang;
  /** File being rendered, for problem reports. */
  file: string;
  /** File line of the first line of the Markdown text (frontmatter shifts it). */
  firstLine: number;
  resolveTopic(id: string): TopicTarget | undefined;
  /** Known topic ids, for "did you mean" hints. */
  topicIds: readonly string[];
  /** Returns the link target, or a problem message when the reference is wrong. */
  resolveCitation(ref: string): CitationLink | string;
  /** How to fix a reference `resolveCitation` refused (e.g. naming the source to look up). */
  citationFix?: (ref: string) => string;
  /** Resolves `images/<file>` to its variants, or a problem message. Absent: images unsupported. */
  resolveImage?: (src: string) => ImageJob | string;
  /** Adds the site base to a root-relative asset path. */
  assetHref: (path: string) => string;
  /** Label of the context-note box, in the page's language. */
  contextLabel: string;
  problems: ContentProblem[];
  mentions: TopicMention[];
  headings: HeadingInfo[];
  /** Content images used, for the build to write. */
  images: ImageJob[];
  /** Every citation rendered, with the id of the heading it stands under ('' before any). */
  cited: CitedAt[];
}

export interface CitedAt {
  /** Id of the nearest heading above the citation, for links back to it. */
  anchor: string;
  citation: CitationLink;
}

/** Builds an env with empty outputs. */
export function createEnv(base: Omit<RenderEnv, 'problems' | 'mentions' | 'headings' | 'images' | 'cited' | 'assetHref'> & { assetHref?: (path: string) => string }): RenderEnv {
  return { assetHref: (path) => path, ...base, problems: [], mentions: [], headings: [], images: [], cited: [] };
}

/** File line of a token's first line (`token.map` is 0-based within the rendered text). */
export function lineOf(env: RenderEnv, map: [number, number] | null | undefined): number | undefined {
  return map ? env.firstLine + map[0] : undefined;
}

/** The render env of a markdown-it state (markdown-it types `env` loosely). */
export function envOf(state: { env: unknown }): RenderEnv {
  return state.env as RenderEnv;
}

/**
 * The project's one Markdown engine: markdown-it with raw HTML off and the project plugins.
 * Briefing bodies, key points, topic descriptions and event texts all render through it.
 */
import MarkdownItFactory, { type MarkdownIt } from 'markdown-it';
import reportProblems from './plugins/report-problems.ts';
import topicLinks from './plugins/topic-links.ts';
import citations from './plugins/citations.ts';
import headingIds from './plugins/heading-ids.ts';
import safeLinks from './plugins/safe-links.ts';
import contextNote from './plugins/context-note.ts';
import bidiIsolate from './plugins/bidi-isolate.ts';
import contentImages from './plugins/content-images.ts';
import type { RenderEnv } from './env.ts';

let shared: MarkdownIt | undefined;

export function createMarkdown(): MarkdownIt {
  return new MarkdownItFactory({ html: false, linkify: false, typographer: false })
    .use(safeLinks)
    .use(headingIds)
    .use(topicLinks)
    .use(citations)
    .use(contextNote)
    .use(contentImages)
    .use(reportProblems)
    // Last: it splits text tokens, so it must run after rules that read them.
    .use(bidiIsolate);
}

/** One instance per process; plugins keep no state outside `env`. */
function markdown(): MarkdownIt {
  return (shared ??= createMarkdown());
}

export function renderBlock(source: string, env: RenderEnv): string {
  return markdown().render(source, env as unknown as Record<string, unknown>);
}

export function renderInline(source: string, env: RenderEnv): string {
  return markdown().renderInline(source, env as unknown as Record<string, unknown>);
}

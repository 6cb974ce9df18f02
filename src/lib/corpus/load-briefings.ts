/**
 * Loads `content/briefings/{lang}/*.md`: frontmatter validated against the schema, then key
 * points, events and body rendered through markdown-it with citations resolved against the
 * loaded sources (each render from the build cache when nothing it depends on changed,
 * render-cache.ts). Every problem is reported with file and line. Every file yields a briefing,
 * even one with invalid fields (stand-in values; see issues.ts), so its counterpart, its
 * unfinished placeholders and its body are still checked in the same pass.
 */
import { LANGS, LOCALES, type Lang } from '../../i18n/locales.ts';
import { t } from '../../i18n/index.ts';
import { briefingFrontmatter } from '../../schemas/content.ts';
import { createEnv, type RenderEnv } from '../../markdown/env.ts';
import { parseCitation } from '../citations.ts';
import { compareIso } from '../dates.ts';
import { hint, type ContentProblem } from '../problems.ts';
import { href, withBase } from '../urls.ts';
import { resolveContentImage } from '../images/resolve.ts';
import { splitFrontmatter, type YamlSource } from '../yaml-source.ts';
import { join, listFiles, readUtf8, rel } from './files.ts';
import { parseRecord } from './issues.ts';
import { checkId, reportPlaceholders } from './yaml-records.ts';
import type { Briefing, LoadedEvent, ResolvedCitation, Source, Topic } from './model.ts';
import { cachedContentRevision, cachedYamlSource } from './parse-cache.ts';
import { cachedRenderBlock, cachedRenderInline } from './render-cache.ts';
import { namedTopics } from '../named-topics.ts';

/** A loaded briefing with what the checks need beyond what pages render. */
export interface LoadedBriefing {
  /** Its events as the file gives them: what the published corpus decides about them comes later (index.ts). */
  briefing: Briefing<LoadedEvent>;
  /** The frontmatter's YAML, for the line of any field. */
  yaml: YamlSource;
  /** True when the frontmatter value at `path` is a stand-in for an invalid one. */
  flawed(path: readonly (string | number)[]): boolean;
  /** `draft: true` in this file. */
  markedDraft: boolean;
  /** Unfinished placeholders in this file. */
  todos: number;
  /** The Markdown body and the file line it starts on. */
  body: string;
  bodyLine: number;
}

interface Context {
  root: string;
  sources: Map<string, Source>;
  topics: Map<string, Topic>;
  /** The topic ids, listed once for every render's env (read only for an unknown topic's hint). */
  topicIds: readonly string[];
  problems: ContentProblem[];
}

/** Resolves one citation reference against the loaded sources; a string is an error message. */
export function resolveCitation(
  raw: string,
  lang: Lang,
  briefingSources: readonly string[],
  sources: Map<string, Source>,
): ResolvedCitation | string {
  const primary = briefingSources[0] ?? '';
  const ref = parseCitation(raw, primary);
  if (typeof ref === 'string') return ref;
  const source = sources.get(ref.source);
  if (!source) return `source "${ref.source}" does not exist${hint(ref.source, sources.keys())}`;
  if (!briefingSources.includes(ref.source)) return `source "${ref.source}" is cited but not listed in "sources:"; add it there`;
  const count = source.paragraphs.length;
  // No paragraphs means the seed could not be read: that is reported on the source, once.
  if (count > 0 && ref.to > count) return `source "${ref.source}" has ${count} paragraphs; there is no paragraph ${ref.to}`;
  return { ...ref, href: href.paragraph(lang, ref.source, ref.from), outlet: source.outlet[lang] };
}

/** How to fix a citation that did not resolve, naming the source whose paragraphs to look up. */
export function citationFix(raw: string, briefingSources: readonly string[]): string {
  const ref = parseCitation(raw, briefingSources[0] ?? '');
  if (typeof ref === 'string') return 'write "5", "5-7" or "source-id:5"';
  if (!briefingSources.includes(ref.source)) return `add "${ref.source}" to "sources:", or cite a source listed there`;
  return `cite a paragraph that exists: npm run paragraphs -- ${ref.source} lists them`;
}

export function topicResolver(lang: Lang, topics: Map<string, Topic>) {
  return (id: string) => {
    const topic = topics.get(id);
    return topic ? { name: topic.record.name[lang], href: href.topic(lang, id) } : undefined;
  };
}

/** Stand-in frontmatter for values that are missing or invalid. */
const fallback = (id: string) => ({ title: id, dek: '—', sources: [id], date: '1970', topics: [], keyPoints: [], events: [] });

function loadOne(ctx: Context, lang: Lang, path: string, id: string): LoadedBriefing | undefined {
  const { root, sources, topics, problems } = ctx;
  const file = rel(root, path);
  const read = readUtf8(path);
  if ('error' in read) {
    problems.push({ file, message: `file ${read.error}`, fix: 'save the file as UTF-8' });
    return undefined;
  }
  const split = splitFrontmatter(read.text);
  const parts = split ?? { frontmatter: '', frontmatterLine: 2, body: read.text, bodyLine: 1 };
  if (!split) problems.push({ file, line: 1, message: 'no frontmatter', fix: 'start the file with a "---" line, the YAML fields (docs/content-format.md), and another "---" line' });
  const todos = reportPlaceholders(parts.frontmatter, parts.frontmatterLine, file, problems) + reportPlaceholders(parts.body, parts.bodyLine, file, problems, false);
  const yaml = cachedYamlSource(parts.frontmatter, parts.frontmatterLine);
  for (const e of yaml.errors) problems.push({ file, line: e.line, message: `frontmatter YAML: ${e.message}`, fix: 'fix the YAML syntax (check indentation and quote strings that contain ":" or quotes)' });
  const parsed = yaml.errors.length || !parts.frontmatter
    ? { data: briefingFrontmatter.parse(fallback(id)), flawed: () => true }
    : parseRecord(briefingFrontmatter, yaml.data, yaml, file, fallback(id), problems);
  const { data, flawed } = parsed;
  const markedDraft = !flawed(['draft']) && data.draft === true;

  if (!flawed(['sources'])) {
    data.sources.forEach((s, i) => {
      if (!sources.has(s)) problems.push({ file, line: yaml.lineOf(['sources', i]), message: `unknown source "${s}"${hint(s, sources.keys())}`, fix: 'use the id of a file in content/sources/ (the file name without .yaml)' });
    });
  }
  data.topics.forEach((topic, i) => {
    if (!topics.has(topic) && !flawed(['topics', i])) problems.push({ file, line: yaml.lineOf(['topics', i]), message: `unknown topic "${topic}"${hint(topic, topics.keys())}`, fix: `use the id of a file in content/topics/, or add content/topics/${topic}.yaml` });
  });

  const envFor = (firstLine: number): RenderEnv =>
    createEnv({
      lang,
      file,
      firstLine,
      resolveTopic: topicResolver(lang, topics),
      topicIds: ctx.topicIds,
      resolveCitation: (raw) => resolveCitation(raw, lang, data.sources, sources),
      citationFix: (raw) => citationFix(raw, data.sources),
      contextLabel: t(lang, 'context.label'),
      resolveImage: (src) => resolveContentImage(root, src),
      assetHref: (path) => withBase(path),
    });
  const citeAll = (raws: string[], path: (string | number)[]): ResolvedCitation[] =>
    raws.flatMap((raw, i) => {
      const resolved = resolveCitation(raw, lang, data.sources, sources);
      if (typeof resolved !== 'string') return [resolved];
      // A citation to a source that does not exist is reported once, on "sources:".
      if (!flawed(['sources'])) problems.push({ file, line: yaml.lineOf([...path, i]), message: resolved, fix: citationFix(raw, data.sources) });
      return [];
    });

  const mentions: Briefing['mentions'] = [];
  // One string per distinct sentence: a sentence linking several topics gives one mention each,
  // and a render read back from the cache (JSON) holds a copy of it per mention. The corpus keeps
  // every mention while the pages render (at 1,000 bench sources 76,700 mentions of 30,100
  // sentences, 18 MB of copies).
  const sentences = new Map<string, string>();
  const collect = (env: RenderEnv) => {
    problems.push(...env.problems);
    for (const m of env.mentions) {
      const known = sentences.get(m.sentence);
      if (known === undefined) sentences.set(m.sentence, m.sentence);
      else m.sentence = known;
      mentions.push(m);
    }
  };
  const keyPoints = data.keyPoints.map((point, i) => {
    const env = envFor(yaml.lineOf(['keyPoints', i, 'text']));
    const html = cachedRenderInline(point.text, env);
    collect(env);
    return { html, citations: citeAll(point.cite, ['keyPoints', i, 'cite']) };
  });
  // The timeline's topic filter: an event is about the topics it links and those of its
  // briefing's topics it names (events rarely link, their text is short and plain).
  const eventTopics = data.topics.flatMap((tid) => {
    const record = topics.get(tid)?.record;
    return record ? [{ id: tid, names: [record.name[lang], ...record.aliases[lang]] }] : [];
  });
  const events = data.events.map((event, i) => {
    const env = envFor(yaml.lineOf(['events', i, 'text']));
    const html = cachedRenderInline(event.text, env);
    collect(env);
    // A confirmation comes from a later source, which this briefing need not list.
    const confirmations = event.confirmedBy.flatMap((raw, j) => {
      const resolved = resolveCitation(raw, lang, [data.sources[0] ?? '', ...sources.keys()], sources);
      if (typeof resolved !== 'string') return [resolved];
      problems.push({ file, line: yaml.lineOf(['events', i, 'confirmedBy', j]), message: resolved, fix: 'cite the paragraph of the later source that reports it, as "source-id:5"' });
      return [];
    });
    return { ...event, html, citations: citeAll(event.cite, ['events', i, 'cite']), confirmations, briefing: id, lang, topics: [...new Set([...env.mentions.map((m) => m.topic), ...namedTopics(event.text, eventTopics)])] };
  });
  // The update log, newest first; its rules (languages, dates, sources) are src/lib/check/rules/update-log.ts.
  const updates = data.updates
    .map((update, i) => {
      const env = envFor(yaml.lineOf(['updates', i, 'text']));
      const html = cachedRenderInline(update.text, env);
      collect(env);
      return { date: update.date, html, sources: update.sources, line: yaml.lineOf(['updates', i]) };
    })
    .sort((a, b) => compareIso(b.date, a.date));

  if (parts.body.trim() === '') problems.push({ file, line: parts.bodyLine, message: 'the briefing has no body', fix: 'write the summary, "why it matters" and "open questions" sections below the frontmatter' });
  lintBody(parts.body, parts.bodyLine, file, problems);
  const bodyEnv = envFor(parts.bodyLine);
  const html = cachedRenderBlock(parts.body, bodyEnv);
  collect(bodyEnv);
  const cited: Briefing['cited'] = [
    ...keyPoints.flatMap((k) => k.citations.map((citation) => ({ anchor: 'key-points', citation }))),
    ...bodyEnv.cited,
    ...events.flatMap((e) => e.citations.map((citation) => ({ anchor: 'events', citation }))),
  ];

  const words = `${data.title} ${data.dek} ${parts.body}`.split(/\s+/u).filter(Boolean).length;
  return {
    briefing: {
      id, lang, file, data, keyPoints, events, updates, html, headings: bodyEnv.headings, mentions, images: bodyEnv.images, cited, wordCount: words,
      // Alignment states are filled in once every language is loaded (linkAlignment).
      revision: cachedContentRevision(read.text),
      alignment: { line: yaml.lineOf(data.aligned ? ['aligned'] : ['date']), with: {} },
    },
    yaml,
    flawed,
    markedDraft,
    todos,
    body: parts.body,
    bodyLine: parts.bodyLine,
  };
}

/** Raw HTML and script links are never rendered; tell the editor instead of silently escaping. */
function lintBody(body: string, firstLine: number, file: string, problems: ContentProblem[]): void {
  body.split('\n').forEach((line, i) => {
    if (/<\/?(?:script|iframe|style|object|embed|[a-z][a-z0-9]*\s[^>]*\bon\w+=)[^>]*>/i.test(line) || /<[a-z][a-z0-9-]*(?:\s[^>]*)?>/i.test(line)) {
      problems.push({ file, line: firstLine + i, message: 'raw HTML is not allowed in content', fix: 'write it in Markdown; raw HTML (and any <script>) is switched off and would show as text' });
    }
    if (/\]\(\s*<?\s*(?:javascript|vbscript|data|file):/i.test(line)) {
      problems.push({ file, line: firstLine + i, message: 'link with an unsafe scheme (javascript:, vbscript:, data: or file:)', fix: 'link only to http(s) addresses, mailto: or pages of this site' });
    }
  });
}

export function loadBriefings(root: string, sources: Map<string, Source>, topics: Map<string, Topic>, problems: ContentProblem[]): Record<Lang, LoadedBriefing[]> {
  const ctx: Context = { root, sources, topics, topicIds: [...topics.keys()], problems };
  const out = Object.fromEntries(LANGS.map((l) => [l, [] as LoadedBriefing[]])) as Record<Lang, LoadedBriefing[]>;
  const ids = Object.fromEntries(LANGS.map((l) => [l, new Set(listFiles(join(root, 'content', 'briefings', l), '.md').map((n) => n.replace(/\.md$/, '')))])) as Record<Lang, Set<string>>;
  for (const lang of LANGS) {
    for (const id of ids[lang]) {
      const path = join(root, 'content', 'briefings', lang, `${id}.md`);
      if (!checkId(id, rel(root, path), problems)) continue;
      for (const other of LANGS) {
        if (!ids[other].has(id)) problems.push({ file: rel(root, path), line: 1, message: `no ${LOCALES[other].label} counterpart`, fix: `write content/briefings/${other}/${id}.md (same file name, same key points, citations and topics)` });
      }
      const briefing = loadOne(ctx, lang, path, id);
      if (briefing) out[lang].push(briefing);
    }
  }
  return out;
}

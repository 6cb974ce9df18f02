/**
 * The corpus's render cache (part of the build cache: `briefings-render-cache` in Astro's
 * cacheDir, started and saved with the parse cache by src/integrations/incremental-pages.ts).
 * Loading the corpus renders every briefing's body, key points, events and updates through
 * markdown-it; at 1,000 sources that was 3 s of every build's 7.8 s corpus load, for texts that
 * did not change.
 *
 * A render is a function of its text, its env's plain values (language, file, first line,
 * context label) and what it asks the env's resolvers (a topic's name and link, a citation's
 * target or error, an image's variants, an asset's address, the known topic ids). Each render
 * is saved with every question it asked and the answer it got. A later render of the same text
 * with the same plain values asks the same questions again of this build's resolvers, and
 * takes the saved output (HTML, problems, mentions, headings, images, citations) only when every
 * answer is the same; otherwise it renders. So a source that loses a paragraph, a renamed topic
 * or another base path renders the briefings concerned again, with their problems, on their lines.
 *
 * The cache belongs to one version of the code (every module under src/ and markdown-it's
 * version): any other version starts empty. Outputs go through JSON both when rendered and when
 * read back, so a briefing rendered in this build and one from the cache are the same values
 * (what pages read is hashed for their cache keys, page-deps.ts).
 */
import { createHash, hash } from 'node:crypto';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { RenderEnv } from '../../markdown/env.ts';
import { renderBlock, renderInline } from '../../markdown/create.ts';
import { hashTree } from '../code-fingerprint.ts';
import { openLineCache, type LineCache } from '../line-cache.ts';
import { sharedState } from '../shared-state.ts';

type Question = 'topic' | 'citation' | 'fix' | 'image' | 'asset' | 'topicIds';
type Outputs = Pick<RenderEnv, 'problems' | 'mentions' | 'headings' | 'images' | 'cited'>;

export interface Entry {
  html: string;
  /** Every question the render asked, in order: which resolver, its argument, its answer as JSON. */
  asked: [Question, string, string][];
  out: Outputs;
}

// One state for every copy of this module (shared-state.ts).
const state = sharedState<{ cache?: LineCache | undefined; reused: number; total: number }>('__briefingsRenderCache', () => ({ reused: 0, total: 0 }));

/** Every module under src/ (renders depend on plugins, citations, bidi, i18n …) and markdown-it's version. */
function codeVersion(): string | undefined {
  try {
    const src = fileURLToPath(new URL('../../', import.meta.url));
    if (!statSync(src).isDirectory()) return undefined;
    const hash = createHash('sha256').update(String((createRequire(import.meta.url)('markdown-it/package.json') as { version: string }).version));
    return hashTree(hash, src, 'src', (file) => file.endsWith('.ts')).digest('hex');
  } catch {
    return undefined;
  }
}

/** Turns the cache on for this process, with the renders saved in `file` by the same code. */
export function startRenderCache(file: string): void {
  const version = codeVersion();
  state.cache = version ? openLineCache(file, version) : undefined;
  state.reused = 0;
  state.total = 0;
}

/** Writes the renders this build used and turns the cache off; returns how many were reused, of all. */
export function saveRenderCache(): { reused: number; total: number } | undefined {
  if (!state.cache) return undefined;
  state.cache.save();
  state.cache = undefined;
  return { reused: state.reused, total: state.total };
}

const answer = (value: unknown): string => JSON.stringify(value) ?? '~';

/**
 * An entry as saved: each sentence its mentions stand in once (`sentences`), the mentions naming
 * it by index. A sentence linking five topics was saved five times (at 5,000 bench sources a
 * fifth of the cache's 430 MB, read and parsed at every build).
 */
export interface SavedEntry extends Omit<Entry, 'out'> {
  out: Omit<Outputs, 'mentions'> & { mentions: (Omit<Outputs['mentions'][number], 'sentence'> & { sentence: number })[] };
  sentences: string[];
}

export function packEntry(entry: Entry): SavedEntry {
  const sentences: string[] = [];
  const at = new Map<string, number>();
  const mentions = entry.out.mentions.map((m) => {
    let i = at.get(m.sentence);
    if (i === undefined) {
      i = sentences.push(m.sentence) - 1;
      at.set(m.sentence, i);
    }
    return { ...m, sentence: i };
  });
  return { ...entry, out: { ...entry.out, mentions }, sentences };
}

/** The entry packEntry saved, its values as JSON gives them (one string per sentence). */
export function unpackEntry(saved: SavedEntry): Entry {
  const { sentences, out, ...rest } = saved;
  return { ...rest, out: { ...out, mentions: out.mentions.map((m) => ({ ...m, sentence: sentences[m.sentence] ?? '' })) } };
}

/** The answer this build's env gives to a saved question. */
function ask(env: RenderEnv, question: Question, arg: string): string {
  switch (question) {
    case 'topic':
      return answer(env.resolveTopic(arg));
    case 'citation':
      return answer(env.resolveCitation(arg));
    case 'fix':
      return answer(env.citationFix?.(arg));
    case 'image':
      return answer(env.resolveImage?.(arg));
    case 'asset':
      return answer(env.assetHref(arg));
    case 'topicIds':
      return answer(env.topicIds);
  }
}

/** Renders through an env that records each question asked of it; outputs as JSON gives them back. */
function renderAsking(render: (source: string, env: RenderEnv) => string, source: string, env: RenderEnv): Entry {
  const asked: Entry['asked'] = [];
  const recorded = <A extends string, R>(question: Question, resolve: (arg: A) => R) => (arg: A): R => {
    const result = resolve(arg);
    asked.push([question, arg, answer(result)]);
    return result;
  };
  const recording: RenderEnv = {
    ...env,
    resolveTopic: recorded('topic', env.resolveTopic),
    resolveCitation: recorded('citation', env.resolveCitation),
    assetHref: recorded('asset', env.assetHref),
    problems: [],
    mentions: [],
    headings: [],
    images: [],
    cited: [],
  };
  if (env.citationFix) recording.citationFix = recorded('fix', env.citationFix);
  if (env.resolveImage) recording.resolveImage = recorded('image', env.resolveImage);
  Object.defineProperty(recording, 'topicIds', {
    get: () => {
      asked.push(['topicIds', '', answer(env.topicIds)]);
      return env.topicIds;
    },
  });
  const html = render(source, recording);
  const { problems, mentions, headings, images, cited } = recording;
  return { html, asked, out: JSON.parse(JSON.stringify({ problems, mentions, headings, images, cited })) as Outputs };
}

function cachedRender(kind: 'block' | 'inline', render: (source: string, env: RenderEnv) => string, source: string, env: RenderEnv): string {
  const cache = state.cache;
  if (!cache) return render(source, env);
  // One-shot (the same digest as a Hash object's): 108,000 keys a build at 5,000 sources.
  const key = hash('sha256', [kind, env.lang, env.file, env.firstLine, env.contextLabel, source].join('\0'), 'base64url');
  const name = `render:${key}`;
  const saved = cache.get(name);
  let entry = saved === undefined ? undefined : unpackEntry(JSON.parse(saved) as SavedEntry);
  state.total++;
  if (entry && entry.asked.every(([question, arg, was]) => ask(env, question, arg) === was)) state.reused++;
  else {
    entry = renderAsking(render, source, env);
    cache.set(name, JSON.stringify(packEntry(entry)));
  }
  env.problems.push(...entry.out.problems);
  env.mentions.push(...entry.out.mentions);
  env.headings.push(...entry.out.headings);
  env.images.push(...entry.out.images);
  env.cited.push(...entry.out.cited);
  return entry.html;
}

/** renderBlock(source, env), from the cache when the same render got the same answers before. */
export const cachedRenderBlock = (source: string, env: RenderEnv): string => cachedRender('block', renderBlock, source, env);

/** renderInline(source, env), from the cache when the same render got the same answers before. */
export const cachedRenderInline = (source: string, env: RenderEnv): string => cachedRender('inline', renderInline, source, env);

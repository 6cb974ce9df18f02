/** Small readers shared by the editorial rules. */
import { LANGS, type Lang } from '../../i18n/locales.ts';
import type { LoadedBriefing } from '../corpus/load-briefings.ts';
import { unescapeHtml } from '../html.ts';
import type { Content } from './types.ts';

/** `file:line`, as editors' terminals and editors link it. */
export const at = (file: string, line?: number): string => (line ? `${file}:${line}` : file);

export const LANGUAGE_NAME: Record<Lang, string> = { ar: 'Arabic', en: 'English' };

/** Each language's briefings by id (the first of an id, as `find` gives), with the list's length when indexed. */
const byIdOf = new WeakMap<readonly LoadedBriefing[], { length: number; byId: Map<string, LoadedBriefing> }>();

/**
 * The same briefing in another language. Looked up in an index of the language's list, made
 * once per list (a scan per briefing made the rules quadratic: 0.3 s at 5,000 sources); made
 * again when the list's length changed since.
 */
export function counterpart(content: Content, b: LoadedBriefing, lang: Lang): LoadedBriefing | undefined {
  const list = content.briefings[lang];
  let index = byIdOf.get(list);
  if (index?.length !== list.length) {
    const byId = new Map<string, LoadedBriefing>();
    for (const x of list) if (!byId.has(x.briefing.id)) byId.set(x.briefing.id, x);
    index = { length: list.length, byId };
    byIdOf.set(list, index);
  }
  return index.byId.get(b.briefing.id);
}

/** Pairs of one briefing in the first language and each other language, for parity checks. */
export function counterpartPairs(content: Content): [LoadedBriefing, LoadedBriefing][] {
  const [first, ...rest] = LANGS;
  if (!first) return [];
  return content.briefings[first].flatMap((a) => rest.flatMap((lang) => {
    const b = counterpart(content, a, lang);
    return b ? [[a, b] as [LoadedBriefing, LoadedBriefing]] : [];
  }));
}

export const allBriefings = (content: Content): LoadedBriefing[] => LANGS.flatMap((lang) => content.briefings[lang]);

/** A source's own briefing has the source's id; any other briefing (the overview) spans sources. */
export const isSourceBriefing = (content: Content, b: LoadedBriefing): boolean => content.sources.has(b.briefing.id);

/** Rendered HTML as plain text; citations ("Axios ¶5") are links to the source, not words of the text. */
export const plain = (html: string): string =>
  unescapeHtml(html.replace(/<span class="cites">.*?<\/span>/g, '').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

/** The HTML of one `## … {#id}` section, without its heading. */
export function section(html: string, id: string): string {
  const start = html.indexOf(`<h2 id="${id}">`);
  if (start < 0) return '';
  const next = html.indexOf('<h2', start + 5);
  return html.slice(start, next < 0 ? undefined : next).replace(/<h2[^>]*>.*?<\/h2>/, '');
}

/** Words that contain a letter (so "—" and "[@3]" are not words). */
export const countWords = (text: string): number => text.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length;

/** Our own voice: the text with quotations («…», “…”, "…") blanked out, offsets kept. */
export const ownVoice = (text: string): string => text.replace(/«[^»]*»|“[^”]*”|"[^"]*"/g, (q) => ' '.repeat(q.length));

export interface TextUnit {
  text: string;
  line: number;
  /** The language the text is in, when the file says (a briefing's, or an `ar`/`en` key). */
  lang?: Lang | undefined;
}

/** Every text a briefing shows in our voice or quotes: title, dek, key points, events and body lines. */
export function briefingTexts(b: LoadedBriefing): TextUnit[] {
  const { data, lang } = b.briefing;
  const lineOf = (path: (string | number)[]) => b.yaml.lineOf(path);
  const units: TextUnit[] = [
    { text: data.title, line: lineOf(['title']), lang },
    { text: data.dek, line: lineOf(['dek']), lang },
    ...data.keyPoints.map((k, i) => ({ text: k.text, line: lineOf(['keyPoints', i, 'text']), lang })),
    ...data.events.flatMap((e, i) => [
      { text: e.text, line: lineOf(['events', i, 'text']), lang },
      ...(e.context ? [{ text: e.context, line: lineOf(['events', i, 'context']), lang }] : []),
    ]),
  ];
  b.body.split('\n').forEach((text, i) => {
    if (text.trim()) units.push({ text, line: b.bodyLine + i, lang });
  });
  return units;
}

/** Every string in a YAML record, with its line and, under an `ar`/`en` key, its language. */
export function recordTexts(data: unknown, lineOf: (path: (string | number)[]) => number): (TextUnit & { path: (string | number)[] })[] {
  const out: (TextUnit & { path: (string | number)[] })[] = [];
  const walk = (node: unknown, path: (string | number)[], lang: Lang | undefined) => {
    if (typeof node === 'string') out.push({ text: node, line: lineOf(path), lang, path });
    else if (Array.isArray(node)) node.forEach((x, i) => walk(x, [...path, i], lang));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, [...path, k], (LANGS as readonly string[]).includes(k) ? (k as Lang) : lang);
  };
  walk(data, [], undefined);
  return out;
}

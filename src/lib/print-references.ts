/**
 * Print references: on paper a briefing ends with every paragraph it cites, each under the
 * citation's own words ("Axios ¶5") with the paragraph's address, the Arabic original and, on
 * English pages, the translation.
 *
 * The texts never enter the page's HTML: they would cost an Arabic briefing up to 5 KB and an
 * English one up to 10 KB (gzip) of its 14 KB first-render budget, for a printout few readers
 * make. The page carries an empty, print-only list (one `<li><span></span></li>` per reference)
 * and links a per-briefing stylesheet with `media="print"` — fetched at the lowest priority,
 * never blocking rendering, there when the reader prints — whose rules put each reference's
 * words into the list as generated content. No JavaScript is involved.
 */
import type { Lang } from '../i18n/locales.ts';
import { citationLabel } from './citations.ts';
import type { Briefing, Source } from './corpus/model.ts';

export interface CitedRef {
  source: string;
  from: number;
  to: number;
}

/** One reference as printed. */
export interface PrintReference {
  /** The citation's words, e.g. "Axios ¶5–7". */
  label: string;
  /** Absolute address of the first cited paragraph. */
  url: string;
  /** The Arabic original of each cited paragraph. */
  original: string[];
  /** The English translation of each (English pages only). */
  translation?: string[] | undefined;
}

const CITATION_LINK = /<a\b[^>]*?\bhref="[^"]*\/sources\/([a-z0-9]+(?:-[a-z0-9]+)*)\/#p(\d+)"[^>]*>([\s\S]*?)<\/a>/g;

/**
 * The citations in rendered HTML, in document order: every link to a source paragraph. A range
 * ("¶5–7") lands on its first paragraph; its last is read from the link's words.
 */
export function citationsInHtml(html: string): CitedRef[] {
  return [...html.matchAll(CITATION_LINK)].map((m) => {
    const from = Number(m[2]);
    const range = /(\d+)\s*[–-]\s*(\d+)/.exec(m[3]!.replace(/<[^>]+>/g, ''));
    const to = range && Number(range[1]) === from ? Number(range[2]) : from;
    return { source: m[1]!, from, to };
  });
}

/** Each reference once, in order of first appearance. */
export function uniqueRefs(refs: readonly CitedRef[]): CitedRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = `${r.source}:${r.from}-${r.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A CSS string literal: quotes and backslashes escaped, line breaks as `\A`. */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\A ')}"`;
}

/** The briefing's own address as printed under its headline: "This briefing online: <url>". */
export interface PrintedAddress {
  label: string;
  url: string;
}

/**
 * The print stylesheet of one briefing: the briefing's address in `.print-url` (label before it,
 * address after it), and for the n-th item of `.print-refs`, the label before it, the original
 * (and translation) in its `<span>`, and the address after it. Paragraphs of a range are separated
 * by a blank line. The words only paper needs live here, not in the page every reader downloads.
 */
export function printReferencesCss(lang: Lang, references: readonly PrintReference[], address?: PrintedAddress): string {
  const rules = references.map((r, i) => {
    const item = `.print-refs li:nth-child(${i + 1})`;
    const lines = [
      `${item}::before{content:${cssString(r.label)}}`,
      `${item} span::before{content:${cssString(r.original.join('\n\n'))}}`,
      `${item}::after{content:${cssString(r.url)}}`,
    ];
    if (lang !== 'ar' && r.translation) lines.push(`${item} span::after{content:${cssString(r.translation.join('\n\n'))}}`);
    return lines.join('\n');
  });
  if (address) rules.unshift(`.print-url::before{content:${cssString(`${address.label} `)}}\n.print-url::after{content:${cssString(address.url)}}`);
  return `@charset "UTF-8";\n${rules.join('\n')}\n`;
}

/** Everything a briefing cites, in reading order: key points, body, dated events. */
export function briefingCitations(briefing: Pick<Briefing, 'keyPoints' | 'html' | 'events'>): CitedRef[] {
  return uniqueRefs([
    ...briefing.keyPoints.flatMap((p) => [...p.citations, ...citationsInHtml(p.html)]),
    ...citationsInHtml(briefing.html),
    ...briefing.events.flatMap((e) => [...e.citations, ...citationsInHtml(e.html)]),
  ].map(({ source, from, to }) => ({ source, from, to })));
}

/** The printed references of a briefing, with the texts of the cited paragraphs. */
export function printReferences(
  lang: Lang,
  refs: readonly CitedRef[],
  sources: ReadonlyMap<string, Source>,
  urlOf: (source: string, paragraph: number) => string,
): PrintReference[] {
  return refs.map((ref) => {
    const source = sources.get(ref.source)!;
    const numbers = Array.from({ length: ref.to - ref.from + 1 }, (_, i) => ref.from + i);
    return {
      // The citation's own words ("Axios ¶5–7", as src/lib/citations.ts writes them), the range
      // isolated left to right, or an Arabic line would print "¶5–7" as "¶7–5".
      label: `${source.outlet[lang]} ¶\u2066${citationLabel(ref)}\u2069`,
      url: urlOf(ref.source, ref.from),
      original: numbers.map((n) => source.paragraphs.find((p) => p.n === n)?.text ?? ''),
      translation: lang === 'ar' ? undefined : numbers.map((n) => source.translation.get(n) ?? ''),
    };
  });
}

/**
 * Citation previews: every citation link is wrapped with a preview of the paragraph(s) it cites,
 * shown in place on hover, on keyboard focus of the link and on tap, with no JavaScript:
 *
 *   <span class="cites"><span tabindex="-1"><a href="…/sources/x/#p5">Axios ¶5</a><iframe
 *     loading="lazy" src="…/previews/x/#p5" title="Preview"></iframe></span> …</span>
 *
 * On a touch screen the first tap on a citation opens its preview and the next one follows the
 * link, as reference previews on phones usually do: there the link lets taps through to its
 * wrapper, which `tabindex="-1"` makes focusable (not a Tab stop: keyboard readers open the
 * preview by focusing the link itself), until the wrapper holds the focus (src/styles/global.css).
 * That replaced a separate preview button beside each citation: 99 of them cost the Arabic overview
 * 0.36 KB gzip of its 14 KB budget.
 *
 * Every byte here repeats for each citation (99 on the largest briefing), so the markup carries no
 * classes at all: CSS selects the wrapper as `.cites > span` (a run holds nothing else), and a
 * class on each of 99 wrappers cost the Arabic overview 0.08 KB gzip. The frame's title is one
 * short word, the same on every frame, not the citation again: only the open frame is in the
 * accessibility tree, right after the link that names the citation. ("Cited paragraphs" in Arabic
 * cost the overview 0.09 KB gzip more.)
 *
 * CSS shows the frame while the wrapper is hovered or holds focus. The frame is `display: none`
 * until then, so `loading="lazy"` fetches the paragraph text only when a reader opens a preview:
 * the texts (an Arabic briefing cites up to 17 KB of them, an English one twice that with
 * translations) cost the page nothing at first render and keep the briefing in its 14 KB budget.
 * The frame is positioned absolutely, below the line it is opened from, so nothing shifts and the
 * line being read stays uncovered. The link stays an ordinary link.
 */
import { Buffer } from 'node:buffer';
import { t } from '../i18n/index.ts';
import type { Lang } from '../i18n/locales.ts';
import { escapeHtml } from './html.ts';
import { href } from './urls.ts';

export interface PreviewTarget {
  lang: Lang;
  source: string;
  /** First cited paragraph: the frame opens on it. */
  from: number;
}

/** Address of the preview document, opened on the cited paragraph. */
export function previewSrc(lang: Lang, source: string, from: number): string {
  return `${href.preview(lang, source)}#p${from}`;
}

const CITATION_LINK = /<a\b[^>]*?\bhref="([^"]*\/sources\/([a-z0-9]+(?:-[a-z0-9]+)*)\/)#p(\d+)"[^>]*>[\s\S]*?<\/a>/g;
/** A run of citations as src/lib/citations.ts writes it: links only, so its first `</span>` ends it. */
const CITATION_RUN = /<span class="cites">[\s\S]*?<\/span>/g;
const RUN_START = Buffer.from('<span class="cites">');
const RUN_END = Buffer.from('</span>');

/**
 * Gives every citation in a page's HTML its preview: each link of a citation run
 * (`<span class="cites">`, whatever component drew it) to a paragraph of a source page
 * (`…/sources/<id>/#p<n>`). Other links, a source page's own paragraph anchors (`#p5`) or a
 * link an editor wrote to a paragraph, are left alone.
 */
export function addCitationPreviews(html: string, lang: Lang): string {
  return html.replace(CITATION_RUN, (run) => previewRun(run, lang));
}

/**
 * `addCitationPreviews` on a page's UTF-8 bytes, as the middleware has them (src/middleware.ts),
 * giving the same bytes as encoding its result. Only the citation runs are decoded and encoded
 * again: the page as a whole never becomes a string. Decoding every page, building its new text
 * and encoding it again cost about 3 s of CPU of a 1,000-source build (6,300 pages), most of it
 * copying the whole text, not finding the runs. The markers are ASCII, and an ASCII byte is never
 * part of another character in UTF-8, so a byte search finds exactly the runs the pattern finds.
 */
export function addCitationPreviewsToBytes(html: Uint8Array<ArrayBuffer>, lang: Lang): Uint8Array<ArrayBuffer> {
  const bytes = Buffer.isBuffer(html) ? html : Buffer.from(html.buffer, html.byteOffset, html.byteLength);
  let start = bytes.indexOf(RUN_START);
  if (start < 0) return html;
  const parts: Uint8Array[] = [];
  let done = 0;
  while (start >= 0) {
    const end = bytes.indexOf(RUN_END, start + RUN_START.length);
    if (end < 0) break;
    const stop = end + RUN_END.length;
    parts.push(bytes.subarray(done, start), Buffer.from(previewRun(bytes.toString('utf8', start, stop), lang)));
    done = stop;
    start = bytes.indexOf(RUN_START, stop);
  }
  parts.push(bytes.subarray(done));
  return Buffer.concat(parts);
}

/** One citation run with a preview beside each of its links to a source paragraph. */
function previewRun(run: string, lang: Lang): string {
  const frame = frameParts(lang);
  return run.replace(CITATION_LINK, (link, _page: string, source: string, from: string) => framed(link, frame, source, from));
}

/** What every preview frame of a language shares: the markup around the source id and paragraph. */
interface FrameParts {
  /** `<iframe … src="` and the escaped address of the preview documents up to the source id. */
  open: string;
  /** `" title="…"></iframe></span>`. */
  close: string;
}
const frames = new Map<string, FrameParts>();

function frameParts(lang: Lang): FrameParts {
  // The base is part of the address: keyed by it too (tests and the dev server may change it).
  const prefix = href.preview(lang, '').slice(0, -1); // up to the id: `/ar/previews/`
  const key = `${lang} ${prefix}`;
  let parts = frames.get(key);
  if (!parts) {
    parts = { open: `<iframe loading="lazy" src="${escapeHtml(prefix)}`, close: `" title="${escapeHtml(t(lang, 'preview.title'))}"></iframe></span>` };
    frames.set(key, parts);
  }
  return parts;
}

/**
 * A link and its preview frame, from the shared parts: the id (`[a-z0-9-]`) and the paragraph
 * number (digits) hold nothing `escapeHtml` would change.
 */
const framed = (link: string, frame: FrameParts, source: string, from: string): string =>
  `<span tabindex="-1">${link}${frame.open}${source}/#p${Number(from)}${frame.close}`;

/** Wraps the HTML of one citation link with its preview (the markup of `framed`, the one place it is written). */
export function withPreview(linkHtml: string, target: PreviewTarget): string {
  return framed(linkHtml, frameParts(target.lang), target.source, String(target.from));
}

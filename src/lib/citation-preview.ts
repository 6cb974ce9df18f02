/**
 * Citation previews: every citation link is wrapped with a preview of the paragraph(s) it cites,
 * shown in place on hover, on keyboard focus (of the link) and on tap (of a small button beside
 * it), with no JavaScript:
 *
 *   <span class="cite-preview"><a href="…/sources/x/#p5">Axios ¶5</a><button type="button"
 *     tabindex="-1" aria-label="Preview"></button><iframe loading="lazy"
 *     src="…/sources/x/preview/#p5" title="Cited paragraphs"></iframe></span>
 *
 * Every byte here repeats for each citation (99 on the largest briefing), so the markup carries no
 * classes (CSS selects `.cite-preview > button` / `> iframe`) and short labels. The frame's title
 * is the same words on every frame, not the citation again: only the open frame is in the
 * accessibility tree, right after the link that names the citation, and a per-citation title
 * cost the Arabic overview about 0.2 KB gzip.
 *
 * CSS shows the frame while the wrapper is hovered or holds focus (src/styles/global.css). The
 * frame is `display: none` until then, so `loading="lazy"` fetches the paragraph text only when a
 * reader opens a preview: the texts (an Arabic briefing cites up to 17 KB of them, an English one
 * twice that with translations) cost the page nothing at first render and keep the briefing in
 * its 14 KB budget. The frame is positioned absolutely, below the line it is opened from, so
 * nothing shifts and the line being read stays uncovered. The link stays an ordinary link.
 */
import { t } from '../i18n/index.ts';
import type { Lang } from '../i18n/locales.ts';
import { href } from './urls.ts';

export interface PreviewTarget {
  lang: Lang;
  source: string;
  /** First cited paragraph: the frame opens on it. */
  from: number;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Address of the preview document, opened on the cited paragraph. */
export function previewSrc(lang: Lang, source: string, from: number): string {
  return `${href.source(lang, source)}preview/#p${from}`;
}

const CITATION_LINK = /<a\b[^>]*?\bhref="([^"]*\/sources\/([a-z0-9]+(?:-[a-z0-9]+)*)\/)#p(\d+)"[^>]*>[\s\S]*?<\/a>/g;

/**
 * Gives every citation link in a page's HTML its preview: any link to a paragraph of a source
 * page (`…/sources/<id>/#p<n>`), whatever markup the citation mark itself has. The source page's
 * own paragraph anchors are fragment-only (`#p5`) and are left alone.
 */
export function addCitationPreviews(html: string, lang: Lang): string {
  return html.replace(CITATION_LINK, (link, _page: string, source: string, from: string) =>
    withPreview(link, { lang, source, from: Number(from) }));
}

/** Wraps the HTML of one citation link with its preview. */
export function withPreview(linkHtml: string, target: PreviewTarget): string {
  const { lang } = target;
  return (
    `<span class="cite-preview">${linkHtml}` +
    `<button type="button" tabindex="-1" aria-label="${escapeHtml(t(lang, 'preview.open'))}"></button>` +
    `<iframe loading="lazy" src="${escapeHtml(previewSrc(lang, target.source, target.from))}" title="${escapeHtml(t(lang, 'preview.title'))}"></iframe>` +
    `</span>`
  );
}

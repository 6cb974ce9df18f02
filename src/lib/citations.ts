/**
 * Citations: references as editors write them ("5", "5-7", "source-id:5", "source-id:5-7"; a
 * bare number refers to the briefing's primary source), the words a reader sees ("Axios ¶5"),
 * the short outlet name that stands for each source, and the one piece of HTML every citation
 * on the site is rendered as (briefing bodies, key points, events, topic stances).
 */
import { t } from '../i18n/index.ts';
import { LOCALES, type Lang } from '../i18n/locales.ts';
import { formatPartialDate } from './dates.ts';
import { escapeHtml } from './html.ts';

export interface CitationRef {
  source: string;
  from: number;
  to: number;
}

const REF = /^(?:([a-z0-9]+(?:-[a-z0-9]+)*):)?(\d+)(?:-(\d+))?$/;

/** Parses one reference; returns an error message when it is malformed. */
export function parseCitation(raw: string, primarySource: string): CitationRef | string {
  const m = REF.exec(raw.trim());
  if (!m || m[2] === undefined) return `"${raw}" is not a citation; write "5", "5-7" or "source-id:5"`;
  const from = Number(m[2]);
  const to = m[3] === undefined ? from : Number(m[3]);
  if (to < from) return `"${raw}" is a backwards range; write the lower paragraph first`;
  return { source: m[1] ?? primarySource, from, to };
}

/** Splits the inside of `[@…]` ("5,7-8" or "a:1, b:2") into references. */
export function splitCitationList(inner: string): string[] {
  return inner
    .split(/[,،]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The paragraph part of a citation: "5" or "5–7". */
export function citationLabel(ref: Pick<CitationRef, 'from' | 'to'>): string {
  return ref.from === ref.to ? String(ref.from) : `${ref.from}–${ref.to}`;
}

/** What a citation says to a reader: the outlet and the paragraph, "Axios ¶5", «أكسيوس ¶5–7». */
export function citationText(outlet: string, ref: Pick<CitationRef, 'from' | 'to'>): string {
  return `${outlet} ¶${citationLabel(ref)}`;
}

/** Paragraph numbers covered by the reference. */
export function citedParagraphs(ref: CitationRef): number[] {
  return Array.from({ length: ref.to - ref.from + 1 }, (_, i) => ref.from + i);
}

/** A source as the outlet-label picker sees it. */
export interface OutletLabelInput {
  id: string;
  /** Name of the outlet that stands for the source in this language; undefined when none is known. */
  outlet: string | undefined;
  /** The source's best date (ISO, partial dates allowed). */
  date: string;
}

/**
 * Short, unique names for sources in one language: the outlet alone ("Axios") where no other
 * source shares it; otherwise the outlet with what tells them apart: the month ("Axios, October
 * 2025"), or the day when the month is shared too, or a number when even the day is. Labels are
 * unique across the whole corpus, so "Axios ¶5" means the same source on every page.
 */
export function outletLabels(lang: Lang, sources: readonly OutletLabelInput[]): Map<string, string> {
  const locale = LOCALES[lang].intl;
  const comma = lang === 'ar' ? '، ' : ', ';
  const unknown = t(lang, 'cite.unknownOutlet');
  const byName = new Map<string, OutletLabelInput[]>();
  for (const s of sources) {
    const name = s.outlet ?? unknown;
    byName.set(name, [...(byName.get(name) ?? []), s]);
  }
  const labels = new Map<string, string>();
  for (const [name, group] of byName) {
    if (group.length === 1) {
      labels.set(group[0]!.id, name);
      continue;
    }
    const count = (key: (s: OutletLabelInput) => string) => {
      const n = new Map<string, number>();
      for (const s of group) n.set(key(s), (n.get(key(s)) ?? 0) + 1);
      return (s: OutletLabelInput) => n.get(key(s))!;
    };
    const month = (s: OutletLabelInput) => s.date.slice(0, 7);
    const sameMonth = count(month);
    const sameDay = count((s) => s.date);
    const seen = new Map<string, number>();
    for (const s of [...group].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))) {
      let label = `${name}${comma}${formatPartialDate(sameMonth(s) === 1 ? month(s) : s.date, locale)}`;
      if (sameDay(s) > 1) {
        const n = (seen.get(s.date) ?? 0) + 1;
        seen.set(s.date, n);
        label = `${label} (${n})`;
      }
      labels.set(s.id, label);
    }
  }
  return labels;
}

/** A citation ready to render: where it lands and which outlet it names. */
export interface CitationLink extends CitationRef {
  href: string;
  /** The source's outlet label ("Axios"). */
  outlet: string;
}

/**
 * The HTML of a run of citations, the same everywhere on the site:
 * `<span class="cites"><a href="…/sources/{id}/#p5">Axios ¶5</a> <a href="…#p9" class="p">¶9</a></span>`.
 * Consecutive citations of one source name the outlet once. Each link is an ordinary inline box
 * (never inline-block), so the line cannot break between the last citation and the punctuation
 * that follows it; callers put a no-break space before the run to bind it to the word it
 * follows. The link lands on the highlighted paragraph of the source page.
 */
export function citationsHtml(citations: readonly CitationLink[]): string {
  if (citations.length === 0) return '';
  const links = citations.map((c, i) => {
    const bare = i > 0 && citations[i - 1]!.source === c.source;
    const text = bare ? `¶${citationLabel(c)}` : citationText(c.outlet, c);
    // A bare "¶5" is narrow: the class lets touch screens pad it out to a 44 px target.
    return `<a href="${escapeHtml(c.href)}"${bare ? ' class="p"' : ''}>${escapeHtml(text)}</a>`;
  });
  return `<span class="cites">${links.join(' ')}</span>`;
}

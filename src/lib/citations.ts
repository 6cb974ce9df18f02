/**
 * Citation references as editors write them: "5", "5-7", "source-id:5", "source-id:5-7".
 * A bare number refers to the briefing's primary source.
 */

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

export function citationLabel(ref: CitationRef): string {
  return ref.from === ref.to ? String(ref.from) : `${ref.from}–${ref.to}`;
}

/** Paragraph numbers covered by the reference. */
export function citedParagraphs(ref: CitationRef): number[] {
  return Array.from({ length: ref.to - ref.from + 1 }, (_, i) => ref.from + i);
}

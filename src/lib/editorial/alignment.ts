/**
 * Keeping the two languages from drifting apart.
 *
 * Each language version of a briefing records which revision of its counterpart it was last
 * aligned with; a source's English translation records which revision of its seed it renders:
 *
 *     aligned: { en: { rev: "3f9a1c2e4b5d", on: "2026-02-10" } }     # in content/briefings/ar/x.md
 *     aligned: { seed: { rev: "8d1e0a7c2b44", on: "2026-02-10" } }   # in content/sources/x.en.yaml
 *
 * A revision is a content hash, not a git commit: the check needs nothing but the files, so it
 * works the same in a clean clone, a shallow CI checkout or a downloaded archive. `on` says since
 * when the pair is known to agree. `npm run align` writes both records; the hash of a file leaves
 * its own `aligned` record out, so recording an alignment never makes the other side stale.
 */
import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import { splitFrontmatter } from '../yaml-source.ts';

export const REV_LENGTH = 12;

export interface AlignmentRecord {
  /** Revision of the counterpart when the two were last aligned. */
  rev: string;
  /** ISO day of that alignment. */
  on: string;
}

export type AlignmentState =
  | { state: 'aligned'; on: string; rev: string }
  /** The counterpart changed after `on` (it was at revision `rev` then): this side may lag behind it. */
  | { state: 'behind'; on: string; rev: string }
  /** No record yet: nobody has confirmed the two agree. */
  | { state: 'unrecorded' };

function digest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, REV_LENGTH);
}

/** Data with keys in a fixed order, so a reordered YAML mapping hashes the same. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/** Prose with insignificant whitespace removed: line ends, trailing spaces, extra blank lines. */
function normalizeProse(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * Revision of a briefing (Markdown with frontmatter) or of a YAML record: what its readers get,
 * i.e. its data without the `aligned` record and its body, not its formatting or comments.
 * Unparseable YAML falls back to the raw text (the loader reports the syntax error).
 */
export function contentRevision(fileText: string): string {
  const parts = splitFrontmatter(fileText.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const yamlText = parts ? parts.frontmatter : fileText;
  const body = parts ? normalizeProse(parts.body) : '';
  let data: unknown;
  try {
    data = parse(yamlText);
  } catch {
    return digest(normalizeProse(fileText));
  }
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const { aligned: _ignored, ...rest } = data as Record<string, unknown>;
    data = rest;
  }
  return digest(`${JSON.stringify(canonical(data))}\n---\n${body}`);
}

/** Revision of a seed: its paragraphs (non-blank lines, trimmed), which is what citations count. */
export function seedRevision(seedText: string): string {
  const lines = seedText.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).filter(Boolean);
  return digest(lines.join('\n'));
}

/** Whether a side is still aligned with its counterpart's current revision. */
export function alignmentState(record: AlignmentRecord | undefined, counterpartRev: string): AlignmentState {
  if (!record) return { state: 'unrecorded' };
  return { state: record.rev === counterpartRev ? 'aligned' : 'behind', on: record.on, rev: record.rev };
}

/**
 * What a page tells readers about one pair of versions: `behind` when this side's record is
 * outdated (the other side changed since they were aligned), `ahead` when the other side's is.
 * A missing record says nothing to readers: nobody aligned the two, so no change since an
 * alignment can be reported (the check reminds the editor instead).
 */
export function lagNotes(own: AlignmentState | undefined, theirs: AlignmentState | undefined): ('behind' | 'ahead')[] {
  return [...(own?.state === 'behind' ? ['behind' as const] : []), ...(theirs?.state === 'behind' ? ['ahead' as const] : [])];
}

/** The one-line YAML form `npm run align` writes (and editors may copy). */
export function alignmentLine(records: Record<string, AlignmentRecord>): string {
  const inner = Object.entries(records)
    .map(([key, r]) => `${key}: { rev: "${r.rev}", on: "${r.on}" }`)
    .join(', ');
  return `aligned: { ${inner} }`;
}

/**
 * Writes (or replaces) the `aligned` record in a YAML text: an existing top-level `aligned:`
 * entry (one line or an indented block) is replaced where it stands; otherwise the line goes at
 * the end, after the content (it is bookkeeping), so adding it moves no line an editor cites.
 */
export function setAlignmentInYaml(yamlText: string, line: string): string {
  const lines = yamlText.replace(/\n+$/, '').split('\n');
  const at = lines.findIndex((l) => /^aligned:/.test(l));
  if (at >= 0) {
    let end = at + 1;
    while (end < lines.length && /^(?:[ \t]+\S|[ \t]*$)/.test(lines[end]!) && lines[end] !== '') end++;
    lines.splice(at, end - at, line);
    return `${lines.join('\n')}\n`;
  }
  return `${[...lines, line].join('\n')}\n`;
}

/** Same as `setAlignmentInYaml`, for a Markdown file's frontmatter. */
export function setAlignmentInMarkdown(fileText: string, line: string): string {
  const m = /^(---[ \t]*\n)([\s\S]*?)\n(---[ \t]*(?:\n|$))/.exec(fileText);
  if (!m) throw new Error('no frontmatter');
  return `${m[1]}${setAlignmentInYaml(m[2]!, line)}${m[3]}${fileText.slice(m[0].length)}`;
}

/** The part of a loaded briefing that alignment reads and fills in. */
interface AlignableBriefing {
  id: string;
  revision: string;
  data: { aligned?: Partial<Record<string, AlignmentRecord>> | undefined };
  alignment: { line: number; with: Partial<Record<string, AlignmentState>> };
}

/** Fills in, for every briefing, its state against each other language's version. */
export function linkAlignment<L extends string>(briefings: Record<L, AlignableBriefing[]>): void {
  const langs = Object.keys(briefings) as L[];
  const byId = new Map(langs.map((l) => [l, new Map(briefings[l].map((b) => [b.id, b]))]));
  for (const lang of langs) {
    for (const briefing of briefings[lang]) {
      for (const other of langs) {
        const counterpart = other === lang ? undefined : byId.get(other)?.get(briefing.id);
        if (counterpart) briefing.alignment.with[other] = alignmentState(briefing.data.aligned?.[other], counterpart.revision);
      }
    }
  }
}

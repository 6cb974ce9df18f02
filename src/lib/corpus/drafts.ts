/**
 * Drafts: a source or briefing marked `draft: true`, or with unfinished `TODO`s, is work in
 * progress. The dev server previews it with a banner listing its problems; `npm run build`
 * leaves it out, and its problems never stop a build. A source's own briefing is a draft while
 * its source is. A published briefing that cites a draft source is an error: the citation
 * would point at a page the build leaves out.
 */
import { LANGS } from '../../i18n/locales.ts';
import type { Content } from '../check/types.ts';
import type { LoadedBriefing } from './load-briefings.ts';
import type { ContentProblem } from '../problems.ts';

export interface Draft {
  kind: 'briefing' | 'source';
  id: string;
  /** Why it is a draft, e.g. `3 unfinished TODOs`, `draft: true`. */
  reasons: string[];
  /** Its files (both languages of a briefing; record, translation and seed of a source). */
  files: string[];
}

export const draftLabel = (d: Pick<Draft, 'kind' | 'id'>): string => `${d.kind} "${d.id}"`;

const todoReason = (n: number) => `${n} unfinished TODO${n === 1 ? '' : 's'}`;

export function findDrafts(content: Content): { sources: Map<string, Draft>; briefings: Map<string, Draft> } {
  const sources = new Map<string, Draft>();
  for (const s of content.sources.values()) {
    const reasons: string[] = [];
    if (!s.record.flawed(['draft']) && s.record.data.draft) reasons.push('draft: true');
    const todos = s.record.todos + s.translation.todos;
    if (todos) reasons.push(todoReason(todos));
    if (reasons.length) sources.set(s.source.id, { kind: 'source', id: s.source.id, reasons, files: [s.source.file, s.translation.file, ...(s.seedFile ? [s.seedFile] : [])] });
  }
  const briefings = new Map<string, Draft>();
  // Each id's versions, in LANGS order then file order: one pass, not one scan of every
  // briefing per id (quadratic: 1.1 s of the corpus load at 5,000 sources, run twice).
  const byId = new Map<string, LoadedBriefing[]>();
  for (const lang of LANGS) {
    for (const b of content.briefings[lang]) {
      const list = byId.get(b.briefing.id);
      if (list) list.push(b);
      else byId.set(b.briefing.id, [b]);
    }
  }
  for (const [id, versions] of byId) {
    const reasons: string[] = [];
    const marked = versions.filter((b) => b.markedDraft).map((b) => b.briefing.lang);
    if (marked.length) reasons.push(`draft: true${marked.length < LANGS.length ? ` (${marked.join(', ')})` : ''}`);
    const todos = versions.reduce((n, b) => n + b.todos, 0);
    if (todos) reasons.push(todoReason(todos));
    if (sources.has(id)) reasons.push(`its source "${id}" is a draft`);
    if (reasons.length) briefings.set(id, { kind: 'briefing', id, reasons, files: versions.map((b) => b.briefing.file) });
  }
  return { sources, briefings };
}

/** Published briefings that cite a draft source: an error on the line naming the source. */
export function citationsOfDrafts(content: Content, drafts: ReturnType<typeof findDrafts>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const lang of LANGS) {
    for (const b of content.briefings[lang]) {
      if (drafts.briefings.has(b.briefing.id) || b.flawed(['sources'])) continue;
      b.briefing.data.sources.forEach((id, i) => {
        if (drafts.sources.has(id)) problems.push({ file: b.briefing.file, line: b.yaml.lineOf(['sources', i]), message: `source "${id}" is a draft (${drafts.sources.get(id)!.reasons.join(', ')}), so the build leaves it out and this briefing's citations of it would lead nowhere`, fix: `finish "${id}" first (npm run check -- ${id}), or mark this briefing draft: true too` });
      });
    }
  }
  return problems;
}

/** Marks each problem in a draft's files with the draft it belongs to. */
export function labelDraftProblems(problems: ContentProblem[], drafts: ReturnType<typeof findDrafts>): void {
  const owner = new Map<string, string>();
  for (const d of [...drafts.sources.values(), ...drafts.briefings.values()]) for (const f of d.files) owner.set(f, draftLabel(d));
  for (const p of problems) {
    const label = owner.get(p.file);
    if (label) p.draft = label;
  }
}

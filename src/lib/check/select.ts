/**
 * `npm run check -- <id>`: the files of one source and of everything that cites it (its
 * briefings in every language, topic stances, other briefings listing it), or of one briefing.
 */
import { LANGS } from '../../i18n/locales.ts';
import type { Corpus } from '../corpus/index.ts';
import { hint } from '../problems.ts';

export interface Selection {
  /** What was selected, for the report's first line. */
  label: string;
  files: Set<string>;
}

export function selectFiles(corpus: Corpus, id: string): Selection | { error: string } {
  const briefingFiles = (match: (sources: readonly string[], briefingId: string) => boolean) =>
    LANGS.flatMap((lang) => corpus.briefings[lang].filter((b) => match(b.data.sources, b.id)).map((b) => b.file));
  const source = corpus.sources.get(id);
  if (source) {
    const citing = briefingFiles((sources, briefingId) => sources.includes(id) || briefingId === id);
    const topics = [...corpus.topics.values()].filter((t) => t.record.stances.some((s) => s.source === id)).map((t) => t.file);
    const files = new Set([source.file, `content/sources/${id}.en.yaml`, `seeds/${source.record.seed}`, ...citing, ...topics]);
    return { label: `source "${id}" and the ${files.size - 3} file${files.size - 3 === 1 ? '' : 's'} that cite it`, files };
  }
  const briefing = briefingFiles((_, briefingId) => briefingId === id);
  if (briefing.length) return { label: `briefing "${id}"`, files: new Set(briefing) };
  const known = [...corpus.sources.keys(), ...LANGS.flatMap((lang) => corpus.briefings[lang].map((b) => b.id))];
  return { error: `no source or briefing has the id "${id}"${hint(id, known)}` };
}

/**
 * Loads `content/sources/*.yaml`, the seeds they describe and their English translations.
 * Every record file yields a source, even one with invalid fields or a missing seed (its values
 * are stand-ins, its paragraphs possibly none), so briefings that cite it never report it as
 * unknown and its translation is still checked.
 */
import { LANGS, type Lang } from '../../i18n/locales.ts';
import { sourceRecord, sourceTranslation, type SourceRecord } from '../../schemas/content.ts';
import { outletLabels } from '../citations.ts';
import { splitParagraphs } from '../paragraphs.ts';
import { hint, type ContentProblem } from '../problems.ts';
import type { YamlSource } from '../yaml-source.ts';
import { join, listFiles, readUtf8, rel } from './files.ts';
import { parseRecord } from './issues.ts';
import { readYaml, readYamlRecords, type YamlRecord } from './yaml-records.ts';
import type { Source } from './model.ts';
import { alignmentState, seedRevision, type AlignmentRecord } from '../editorial/alignment.ts';

export interface LoadedSource {
  source: Source;
  record: YamlRecord<SourceRecord>;
  /** `seeds/<name>` as the record names it, when it names one. */
  seedFile?: string;
  /** False when the seed could not be read: paragraph numbers cannot be checked. */
  seedRead: boolean;
  translation: { file: string; yaml?: YamlSource; todos: number; flawed(path: readonly (string | number)[]): boolean };
}

/** Stand-in values for a record whose own are missing or invalid. */
const fallback = (id: string) => ({
  seed: `${id}.txt`,
  headline: { ar: id, en: id },
  publisher: { name: { ar: '—', en: '—' } },
  original: [],
  published: { date: '1970', precision: 'day' as const, confidence: 'low' as const, inferred: false },
});

export function loadSources(root: string, problems: ContentProblem[]): Map<string, LoadedSource> {
  const dir = join(root, 'content', 'sources');
  const sources = new Map<string, LoadedSource>();
  const seedOwners = new Map<string, string>();
  // `<id>.yaml` is the record; `<id>.en.yaml` its translation, read below.
  for (const record of readYamlRecords(root, dir, sourceRecord, problems, fallback, (n) => !/\.[a-z]{2}\.yaml$/.test(n))) {
    const { id, file, yaml } = record;
    // A file that does not parse still names its seed, most likely on a line of its own.
    const unparsed = record.raw === undefined ? readUtf8(join(root, file)) : undefined;
    const rawSeed = unparsed && 'text' in unparsed ? /^seed:\s*["']?([\w.-]+\.txt)/m.exec(unparsed.text)?.[1] : (record.raw as { seed?: unknown } | undefined)?.seed;
    const seedName = record.flawed(['seed']) ? (typeof rawSeed === 'string' && rawSeed ? rawSeed : undefined) : record.data.seed;
    const seedLine = yaml.lineOf(['seed']);
    let paragraphs: Source['paragraphs'] = [];
    let seedRead = false;
    let seedRev = '';
    if (seedName) {
      const seedPath = join(root, 'seeds', seedName);
      if (seedOwners.has(seedName)) problems.push({ file, line: seedLine, message: `seed ${seedName} is already described by ${seedOwners.get(seedName)}`, fix: 'each seed has exactly one source record; remove the duplicate' });
      seedOwners.set(seedName, file);
      if (!record.flawed(['seed'])) {
        // Read without a stat first (one per source, 5,000 at 5,000 bench sources): a missing
        // file is told by the read.
        const seed = readUtf8(seedPath);
        if ('missing' in seed) {
          problems.push({ file, line: seedLine, message: `seed file seeds/${seedName} does not exist`, fix: `put the document in seeds/, or correct "seed"${hint(seedName, listFiles(join(root, 'seeds'), '.txt')).replace(/^ \((.*)\)$/, ': $1')}` });
        } else {
          if ('error' in seed) {
            problems.push({ file: rel(root, seedPath), message: `seed ${seed.error}`, fix: 'convert the document to UTF-8 (e.g. iconv -f windows-1256 -t utf-8) and save it again' });
          } else {
            paragraphs = splitParagraphs(seed.text);
            seedRead = paragraphs.length > 0;
            seedRev = seedRevision(seed.text);
            if (!seedRead) problems.push({ file: rel(root, seedPath), message: 'seed is empty (no paragraph has text)', fix: 'add the document text, or remove the seed and its source record' });
          }
        }
      }
    }
    const translation = loadTranslation(root, id, join(dir, `${id}.en.yaml`), seedRead ? paragraphs.length : undefined, problems);
    sources.set(id, {
      source: {
        id, file, record: record.data, paragraphs, translation: translation.paragraphs, outlet: { ar: '', en: '' },
        translationAlignment: { ...(seedRead ? alignmentState(translation.aligned, seedRev) : { state: 'unrecorded' as const }), file: translation.file, line: translation.alignedLine },
      },
      record,
      ...(seedName ? { seedFile: `seeds/${seedName}` } : {}),
      seedRead,
      translation: { file: translation.file, ...(translation.yaml ? { yaml: translation.yaml } : {}), todos: translation.todos, flawed: translation.flawed },
    });
  }
  nameOutlets(sources);
  return sources;
}

/**
 * The outlet a reader knows a source by: the publisher of this copy when it is a known outlet
 * (one with a topic record), else the first known outlet whose reporting it relays.
 */
function knownOutlet(record: SourceRecord, lang: Lang): string | undefined {
  return [record.publisher, ...record.original].find((o) => o.topic)?.name[lang];
}

/** Gives every source its outlet label, unique across the corpus (see `outletLabels`). */
function nameOutlets(loaded: Map<string, LoadedSource>): void {
  const sources = [...loaded.values()].map((l) => l.source);
  for (const lang of LANGS) {
    const labels = outletLabels(lang, sources.map((s) => ({ id: s.id, outlet: knownOutlet(s.record, lang), date: s.record.published.date })));
    for (const s of sources) s.outlet[lang] = labels.get(s.id)!;
  }
}

/** Reads `<id>.en.yaml`; `count` is the seed's paragraph count, when the seed could be read. */
function loadTranslation(root: string, id: string, path: string, count: number | undefined, problems: ContentProblem[]) {
  const file = rel(root, path);
  const paragraphs = new Map<number, string>();
  const none = { file, paragraphs, todos: 0, flawed: () => true, yaml: undefined as YamlSource | undefined, aligned: undefined as AlignmentRecord | undefined, alignedLine: 1 };
  if ('missing' in readUtf8(path)) {
    problems.push({ file, message: 'English translation is missing', fix: `create ${file} with "paragraphs:" numbered 1 to ${count ?? 'the last paragraph'} (npm run new writes it for a new seed)` });
    return none;
  }
  const read = readYaml(root, path, problems);
  if (!read || read.yaml.errors.length) return { ...none, todos: read?.todos ?? 0 };
  const { yaml, todos } = read;
  const parsed = parseRecord(sourceTranslation, yaml.data, yaml, file, { paragraphs: {} }, problems);
  for (const [key, value] of Object.entries(parsed.data.paragraphs)) {
    const n = Number(key);
    if (n < 1 || (count !== undefined && n > count)) problems.push({ file, line: yaml.lineOf(['paragraphs', key]), message: `paragraph ${n} does not exist (the seed has ${count})`, fix: `remove it, or check the numbering with npm run paragraphs -- ${id}` });
    else paragraphs.set(n, value);
  }
  if (count !== undefined) {
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((n) => !paragraphs.has(n) && !parsed.flawed(['paragraphs', String(n)]));
    if (missing.length) problems.push({ file, line: yaml.lineOf(['paragraphs']), message: `no translation for paragraph(s) ${missing.join(', ')}`, fix: `translate every paragraph of the seed (npm run paragraphs -- ${id} lists them)` });
  }
  const aligned = parsed.flawed(['aligned']) ? undefined : parsed.data.aligned?.seed;
  return { file, paragraphs, todos, flawed: parsed.flawed, yaml, aligned, alignedLine: yaml.lineOf(aligned ? ['aligned'] : ['paragraphs']) };
}

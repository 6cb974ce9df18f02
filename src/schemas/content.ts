/**
 * Every content schema in one place: source records, their translations, briefings and topics.
 * The loaders in `src/lib/corpus/` validate each file against these and report problems with
 * file and line. Cross-file rules (counterparts, known topics, existing paragraphs) live there.
 */
import { z } from 'zod';
import { parsePartialDate } from '../lib/dates.ts';
import { LANGS, type Lang } from '../i18n/locales.ts';

const text = z.string().trim().min(1, 'must not be empty');

/** An ISO date string: "YYYY-MM-DD", "YYYY-MM" or "YYYY". */
export const isoDate = z.string().superRefine((value, ctx) => {
  const parsed = parsePartialDate(value);
  if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
});

/** A text given in both languages. */
export const localized = z.strictObject({
  /** Arabic. */
  ar: text,
  /** English. */
  en: text,
});

/** Lists given per language (aliases). */
export const localizedList = z.strictObject({
  ar: z.array(text).default([]),
  en: z.array(text).default([]),
});

export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case words joined by hyphens, e.g. "board-of-peace"');

/** A citation: "5", "5-7" (primary source) or "source-id:5" / "source-id:5-7". */
export const citationRef = z
  .union([z.string(), z.number().int().positive()])
  .transform((value) => String(value))
  .pipe(
    z
      .string()
      .regex(
        /^(?:[a-z0-9]+(?:-[a-z0-9]+)*:)?\d+(?:-\d+)?$/,
        'citations look like "5", "5-7" or "source-id:5"',
      ),
  );

export const citations = z.array(citationRef).min(1, 'cite at least one paragraph');

export const TOPIC_KINDS = ['country', 'organisation', 'person', 'concept', 'place', 'document', 'outlet'] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];

/** An outlet named by a source record; `topic` links it to its topic page. */
const outletRef = z.strictObject({
  /** Topic id of the outlet, when it has a topic record. */
  topic: slug.optional(),
  /** The outlet's name in both languages. */
  name: localized,
  /** Date of the original report (ISO). */
  date: isoDate.optional(),
  /** Verified address of the original report. */
  url: z.url({ protocol: /^https?$/ }).optional(),
});

/** `content/sources/<id>.yaml`: provenance of one seed document. */
export const sourceRecord = z
  .strictObject({
    /** Work in progress: previewed by the dev server, left out of `npm run build`. */
    draft: z.boolean().optional(),
    /** File name in `seeds/`, unchanged. */
    seed: z.string().regex(/^[\w.-]+\.txt$/, 'name a .txt file in seeds/'),
    /**
     * The document's own headline (ar) and our translation (en). `byEditors: true` when the
     * document has none and the headline is ours: pages then label it as ours.
     */
    headline: localized.extend({ byEditors: z.boolean().default(false) }),
    /** Who published this copy. */
    publisher: outletRef,
    /** The original reporting this document relies on (may be empty). */
    original: z.array(outletRef).default([]),
    /** A date (and time) printed in the document itself, verbatim as ISO. */
    printed: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?$/, 'write "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"')
      .optional(),
    /** Best publication date, with precision and confidence. */
    published: z
      .strictObject({
        date: isoDate,
        /** Last day of a window, when precision is "window". */
        end: isoDate.optional(),
        precision: z.enum(['day', 'month', 'window']),
        confidence: z.enum(['high', 'medium', 'low']),
        /** True when the document does not print this date. */
        inferred: z.boolean(),
        /** How the date was established; required when inferred. */
        note: localized.optional(),
      })
      .superRefine((p, ctx) => {
        if (p.inferred && !p.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'an inferred date needs a note (ar and en) saying how it was worked out' });
        if (p.precision === 'window' && !p.end) ctx.addIssue({ code: 'custom', path: ['end'], message: 'a window needs an "end" date' });
        if (p.end && p.end < p.date) ctx.addIssue({ code: 'custom', path: ['end'], message: '"end" is before "date"' });
      }),
  });
export type SourceRecord = z.infer<typeof sourceRecord>;

/**
 * Which revision of its counterpart a file was last aligned with (docs/editorial-guide.md §8):
 * written by `npm run align`, read by `npm run check` and the pages' "may lag" note.
 */
export const alignmentRecord = z.strictObject({
  /** Content revision of the counterpart at the time (`npm run align` computes it). */
  rev: z.string().regex(/^[0-9a-f]{12}$/, 'a revision is 12 hexadecimal characters; run npm run align instead of typing it'),
  /** The day the two were aligned. */
  on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write the day as "YYYY-MM-DD"'),
});

/** `content/sources/<id>.en.yaml`: English translation, paragraph by paragraph. */
export const sourceTranslation = z.strictObject({
  /** The seed revision this translation renders. */
  aligned: z.strictObject({ seed: alignmentRecord }).optional(),
  paragraphs: z.record(z.string().regex(/^\d+$/, 'paragraph keys are numbers'), text),
});

/** A dated event reported or announced by a source. */
export const briefingEvent = z
  .strictObject({
    date: isoDate,
    end: isoDate.optional(),
    precision: z.enum(['day', 'month', 'window']).default('day'),
    /** reported: happened; planned: announced for later; context: from outside the sources. */
    status: z.enum(['reported', 'planned', 'context']),
    /** True when the date was worked out (e.g. from "on Tuesday"). */
    inferred: z.boolean().default(false),
    text,
    cite: z.array(citationRef).default([]),
    /** For context events: where the date comes from. */
    context: text.optional(),
    /**
     * For planned events: paragraphs of a later source reporting that it took place
     * ("source-id:5"). Without them, a plan whose date has passed shows as "not confirmed".
     */
    confirmedBy: z.array(citationRef).default([]),
  })
  .superRefine((e, ctx) => {
    if (e.confirmedBy.length && e.status !== 'planned') ctx.addIssue({ code: 'custom', path: ['confirmedBy'], message: 'only a planned event can be confirmed by a later source' });
    if (e.status !== 'context' && e.cite.length === 0) ctx.addIssue({ code: 'custom', path: ['cite'], message: 'a reported or planned event must cite the paragraph(s) it rests on' });
    if (e.status === 'context' && !e.context && e.cite.length === 0) ctx.addIssue({ code: 'custom', path: ['context'], message: 'a context event needs "context" naming where the date comes from' });
    if (e.end && e.end < e.date) ctx.addIssue({ code: 'custom', path: ['end'], message: '"end" is before "date"' });
  });
export type BriefingEvent = z.infer<typeof briefingEvent>;

/**
 * A dated update of a briefing: what changed (in the file's language) and the new source(s)
 * that prompted it. Both language files record the same updates (same dates and sources);
 * the update-log rule (src/lib/check/rules/update-log.ts) enforces that and refuses updates
 * dated before the briefing.
 */
export const briefingUpdate = z.strictObject({
  /** Day of the update, "YYYY-MM-DD". */
  date: isoDate.refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v), 'date an update to the day: "YYYY-MM-DD"'),
  /** What changed, one or two sentences; Markdown with [[topic]] links and [@citations]. */
  text,
  /** Source ids of the new source(s) that prompted the update (listed in "sources:" too). */
  sources: z.array(slug).default([]),
});
export type BriefingUpdate = z.infer<typeof briefingUpdate>;

/** Frontmatter of `content/briefings/{ar,en}/<id>.md`. */
export const briefingFrontmatter = z.strictObject({
  /** Work in progress (in either language): previewed by the dev server, left out of `npm run build`. */
  draft: z.boolean().optional(),
  title: text,
  /** One-line summary under the title. */
  dek: text,
  /** Source ids; the first is the primary source that short citations refer to. */
  sources: z.array(slug).min(1, 'name at least one source id'),
  /** The primary source's best date (ISO). */
  date: isoDate,
  /** Every topic the briefing mentions. */
  topics: z.array(slug).default([]),
  /** How many is an editorial rule (key-points in src/lib/check/rules/), not a format one. */
  keyPoints: z.array(z.strictObject({ text, cite: citations })).default([]),
  events: z.array(briefingEvent).default([]),
  /** Dated update log, any order (pages show it newest first). */
  updates: z.array(briefingUpdate).default([]),
  /** Per other language: the revision of that version this one was last aligned with. */
  aligned: z.partialRecord(z.enum(LANGS as unknown as [Lang, ...Lang[]]), alignmentRecord).optional(),
});
export type BriefingFrontmatter = z.infer<typeof briefingFrontmatter>;

/** `content/topics/<id>.yaml`. */
export const topicRecord = z.strictObject({
  kind: z.enum(TOPIC_KINDS),
  name: localized,
  aliases: localizedList.default({ ar: [], en: [] }),
  /**
   * Spellings never written in our own voice, each with the spelling we write instead
   * (`{ "ترمب": "ترامب" }`); quotations keep the source's. Checked by the spellings rule.
   */
  avoid: z
    .strictObject({
      ar: z.record(z.string().min(1), text).default({}),
      en: z.record(z.string().min(1), text).default({}),
    })
    .default({ ar: {}, en: {} }),
  description: localized,
  /**
   * What the editors add from outside the sources, in both languages: Markdown with a link to
   * where it comes from. Shown as a context note under the description (src/lib/corpus/topic-context.ts).
   */
  context: localized.optional(),
  related: z.array(slug).default([]),
  stances: z
    .array(
      z.strictObject({
        source: slug,
        cite: citations,
        stance: localized,
      }),
    )
    .default([]),
});
export type TopicRecord = z.infer<typeof topicRecord>;

#!/usr/bin/env node
// Generates a synthetic project root (seeds/ + content/) with N sources for the scale benchmark.
//
// Built from the real content so it stays valid and looks like it:
// - the 5 real sources, 6 real briefings, every topic and page are copied unchanged (topic
//   stances cite the real sources; the home page features the real overview);
// - each synthetic source `bench-NNNNN` mirrors one real source's paragraph count, its seed is a
//   deterministic random recombination of real seed paragraphs, and its `.en.yaml` carries the
//   real translations of those paragraphs; publisher/original outlets come from the real record;
// - its ar and en briefings are the real sources' own briefings used as templates in turn (a
//   source's briefing: the editorial rules give it exactly three sections and a summary of
//   150–400 words; the multi-source overview stays as the one real overview), so they have the
//   real number of key points, events, topic links [[id]] and citations [@N]. Short citations
//   stay valid because the primary source has the template's paragraph count;
//   `[@other-source:N]` is remapped to the latest synthetic source mirroring that source. Each
//   briefing also quotes one paragraph of its own source, at the end of its body (a quote in
//   the summary would push it past the summary's length limit).
//
// Usage: node scripts/bench/corpus.mjs <N> [outDir]   (default outDir .tmp/bench/<N>)
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { BENCH_DIR, PROJECT, assertBenchPath } from './lib.mjs';
import { contentRevision, seedRevision } from '../../src/lib/editorial/alignment.ts';

const LANGS = ['ar', 'en'];
const YAML_OPTS = { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 };

/** Same rule as src/lib/paragraphs.ts: every non-blank line is a paragraph. */
function paragraphs(text) {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/^[\s\u200B\u200E\u200F\uFEFF]+|[\s\u200B\u200E\u200F\uFEFF]+$/gu, ''))
    .filter(Boolean);
}

function splitFrontmatter(text) {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text.replace(/\r\n?/g, '\n'));
  if (!m) throw new Error('briefing without frontmatter');
  return { data: parse(m[1]), body: m[2] };
}

/** Deterministic PRNG (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function truncate(text, max) {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Reads the real content once (from `project`: the project or a code snapshot of it). */
export function loadReal(project = PROJECT) {
  const dir = join(project, 'content', 'sources');
  const sources = new Map();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml') && !/\.[a-z]{2}\.yaml$/.test(n)).sort()) {
    const id = name.replace(/\.yaml$/, '');
    const record = parse(readFileSync(join(dir, name), 'utf8'));
    const ar = paragraphs(readFileSync(join(project, 'seeds', record.seed), 'utf8'));
    const en = parse(readFileSync(join(dir, `${id}.en.yaml`), 'utf8')).paragraphs;
    sources.set(id, { id, record, paragraphs: ar.map((text, i) => ({ ar: text, en: en[i + 1] ?? en[String(i + 1)] })) });
  }
  const pool = [...sources.values()].flatMap((s) => s.paragraphs);
  const briefings = readdirSync(join(project, 'content', 'briefings', 'ar'))
    .filter((n) => n.endsWith('.md'))
    .sort()
    .map((name) => ({
      id: name.replace(/\.md$/, ''),
      ...Object.fromEntries(LANGS.map((l) => [l, splitFrontmatter(readFileSync(join(project, 'content', 'briefings', l, name), 'utf8'))])),
    }));
  // Templates: each source's own briefing (its id is the source's), not the overview.
  const templates = briefings.filter((b) => sources.has(b.id));
  return { project, sources, pool, briefings, templates };
}

/** Rewrites the source ids inside citations ("5", "src:5", "[@5,src:7-9]") with `map`. */
function remapCite(raw, map) {
  const s = String(raw);
  const i = s.indexOf(':');
  return i < 0 ? s : `${map.get(s.slice(0, i)) ?? s.slice(0, i)}${s.slice(i)}`;
}
function remapText(text, map) {
  return text.replace(/\[@([^\]]+)\]/g, (_, inner) => `[@${inner.split(',').map((c) => remapCite(c.trim(), map)).join(',')}]`);
}

/** Puts `block` at the end of the body (the last section, open questions). */
/** The date synthetic translations are recorded as aligned on (fixed: the corpus is deterministic). */
const ALIGNED_ON = '2026-01-01';
const appendQuote = (body, block) => `${body.trimEnd()}\n\n${block}\n`;

export const syntheticId = (j) => `bench-${String(j + 1).padStart(5, '0')}`;

/**
 * Writes a project root with `total` sources (5 real + total-5 synthetic) to `out`.
 * Returns counts. Deterministic for a given total.
 */
export function generate(total, out, real = loadReal()) {
  const from = real.project;
  assertBenchPath(out);
  const count = Math.max(0, total - real.sources.size);
  for (const d of ['seeds', 'content']) rmSync(join(out, d), { recursive: true, force: true });
  for (const d of ['seeds', 'content/sources', 'content/briefings/ar', 'content/briefings/en']) mkdirSync(join(out, d), { recursive: true });
  // Real content, unchanged.
  cpSync(join(from, 'seeds'), join(out, 'seeds'), { recursive: true });
  cpSync(join(from, 'content'), join(out, 'content'), { recursive: true });

  const latestMirror = new Map(); // real source id -> latest synthetic id mirroring it
  const base = '2024-01-01';
  for (let j = 0; j < count; j++) {
    const template = real.templates[j % real.templates.length];
    const random = rng(0x9e3779b9 ^ (j * 2654435761));
    const id = syntheticId(j);
    const templateSources = template.en.data.sources;
    const primaryReal = real.sources.get(templateSources[0]);
    const map = new Map(templateSources.map((s, i) => [s, i === 0 ? id : latestMirror.get(s) ?? s]));

    // The seed: as many paragraphs as the mirrored real source, drawn from all real seeds.
    const n = primaryReal.paragraphs.length;
    const picks = [];
    for (let k = 0; k < n; k++) {
      let p;
      do p = real.pool[Math.floor(random() * real.pool.length)];
      while (picks.length && p === picks[picks.length - 1]);
      picks.push(p);
    }
    const seedName = `bench_${String(j + 1).padStart(5, '0')}.txt`;
    writeFileSync(join(out, 'seeds', seedName), `${picks.map((p) => p.ar).join('\n\n')}\n`);

    const date = addDays(base, Math.floor(random() * 760));
    // The quoted paragraph: the longest without quotation marks of its own (a quote inside
    // «…» would end early, and the editorial spelling rule would read the rest as ours).
    const quotable = picks.filter((p) => !/[«»“”"]/.test(p.ar + p.en));
    const lead = (quotable.length ? quotable : picks).reduce((a, b) => (b.ar.length > a.ar.length ? b : a));
    const record = {
      seed: seedName,
      headline: { ar: `${truncate(picks[0].ar, 110)} (${j + 1})`, en: `${truncate(picks[0].en, 110)} (${j + 1})` },
      publisher: primaryReal.record.publisher,
      original: primaryReal.record.original ?? [],
      published: { date, precision: 'day', confidence: 'medium', inferred: false },
    };
    writeFileSync(join(out, 'content', 'sources', `${id}.yaml`), stringify(record, YAML_OPTS));
    // Recorded as aligned with its seed, as a maintained site's translations are
    // (src/lib/editorial/alignment.ts): otherwise every page would carry a stale-translation note.
    const seedText = readFileSync(join(out, 'seeds', seedName), 'utf8');
    writeFileSync(
      join(out, 'content', 'sources', `${id}.en.yaml`),
      stringify({ paragraphs: Object.fromEntries(picks.map((p, k) => [k + 1, p.en])), aligned: { seed: { rev: seedRevision(seedText), on: ALIGNED_ON } } }, YAML_OPTS),
    );

    const quoteN = picks.indexOf(lead) + 1;
    const written = {};
    for (const lang of LANGS) {
      const { data, body } = template[lang];
      const fm = structuredClone(data);
      delete fm.aligned;
      fm.title = `${fm.title} (${j + 1})`;
      fm.sources = fm.sources.map((s) => map.get(s) ?? s);
      fm.date = date;
      fm.keyPoints = (fm.keyPoints ?? []).map((kp) => ({ ...kp, text: remapText(kp.text, map), cite: kp.cite.map((c) => remapCite(c, map)) }));
      fm.events = (fm.events ?? []).map((e) => ({ ...e, text: remapText(e.text, map), ...(e.cite ? { cite: e.cite.map((c) => remapCite(c, map)) } : {}) }));
      // Quotations follow the site's tanween convention (the tanween rule, editorial guide §7).
      const quote = lang === 'ar' ? `> «${lead.ar.replace(/\u0627\u064B/gu, '\u064B\u0627')}» [@${quoteN}]` : `> “${lead.en}” [@${quoteN}]`;
      const text = appendQuote(remapText(body, map), quote);
      written[lang] = { fm, text };
    }
    // Each language recorded as aligned with the other (the revision ignores the record itself).
    const rev = Object.fromEntries(LANGS.map((lang) => [lang, contentRevision(`---\n${stringify(written[lang].fm, YAML_OPTS)}---\n${written[lang].text}`)]));
    for (const lang of LANGS) {
      const other = lang === 'ar' ? 'en' : 'ar';
      const fm = { ...written[lang].fm, aligned: { [other]: { rev: rev[other], on: ALIGNED_ON } } };
      writeFileSync(join(out, 'content', 'briefings', lang, `${id}.md`), `---\n${stringify(fm, YAML_OPTS)}---\n${written[lang].text}`);
    }
    latestMirror.set(primaryReal.id, id);
  }
  return { sources: real.sources.size + count, briefings: real.briefings.length + count, synthetic: count };
}

/** The briefing the "one briefing changed" rebuild edits (a synthetic one in the middle). */
export function changeOneBriefing(root, total, stamp = new Date().toISOString()) {
  const count = Math.max(0, total - 5);
  const id = count ? syntheticId(Math.floor(count / 2)) : 'italy-founding-member';
  const file = join(root, 'content', 'briefings', 'en', `${id}.md`);
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, `${text.trimEnd()}\n\nEditor's note (benchmark edit ${stamp}): this sentence changes one briefing.\n`);
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const total = Number(process.argv[2] ?? 100);
  const out = process.argv[3] ?? join(BENCH_DIR, String(total));
  if (!existsSync(out)) mkdirSync(out, { recursive: true });
  const t = performance.now();
  const counts = generate(total, out);
  console.log(`wrote ${counts.sources} sources and ${counts.briefings} briefings (${counts.synthetic} synthetic) to ${out} in ${Math.round(performance.now() - t)} ms`);
}

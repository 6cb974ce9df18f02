// When the other language changed, and what changed: the git side of translation alignment
// (docs/editorial-guide.md §8). The check itself needs no git (revisions are content hashes);
// this only adds "first changed in commit …" and the word diff that `npm run review` prints,
// when the history that holds the aligned revision is at hand (not in a shallow clone).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LANGS } from '../../src/i18n/locales.ts';
import { contentRevision, seedRevision } from '../../src/lib/editorial/alignment.ts';

function git(root, args) {
  const r = spawnSync('git', ['-C', root, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return r.status === 0 ? r.stdout : undefined;
}

/**
 * The version of `file` whose revision is `rev`, searched from the newest commit back, and the
 * change after it: `{ text, commit, date }` of the aligned version and `firstChange`, either the
 * next newer commit `{ commit, date, subject }` or 'uncommitted'. Undefined without that history.
 */
export function alignedVersion(root, file, rev) {
  const revisionOf = file.startsWith('seeds/') ? seedRevision : contentRevision;
  const prefix = git(root, ['rev-parse', '--show-prefix']);
  if (prefix === undefined) return undefined;
  const log = git(root, ['log', '--format=%H%x09%cs%x09%s', '--', file]);
  if (!log) return undefined;
  const commits = log.trim().split('\n').map((l) => {
    const [commit, date, ...subject] = l.split('\t');
    return { commit, date, subject: subject.join('\t') };
  });
  for (let i = 0; i < commits.length; i++) {
    const text = git(root, ['show', `${commits[i].commit}:${prefix.trim()}${file}`]);
    if (text === undefined || revisionOf(text) !== rev) continue;
    // A later commit may have changed it and another changed it back: the first newer commit
    // whose revision differs is when it started to differ.
    let firstChange = 'uncommitted';
    for (let j = i - 1; j >= 0; j--) {
      const later = git(root, ['show', `${commits[j].commit}:${prefix.trim()}${file}`]);
      if (later !== undefined && revisionOf(later) !== rev) {
        firstChange = commits[j];
        break;
      }
    }
    return { text, commit: commits[i].commit, date: commits[i].date, firstChange };
  }
  return undefined;
}

/** "first changed in commit 1a2b3c4 on 2026-12-01 (“subject”)", or "not committed yet". */
export function describeChange(found) {
  if (!found) return undefined;
  if (found.firstChange === 'uncommitted') return 'the change is not committed yet';
  const { commit, date, subject } = found.firstChange;
  return `first changed in commit ${commit.slice(0, 7)} on ${date} (“${subject}”)`;
}

/** A word-by-word diff of two texts ([-removed-]{+added+}), from git, without its header. */
export function wordDiff(before, after) {
  const dir = mkdtempSync(join(tmpdir(), 'align-diff-'));
  try {
    writeFileSync(join(dir, 'aligned'), before);
    writeFileSync(join(dir, 'now'), after);
    const r = spawnSync('git', ['diff', '--no-index', '--no-color', '--word-diff=plain', '-U0', 'aligned', 'now'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return r.stdout
      .split('\n')
      .filter((l) => !/^(?:diff --git|index |--- |\+\+\+ )/.test(l))
      .map((l) => l.replace(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@.*$/, '\nline $1:'))
      .join('\n')
      .trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every side that is behind, with the counterpart that changed and the revision it was aligned with. */
export function laggingSides(corpus) {
  const out = [];
  for (const lang of LANGS) {
    for (const b of corpus.briefings[lang]) {
      for (const [other, state] of Object.entries(b.alignment.with)) {
        if (state?.state !== 'behind') continue;
        out.push({ id: b.id, file: b.file, changed: b.file.replace(`/${lang}/`, `/${other}/`), rev: state.rev, on: state.on });
      }
    }
  }
  for (const s of corpus.sources.values()) {
    const state = s.translationAlignment;
    if (state.state === 'behind') out.push({ id: s.id, file: state.file, changed: `seeds/${s.record.seed}`, rev: state.rev, on: state.on, translation: true });
  }
  return out;
}

/** Every side with no alignment record: nobody has confirmed it agrees with its counterpart. */
export function unrecordedSides(corpus) {
  const out = [];
  for (const lang of LANGS) {
    for (const b of corpus.briefings[lang]) {
      for (const [other, state] of Object.entries(b.alignment.with)) {
        if (state?.state === 'unrecorded') out.push({ id: b.id, file: b.file, counterpart: b.file.replace(`/${lang}/`, `/${other}/`), align: `npm run align -- ${b.id}` });
      }
    }
  }
  for (const s of corpus.sources.values()) {
    if (s.translationAlignment.state === 'unrecorded') out.push({ id: s.id, file: s.translationAlignment.file, counterpart: `seeds/${s.record.seed}`, align: `npm run align -- --translation ${s.id}` });
  }
  return out;
}

/**
 * Prints, for each lagging side of `ids` (all when empty), what changed on the other side. A side
 * of a briefing asked for by id that has no record has no aligned revision to compare with: it
 * says so (read the two in full below, then align them).
 */
export function printAlignmentReview(root, corpus, ids) {
  if (ids.size) {
    for (const u of unrecordedSides(corpus).filter((x) => ids.has(x.id))) {
      console.log(`\n${'═'.repeat(100)}\n${u.file} has no record of being aligned with ${u.counterpart}, so there is no earlier version to compare with: check the two in full (below), then run ${u.align}.`);
    }
  }
  const lagging = laggingSides(corpus).filter((l) => !ids.size || ids.has(l.id));
  for (const l of lagging) {
    console.log(`\n${'═'.repeat(100)}\n${l.file} is behind ${l.changed}: it changed after they were aligned on ${l.on}.`);
    const found = alignedVersion(root, l.changed, l.rev);
    if (!found) {
      console.log(`The aligned revision (${l.rev}) is not in this clone's git history (a shallow or exported copy?), so the change cannot be shown; compare the two files in full.`);
      continue;
    }
    console.log(`Aligned version: commit ${found.commit.slice(0, 7)} (${found.date}); ${describeChange(found)}.\nWhat changed in ${l.changed} since then ([-removed-] {+added+}):\n`);
    console.log(wordDiff(found.text, readFileSync(join(root, l.changed), 'utf8')) || '(only formatting changed)');
  }
  return lagging.length;
}

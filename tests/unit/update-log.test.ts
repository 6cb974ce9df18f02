/**
 * The update log (`updates:` in a briefing's frontmatter): loaded newest first, and refused by
 * the update-log rule (src/lib/check/rules/update-log.ts; `npm run check` and the build run it) when an update lacks a language, is dated
 * before the briefing, or names a source the briefing does not rest on; each with file and line.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/corpus/index.ts';
import { isBlocking } from '../../src/lib/problems.ts';
import { lastModified, lastUpdated } from '../../src/lib/corpus/updates.ts';
import { copyFixture, MINI } from '../helpers/fixture.ts';

let fixture: ReturnType<typeof copyFixture> | undefined;
afterEach(() => fixture?.cleanup());

const EN = 'content/briefings/en/sample.md';
const AR = 'content/briefings/ar/sample.md';

/** Adds an `updates:` block (YAML lines) after the events of one language's briefing. */
function addUpdates(f: NonNullable<typeof fixture>, file: string, yaml: string): void {
  f.edit(file, (t) => t.replace('    cite: ["3"]\n---', `    cite: ["3"]\nupdates:\n${yaml}---`));
}
const enUpdate = (date: string, extra = '') => `  - date: "${date}"\n    text: "Added the date of resolution 2803. [@3]"\n${extra}`;
const arUpdate = (date: string, extra = '') => `  - date: "${date}"\n    text: "أضفنا تاريخ القرار 2803. [@3]"\n${extra}`;

describe('update log', () => {
  it('loads updates newest first, rendered, with the last-modified date', () => {
    fixture = copyFixture();
    addUpdates(fixture, EN, enUpdate('2025-11-20') + enUpdate('2025-12-01', '    sources: [sample]\n'));
    addUpdates(fixture, AR, arUpdate('2025-12-01', '    sources: [sample]\n') + arUpdate('2025-11-20'));
    const { corpus, problems } = loadCorpus(fixture.root);
    expect(problems).toEqual([]);
    const briefing = corpus!.briefing('en', 'sample')!;
    expect(briefing.updates.map((u) => [u.date, u.sources])).toEqual([['2025-12-01', ['sample']], ['2025-11-20', []]]);
    expect(briefing.updates[0]!.html).toContain('href="/en/sources/sample/#p3"');
    expect(lastModified(briefing)).toBe('2025-12-01');
    expect(lastUpdated(briefing)).toBe('2025-12-01');
    const plain = loadCorpus(MINI).corpus!.briefing('en', 'sample')!;
    expect([lastModified(plain), lastUpdated(plain)]).toEqual(['2025-10-30', undefined]);
  });

    /** Line of the first update entry ("  - date: …") in a file, plus `offset`. */
  const entryLine = (f: NonNullable<typeof fixture>, file: string, offset = 0) => readFileSync(join(f.root, file), 'utf8').split('\n').indexOf('updates:') + 2 + offset;

  const cases: { name: string; change: (f: NonNullable<typeof fixture>) => void; file: string; line: number; message: RegExp }[] = [
    // line: offset from the line of the first update entry
    {
      name: 'an update in English only',
      change: (f) => addUpdates(f, EN, enUpdate('2025-11-20')),
      file: EN, line: 0, message: /update of 2025-11-20 has no Arabic version in content\/briefings\/ar\/sample\.md/,
    },
    {
      name: 'an update in Arabic only',
      change: (f) => addUpdates(f, AR, arUpdate('2025-11-20')),
      file: AR, line: 0, message: /update of 2025-11-20 has no English version in content\/briefings\/en\/sample\.md/,
    },
    {
      name: 'the two languages name different sources',
      change: (f) => { addUpdates(f, EN, enUpdate('2025-11-20', '    sources: [sample]\n')); addUpdates(f, AR, arUpdate('2025-11-20')); },
      file: EN, line: 0, message: /has no Arabic version/,
    },
    {
      name: 'an update dated before the briefing',
      change: (f) => { addUpdates(f, EN, enUpdate('2025-10-01')); addUpdates(f, AR, arUpdate('2025-10-01')); },
      file: EN, line: 0, message: /update dated 2025-10-01, before the briefing itself \(date: 2025-10-30\)/,
    },
    {
      name: 'an update not dated to the day',
      change: (f) => { addUpdates(f, EN, enUpdate('2025-11')); addUpdates(f, AR, arUpdate('2025-11')); },
      file: EN, line: 0, message: /date an update to the day/,
    },
    {
      name: 'an update naming an unknown source',
      change: (f) => { addUpdates(f, EN, enUpdate('2025-11-20', '    sources: [sampel]\n')); addUpdates(f, AR, arUpdate('2025-11-20', '    sources: [sampel]\n')); },
      file: EN, line: 2, message: /unknown source "sampel" \(did you mean "sample"\?\)/,
    },
    {
      name: 'an update without text',
      change: (f) => { addUpdates(f, EN, '  - date: "2025-11-20"\n'); addUpdates(f, AR, arUpdate('2025-11-20')); },
      file: EN, line: 0, message: /"text" of "updates" item 1 is missing/,
    },
  ];

  it.each(cases)('refuses $name, with file and line', ({ change, file, line, message }) => {
    fixture = copyFixture();
    change(fixture);
    const { problems } = loadCorpus(fixture.root);
    const problem = problems.find((p) => message.test(p.message) && p.file === file);
    expect(problem, JSON.stringify(problems, null, 2)).toBeDefined();
    expect(problem!.line).toBe(entryLine(fixture, file, line));
    expect(isBlocking(problem!)).toBe(true);
    expect(problem!.fix.length).toBeGreaterThan(10);
  });

  it('npm run check prints the file:line of an update missing a language and fails', () => {
    fixture = copyFixture();
    addUpdates(fixture, EN, enUpdate('2025-11-20'));
    const result = spawnSync(process.execPath, ['scripts/check-content.mjs'], { env: { ...process.env, BRIEFING_ROOT: fixture.root }, encoding: 'utf8' });
    expect(result.status).toBe(1);
    // Grouped by file, then "line  error  message [rule]".
    const output = result.stdout.slice(result.stdout.indexOf(`${EN}\n`));
    expect(output).toMatch(new RegExp(`^ +${entryLine(fixture, EN)} +error +update of 2025-11-20 has no Arabic version in content/briefings/ar/sample\\.md \\[update-log\\]$`, 'm'));
    expect(output).toMatch(/^ +\d+ +error +update of 2025-11-20 has no Arabic version in content\/briefings\/ar\/sample\.md \[update-log\]$/m);
  });
});

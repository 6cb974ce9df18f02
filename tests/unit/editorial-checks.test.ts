/**
 * The editorial checks of docs/editorial-guide.md §7–8: tanween, detached prefixes, US spelling,
 * invisible characters, one heading per section, and translation alignment (a side whose
 * counterpart changed is named, with since when; re-aligning clears it; it works without git,
 * and with git history adds the commit and the word diff). Text rules first as functions, then
 * as `npm run check` reports them on a copy of the mini fixture.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/corpus/index.ts';
import { alignBriefing, alignTranslation } from '../../src/lib/editorial/align.ts';
import { contentRevision, lagNotes, seedRevision, setAlignmentInMarkdown, setAlignmentInYaml } from '../../src/lib/editorial/alignment.ts';
import { attachPrefix, findDetachedPrefixes } from '../../src/lib/editorial/detached-prefix.ts';
import { findInvisibleCharacters, stripBidiControls } from '../../src/lib/editorial/invisible.ts';
import { findRuledOutSpellings, parseSpellingList, spellingRule } from '../../src/lib/editorial/spelling.ts';
import { findTanweenOnAlif } from '../../src/lib/editorial/tanween.ts';
import { splitParagraphs } from '../../src/lib/paragraphs.ts';
import { formatProblems, type ContentProblem } from '../../src/lib/problems.ts';
import { copyFixture } from '../helpers/fixture.ts';

type Fixture = ReturnType<typeof copyFixture>;
let fixture: Fixture | undefined;
afterEach(() => fixture?.cleanup());

const EN = 'content/briefings/en/sample.md';
const AR = 'content/briefings/ar/sample.md';
const TRANSLATION = 'content/sources/sample.en.yaml';
const ON = '2026-01-01';
const lagging = (problems: ContentProblem[]) => problems.filter((p) => p.rule === 'translation-alignment');
const byRule = (problems: ContentProblem[], rule: string) => problems.filter((p) => p.rule === rule);

describe('tanween', () => {
  it('finds tanween on the alif and says where it goes', () => {
    const found = findTanweenOnAlif('طلبت منها أن تكون عضواً مؤسساً.\nوأيضاً');
    expect(found.map((f) => [f.line, f.column, f.message])).toEqual([
      [1, 19, 'tanween written on the alif in «عضواً»'],
      [1, 25, 'tanween written on the alif in «مؤسساً»'],
      [2, 1, 'tanween written on the alif in «وأيضاً»'],
    ]);
    expect(found[0]!.fix).toContain('«عضوًا»');
  });

  it.each(['عضوًا مؤسسًا', 'دولةً', 'مساءً', 'جزءًا', 'هدًى', 'كان'])('leaves «%s» alone', (text) => {
    expect(findTanweenOnAlif(text)).toEqual([]);
  });

  it('the Arabic UI dictionary follows the convention', () => {
    expect(findTanweenOnAlif(readFileSync('src/i18n/ui/ar.ts', 'utf8'))).toEqual([]);
  });
});

describe('detached prefixes', () => {
  const names: Record<string, string> = { reconstruction: 'إعادة الإعمار', 'resolution-2803': 'القرار 2803' };
  const name = (id: string) => names[id];

  it.each([
    ['لـ[[reconstruction]]', '[[reconstruction|لإعادة الإعمار]]'],
    ['لـ[[resolution-2803]]', '[[resolution-2803|للقرار 2803]]'],
    ['بـ[[reconstruction|الإعمار]]', '[[reconstruction|بالإعمار]]'],
    ['كـ[[resolution-2803]]', '[[resolution-2803|كالقرار 2803]]'],
  ])('%s → %s', (text, fix) => {
    const [found] = findDetachedPrefixes(`نص ${text} نص`, name);
    expect(found?.fix).toContain(fix);
    expect(found?.column).toBe(4);
  });

  it.each(['و[[reconstruction]]', '[[reconstruction|لإعادة الإعمار]]', 'لـ «[[reconstruction]]»'])('leaves %s alone', (text) => {
    expect(findDetachedPrefixes(text, name)).toEqual([]);
  });

  it('ل before ال becomes لل', () => {
    expect(attachPrefix('ل', 'القرار')).toBe('للقرار');
    expect(attachPrefix('ب', 'القرار')).toBe('بالقرار');
    expect(attachPrefix('ل', 'إعادة')).toBe('لإعادة');
  });
});

describe('US spelling', () => {
  const list = parseSpellingList(readFileSync('docs/editorial-guide.md', 'utf8'));

  it('reads the list from the editorial guide', () => {
    expect(list.length).toBeGreaterThan(50);
    expect(list.map((r) => r.pattern)).toContain('signall{ing,ed}');
  });

  it('finds ruled-out spellings with line, column and the word to write, keeping case', () => {
    const found = findRuledOutSpellings('Egypt signalling readiness.\nOrganisations and the per cent figure.', list);
    expect(found.map((f) => [f.line, f.column, f.fix.split(' (')[0]])).toEqual([
      [1, 7, 'write “signaling”'],
      [2, 1, 'write “Organizations”'],
      [2, 23, 'write “percent”'],
    ]);
  });

  it('leaves quotations, URLs, ids and US spellings alone', () => {
    expect(findRuledOutSpellings('He said “we are signalling”; see https://example.com/organisation and [[labour-party|the party]]; organizations signaled.', list)).toEqual([]);
  });

  it('matches whole words only', () => {
    expect(findRuledOutSpellings('The greyhound and the realistic organism.', list)).toEqual([]);
    expect(spellingRule('colour{,s}', 'color').regex.test('colours')).toBe(true);
  });
});

describe('invisible characters', () => {
  it.each([
    ['\u202E', 'U+202E RIGHT-TO-LEFT OVERRIDE'],
    ['\u2067', 'U+2067 RIGHT-TO-LEFT ISOLATE'],
    ['\u200F', 'U+200F RIGHT-TO-LEFT MARK'],
    ['\u200B', 'U+200B ZERO WIDTH SPACE'],
    ['\u200D', 'U+200D ZERO WIDTH JOINER'],
    ['\uFEFF', 'U+FEFF ZERO WIDTH NO-BREAK SPACE (BOM)'],
  ])('finds %j with its name, line and column', (ch, label) => {
    const [found] = findInvisibleCharacters(`first line\nقال ${ch}المسؤول`);
    expect(found).toMatchObject({ line: 2, column: 5 });
    expect(found!.message).toContain(label);
    expect(found!.fix).toMatch(/^delete it/);
  });

  it('finds nothing in ordinary Arabic and English text', () => {
    expect(findInvisibleCharacters('قوة الاستقرار الدولية (ISF)، نحو 5 آلاف جندي; “quoted”.')).toEqual([]);
  });

  it('a seed paragraph is shown without direction controls, and keeps its numbering', () => {
    expect(stripBidiControls('abc\u202Edef\u202C \u2067x\u2069')).toBe('abcdef x');
    const paragraphs = splitParagraphs('عنوان\n\u202E\nقال \u202Eالمسؤول\u202C إن\n');
    expect(paragraphs.map((p) => [p.n, p.text])).toEqual([[1, 'عنوان'], [2, 'قال المسؤول إن']]);
  });
});

describe('revisions', () => {
  const briefing = '---\ntitle: "T"\n# a comment\ndate: "2025-10-30"\n---\n\n## Summary {#summary}\n\nText.\n';

  it('ignore formatting, comments and the alignment record, not values or text', () => {
    const rev = contentRevision(briefing);
    expect(contentRevision(briefing.replace('# a comment\n', ''))).toBe(rev);
    expect(contentRevision(briefing.replace('title: "T"', "title: 'T'"))).toBe(rev);
    expect(contentRevision(briefing.replace('Text.\n', 'Text.   \n\n\n'))).toBe(rev);
    expect(contentRevision(setAlignmentInMarkdown(briefing, 'aligned: { en: { rev: "0123456789ab", on: "2026-01-01" } }'))).toBe(rev);
    expect(contentRevision(briefing.replace('Text.', 'Text!'))).not.toBe(rev);
    expect(contentRevision(briefing.replace('"2025-10-30"', '"2025-10-31"'))).not.toBe(rev);
    expect(seedRevision('a\n\n b \r\nc')).toBe(seedRevision('a\nb\nc\n'));
  });

  it('the record is written at the end of the frontmatter, and replaced in place', () => {
    const once = setAlignmentInMarkdown(briefing, 'aligned: { en: { rev: "0123456789ab", on: "2026-01-01" } }');
    expect(once.split('\n').slice(0, 6)).toEqual(['---', 'title: "T"', '# a comment', 'date: "2025-10-30"', 'aligned: { en: { rev: "0123456789ab", on: "2026-01-01" } }', '---']);
    const twice = setAlignmentInMarkdown(once, 'aligned: { en: { rev: "ba9876543210", on: "2026-02-01" } }');
    expect(twice).toBe(once.replace('0123456789ab", on: "2026-01-01', 'ba9876543210", on: "2026-02-01'));
    expect(setAlignmentInYaml('aligned:\n  seed: { rev: "x", on: "y" }\nparagraphs:\n  1: "a"\n', 'aligned: { seed: {} }')).toBe('aligned: { seed: {} }\nparagraphs:\n  1: "a"\n');
  });
});

describe('translation alignment', () => {
  const editArabicBody = (f: Fixture) => f.edit(AR, (t) => t.replace('وأضافت المصادر تاريخًا', 'وأضافت المصادر أيضًا تاريخًا'));
  /** A copy of the fixture whose briefing and translation an editor has aligned on 2025-12-01. */
  const alignedFixture = (): Fixture => {
    const f = copyFixture();
    alignBriefing(f.root, 'sample', '2025-12-01');
    alignTranslation(f.root, 'sample', '2025-12-01');
    return f;
  };

  it('a site that keeps no records is not nagged; once aligned, the fixture passes', () => {
    fixture = copyFixture();
    expect(lagging(loadCorpus(fixture.root).problems)).toEqual([]);
    alignBriefing(fixture.root, 'sample', ON);
    alignTranslation(fixture.root, 'sample', ON);
    expect(loadCorpus(fixture.root).problems).toEqual([]);
  });

  it('editing only the Arabic body names the English file, with since when; re-aligning clears it', () => {
    fixture = alignedFixture();
    editArabicBody(fixture);
    const [found, ...rest] = lagging(loadCorpus(fixture.root).problems);
    expect(rest, formatProblems(rest)).toEqual([]);
    expect(found).toMatchObject({ file: EN, line: 19, severity: 'warning' });
    expect(found!.message).toMatch(/^behind the Arabic version \(content\/briefings\/ar\/sample\.md\), which changed after the two were aligned on 2025-12-01$/);
    expect(found!.fix).toContain('npm run review -- sample');
    expect(found!.fix).toContain('npm run align -- sample');

    alignBriefing(fixture.root, 'sample', ON);
    expect(lagging(loadCorpus(fixture.root).problems)).toEqual([]);
    expect(readFileSync(`${fixture.root}/${EN}`, 'utf8')).toContain(`on: "${ON}"`);
  });

  it('a comment or reformatting changes nothing; editing both sides names both', () => {
    fixture = alignedFixture();
    fixture.edit(AR, (t) => t.replace('sources: [sample]', '# a note for editors\nsources: [ sample ]'));
    expect(lagging(loadCorpus(fixture.root).problems)).toEqual([]);
    editArabicBody(fixture);
    fixture.edit(EN, (t) => t.replace('[[turkey|Ankara]]', '[[turkey|Ankara]] too'));
    expect(lagging(loadCorpus(fixture.root).problems).map((p) => p.file).sort()).toEqual([AR, EN]);
  });

  it('a seed that changed names its translation; aligning the translation clears it', () => {
    fixture = alignedFixture();
    fixture.edit('seeds/sample.txt', (t) => t.replace('تركيا', 'تركيا اليوم'));
    const [found, ...rest] = lagging(loadCorpus(fixture.root).problems);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ file: TRANSLATION, severity: 'warning' });
    expect(found!.message).toBe('behind seeds/sample.txt, which changed after the translation was aligned on 2025-12-01');
    alignTranslation(fixture.root, 'sample', ON);
    expect(lagging(loadCorpus(fixture.root).problems)).toEqual([]);
  });

  it('a version with no record is named', () => {
    fixture = alignedFixture();
    fixture.edit(EN, (t) => t.replace(/^aligned: .*\n/m, ''));
    const found = lagging(loadCorpus(fixture.root).problems);
    expect(found.map((p) => [p.file, p.message])).toEqual([[EN, 'no record that this version was aligned with the Arabic version (content/briefings/ar/sample.md)']]);
  });

  it('a draft is not reminded of a missing record: one language marked draft, or its source a draft', () => {
    fixture = alignedFixture();
    const f = fixture;
    const unrecord = (file: string) => f.edit(file, (t) => t.replace(/^aligned: .*\n/m, ''));
    unrecord(AR);
    unrecord(EN);
    f.edit(AR, (t) => t.replace('sources: [sample]', 'sources: [sample]\ndraft: true'));
    expect(lagging(loadCorpus(f.root).problems)).toEqual([]);
    f.edit(AR, (t) => t.replace('\ndraft: true', ''));
    expect(lagging(loadCorpus(f.root).problems).map((p) => p.file).sort()).toEqual([AR, EN]);

    alignBriefing(f.root, 'sample', ON);
    unrecord(TRANSLATION);
    f.edit('content/sources/sample.yaml', (t) => `${t}draft: true\n`);
    expect(lagging(loadCorpus(f.root).problems)).toEqual([]);
    f.edit('content/sources/sample.yaml', (t) => t.replace('draft: true\n', ''));
    expect(lagging(loadCorpus(f.root).problems).map((p) => [p.file, p.message])).toEqual([[TRANSLATION, 'no record that this translation was aligned with seeds/sample.txt']]);
  });

  it('readers are told only of a change since an alignment, never of a missing record', () => {
    const aligned = { state: 'aligned', on: ON, rev: 'a' } as const;
    const behind = { state: 'behind', on: ON, rev: 'b' } as const;
    const unrecorded = { state: 'unrecorded' } as const;
    expect(lagNotes(behind, aligned)).toEqual(['behind']);
    expect(lagNotes(aligned, behind)).toEqual(['ahead']);
    expect(lagNotes(behind, behind)).toEqual(['behind', 'ahead']);
    for (const [own, theirs] of [[unrecorded, unrecorded], [unrecorded, aligned], [aligned, unrecorded], [unrecorded, undefined], [undefined, unrecorded], [aligned, aligned]] as const) {
      expect(lagNotes(own, theirs)).toEqual([]);
    }
  });

  const run = (script: string, root: string, ...args: string[]) => spawnSync(process.execPath, [script, ...args], { env: { ...process.env, BRIEFING_ROOT: root }, encoding: 'utf8' });
  const git = (root: string, ...args: string[]) => spawnSync('git', ['-C', root, '-c', 'user.name=Editor', '-c', 'user.email=editor@example.org', ...args], { encoding: 'utf8' });

  it('npm run check warns without failing, from a copy with no git history at all', () => {
    fixture = alignedFixture();
    editArabicBody(fixture);
    const result = run('scripts/check-content.mjs', fixture.root);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`${EN}\n  19  warning  behind the Arabic version`);
    expect(result.stdout).toContain('aligned on 2025-12-01 [translation-alignment]');
  }, 60_000);

  it('with git history, the check names the commit and npm run review shows what changed, word by word', () => {
    fixture = alignedFixture();
    git(fixture.root, 'init', '-q');
    git(fixture.root, 'add', '-A');
    git(fixture.root, 'commit', '-qm', 'aligned');
    editArabicBody(fixture);
    expect(run('scripts/check-content.mjs', fixture.root).stdout).toContain('the change is not committed yet');
    git(fixture.root, 'commit', '-qam', 'Arabic: one more word');
    expect(run('scripts/check-content.mjs', fixture.root).stdout).toMatch(/first changed in commit [0-9a-f]{7} on \d{4}-\d{2}-\d{2} \(“Arabic: one more word”\)/);
    const review = run('scripts/review-citations.mjs', fixture.root, 'sample');
    expect(review.status, review.stderr).toBe(0);
    expect(review.stdout).toContain(`${EN} is behind ${AR}`);
    expect(review.stdout).toContain('{+أيضًا+}');

    // A version with no record has nothing to compare with; the review says so and how to record it.
    fixture.edit(EN, (t) => t.replace(/^aligned: .*\n/m, ''));
    const unrecorded = run('scripts/review-citations.mjs', fixture.root, 'sample');
    expect(unrecorded.stdout).toContain(`${EN} has no record of being aligned with ${AR}, so there is no earlier version to compare with: check the two in full (below), then run npm run align -- sample.`);
  }, 60_000);

  it('npm run align aligns a briefing by id or file, and a translation', () => {
    fixture = alignedFixture();
    editArabicBody(fixture);
    fixture.edit('seeds/sample.txt', (t) => t.replace('تركيا', 'تركيا اليوم'));
    expect(run('scripts/align.mjs', fixture.root, AR, '--translation', 'sample').status).toBe(0);
    expect(lagging(loadCorpus(fixture.root).problems)).toEqual([]);
    expect(run('scripts/align.mjs', fixture.root, 'no-such-briefing').stderr).toContain('not found');
  }, 60_000);
});

describe('the checks on content', () => {
  const problemsAfter = (change: (f: Fixture) => void) => {
    fixture = copyFixture();
    change(fixture);
    alignBriefing(fixture.root, 'sample', ON);
    return loadCorpus(fixture.root).problems;
  };

  it('tanween: in a briefing body and in a topic description, with the line', () => {
    const problems = problemsAfter((f) => {
      f.edit(AR, (t) => t.replace('وأضافت المصادر تاريخًا', 'وأضافت المصادر تاريخاً'));
      f.edit('content/topics/turkey.yaml', (t) => t.replace('description: { ar: "', 'description: { ar: "دولة تريد دوراً. '));
    });
    expect(byRule(problems, 'tanween').map((p) => [p.file, p.line, p.message])).toEqual([
      [AR, 24, 'tanween written on the alif in «تاريخاً»'],
      ['content/topics/turkey.yaml', 5, 'tanween written on the alif in «دوراً»'],
    ]);
  });

  it('detached prefixes: the fix gives the link text', () => {
    const problems = problemsAfter((f) => f.edit(AR, (t) => t.replace('فإن [[turkey|أنقرة]]', 'فإن لـ[[turkey]]')));
    const [found] = byRule(problems, 'detached-prefixes');
    expect(found).toMatchObject({ file: AR, line: 24, message: 'detached prefix «لـ» before the link [[turkey]]' });
    expect(found!.fix).toContain('[[turkey|لتركيا]]');
  });

  it('us-spelling: in a briefing and a topic description, not in aliases, with the guide copied along', () => {
    const problems = problemsAfter((f) => {
      f.write('docs/editorial-guide.md', readFileSync('docs/editorial-guide.md', 'utf8'));
      f.edit(EN, (t) => t.replace('[[turkey|Ankara]]', '[[turkey|Ankara]], signalling'));
      f.edit('content/topics/turkey.yaml', (t) => t.replace('en: ["Türkiye"] }', 'en: ["Türkiye", "Turkish labour"] }').replace('en: "A country ready', 'en: "A country whose behaviour matters, ready'));
    });
    expect(byRule(problems, 'us-spelling').map((p) => [p.file, p.message])).toEqual([
      [EN, '“signalling” is a spelling the guide rules out'],
      ['content/topics/turkey.yaml', '“behaviour” is a spelling the guide rules out'],
    ]);
  });

  it('invisible characters: in a briefing, a topic and source metadata, with line and column', () => {
    const problems = problemsAfter((f) => {
      f.edit(EN, (t) => t.replace('[[turkey|Ankara]]', '[[turkey|Ankara]]\u200B'));
      f.edit('content/topics/turkey.yaml', (t) => t.replace('تركيا', '\u202Bتركيا\u202C'));
      f.edit('content/sources/sample.yaml', (t) => t.replace('عنوان تجريبي', 'عنوان\u2067 تجريبي'));
    });
    const found = byRule(problems, 'invisible-characters').map((p) => `${p.file}:${p.line} ${p.message}`);
    expect(found).toHaveLength(4);
    expect(found.join('\n')).toMatch(/content\/briefings\/en\/sample\.md:\d+ invisible character U\+200B ZERO WIDTH SPACE at column \d+/);
    expect(found.join('\n')).toMatch(/content\/topics\/turkey\.yaml:2 invisible character U\+202B RIGHT-TO-LEFT EMBEDDING at column \d+/);
    expect(found.join('\n')).toMatch(/content\/sources\/sample\.yaml:\d+ invisible character U\+2067 RIGHT-TO-LEFT ISOLATE/);
  });

  it('a seed keeps its controls verbatim: a warning, and the paragraph shown without them', () => {
    fixture = copyFixture();
    fixture.edit('seeds/sample.txt', (t) => t.replace('تركيا', '\u202Eتركيا\u202C'));
    alignTranslation(fixture.root, 'sample', ON);
    const { corpus, problems } = loadCorpus(fixture.root);
    expect(problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    const [found] = byRule(problems, 'seed-bidi-controls');
    expect(found).toMatchObject({ file: 'seeds/sample.txt', severity: 'warning' });
    expect(found!.message).toBe('direction controls U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL FORMATTING in the seed');
    expect(corpus.sources.get('sample')!.paragraphs.map((p) => p.text).join('\n')).not.toMatch(/[\u202A-\u202E]/);
  });

  it('section-headings: one heading per section id and language', () => {
    const problems = problemsAfter((f) => {
      f.write('content/briefings/ar/other.md', readFileSync(`${f.root}/${AR}`, 'utf8').replace(/## (.*) \{#why-it-matters\}/, '## ما أهمية ذلك؟ {#why-it-matters}'));
      f.write('content/briefings/en/other.md', readFileSync(`${f.root}/${EN}`, 'utf8'));
      f.write('content/briefings/ar/third.md', readFileSync(`${f.root}/${AR}`, 'utf8'));
      f.write('content/briefings/en/third.md', readFileSync(`${f.root}/${EN}`, 'utf8'));
    });
    const found = byRule(problems, 'section-headings');
    expect(found.map((p) => p.file)).toEqual(['content/briefings/ar/other.md']);
    expect(found[0]!.message).toBe('section {#why-it-matters} is headed "ما أهمية ذلك؟" here but "لماذا يهم" in the other briefings');
  });
});

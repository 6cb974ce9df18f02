/**
 * The checker (`npm run check`): each editorial rule on a copy of the mini fixture, asserting the
 * rule, file, line and message; all problems in one pass without cascades; messages in an
 * editor's words; output grouped by file and sorted by line; `npm run check -- <id>`; and the
 * editorial guide listing every rule.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { RULES } from '../../src/lib/check/rules/index.ts';
import { loadCorpus } from '../../src/lib/corpus/index.ts';
import { formatProblems, isBlocking, isError, type ContentProblem } from '../../src/lib/problems.ts';
import { copyFixture } from '../helpers/fixture.ts';

type Fixture = ReturnType<typeof copyFixture>;
let fixture: Fixture | undefined;
afterEach(() => fixture?.cleanup());

const EN = 'content/briefings/en/sample.md';
const AR = 'content/briefings/ar/sample.md';
const both = (f: Fixture, fn: (t: string) => string) => [EN, AR].forEach((file) => f.edit(file, fn));
const noEvents = (t: string) => t.replace(/events:\n(?: {2}.*\n)+/, 'events: []\n');

interface Case {
  rule: string;
  change: (f: Fixture) => void;
  file: string;
  line?: number;
  message: RegExp;
  severity?: 'error' | 'warning';
}

const cases: Case[] = [
  { rule: 'counterparts', change: (f) => f.edit(AR, (t) => t.replace('    cite: ["3"]\nevents:', '    cite: ["2"]\nevents:')), file: EN, line: 13, message: /^key point 3 cites \["3"\] here but \["2"\] in the Arabic version \(content\/briefings\/ar\/sample\.md:13\)$/ },
  { rule: 'counterparts', change: (f) => f.edit(AR, (t) => t.replace('topics: [turkey, axios]', 'topics: [turkey]').replaceAll('[[axios]]', 'أكسيوس')), file: EN, line: 6, message: /^topic "axios" is listed here but not in the Arabic version \(content\/briefings\/ar\/sample\.md:6\)$/ },
  { rule: 'briefing-date', change: (f) => f.edit(EN, (t) => t.replace('date: "2025-10-30"', 'date: "2025-10-31"')), file: EN, line: 5, message: /^date "2025-10-31" is not the source's published date, "2025-10-30" \(content\/sources\/sample\.yaml:9\)$/ },
  { rule: 'key-points', change: (f) => both(f, (t) => t.replace(/ {2}- text: .*\n {4}cite: .*\n {2}- text: .*\n {4}cite: .*\nevents:/, 'events:')), file: AR, line: 7, message: /^1 key point; a source's briefing has 3–6$/ },
  { rule: 'sections', change: (f) => both(f, (t) => t.replace('{#why-it-matters}', '{#why}')), file: AR, line: 29, message: /^the sections are summary, why, open-questions; a source's briefing has exactly summary, why-it-matters, open-questions$/ },
  { rule: 'summary-length', change: (f) => f.edit(EN, (t) => t.replace(/\nThe sample report is short\..*\n/, '\n')), file: EN, line: 21, message: /^the summary has 1\d\d words; in English a summary runs 200–400$/ },
  { rule: 'western-digits', change: (f) => f.edit(AR, (t) => t.replace('وأضافت المصادر تاريخًا', 'وأضافت ٥ مصادر تاريخًا')), file: AR, line: 23, message: /^Arabic-Indic digits: "٥"$/ },
  { rule: 'spellings', change: (f) => f.edit(AR, (t) => t.replace('موقع أكسيوس الإخباري الأمريكي', 'موقع أكسيوس الإخباري الأميركي')), file: AR, line: 25, message: /^"الأميركي": we write "أمريك", not "أميرك" \(content\/topics\/axios\.yaml:4\)$/ },
  { rule: 'spellings', change: (f) => f.edit(EN, (t) => t.replace('The report does not say what part Turkey', 'The report does not say what part Türkiye')), file: EN, line: 10, message: /^"Türkiye": we write "Turkey", not "Türkiye" \(content\/topics\/turkey\.yaml:4\)$/ },
  { rule: 'topics-linked', change: (f) => f.edit(EN, (t) => t.replaceAll('[[axios]]', 'Axios')), file: EN, line: 6, message: /^topic "axios" is listed but never linked$/ },
  { rule: 'topic-descriptions', change: (f) => f.edit('content/topics/axios.yaml', (t) => t.replace(/ {2}en: ".*"/, '  en: "A US news site."')), file: 'content/topics/axios.yaml', line: 7, message: /^the English description has 4 words; a description has at least 9$/ },
  { rule: 'topics-used', change: (f) => f.write('content/topics/egypt.yaml', 'kind: country\nname: { ar: "مصر", en: "Egypt" }\ndescription: { ar: "دولة وسيطة في اتفاق وقف إطلاق النار بحسب مصادر عدة.", en: "A mediator of the ceasefire agreement, according to several sources." }\n'), file: 'content/topics/egypt.yaml', line: 1, message: /^no briefing links topic "egypt"/ },
  { rule: 'event-topics', severity: 'warning', change: (f) => f.edit(EN, (t) => t.replace('text: "Resolution 2803 adopted."', 'text: "Resolution 2803 adopted; Turkey welcomes it."')), file: AR, line: 17, message: /^event 1 is filed under topic "turkey" in the English version \(content\/briefings\/en\/sample\.md:17\) but not here: this text neither links it nor uses one of its Arabic names$/ },
  { rule: 'on-timeline', severity: 'warning', change: (f) => both(f, noEvents), file: AR, line: 14, message: /^no events, so source "sample" will not appear on the timeline$/ },
  { rule: 'seeds-described', severity: 'warning', change: (f) => f.write('seeds/extra.txt', 'عنوان\n\nنص.\n'), file: 'seeds/extra.txt', message: /^no source record describes this seed/ },
];

describe('editorial rules', () => {
  it('the mini fixture passes every rule', () => {
    expect(formatProblems(loadCorpus(copyFixture().root).problems)).toBe('');
  });

  it.each(cases)('$rule: $message', ({ rule, change, file, line, message, severity = 'error' }) => {
    fixture = copyFixture();
    change(fixture);
    const { problems } = loadCorpus(fixture.root);
    const found = problems.find((p) => p.rule === rule && message.test(p.message));
    expect(found, formatProblems(problems)).toBeDefined();
    expect(found!.file).toBe(file);
    expect(found!.line).toBe(line);
    expect(found!.severity).toBe(severity);
    expect(found!.fix.length).toBeGreaterThan(10);
  });

  it('a quotation keeps the source\'s spelling', () => {
    fixture = copyFixture();
    fixture.edit(AR, (t) => t.replace('موقع أكسيوس الإخباري الأمريكي', 'موقع أكسيوس «الإخباري الأميركي»'));
    expect(loadCorpus(fixture.root).problems).toEqual([]);
  });

  it('a briefing whose source date is right but whose languages differ names the wrong side only', () => {
    fixture = copyFixture();
    fixture.edit(AR, (t) => t.replace('date: "2025-10-30"', 'date: "2025-10-29"'));
    const { problems } = loadCorpus(fixture.root);
    expect(problems.map((p) => [p.rule, p.file, p.line])).toEqual([['briefing-date', AR, 5]]);
    expect(problems[0]!.fix).toBe('change it to date: "2025-10-30" (the source record decides; if the record is wrong, correct it there first)');
  });

  it('docs/editorial-guide.md lists every rule with its numbers', () => {
    const guide = readFileSync('docs/editorial-guide.md', 'utf8');
    for (const rule of RULES) {
      const row = guide.split('\n').find((l) => l.startsWith(`| \`${rule.id}\``));
      expect(row, `no row for ${rule.id}`).toBeDefined();
      for (const number of rule.summary.match(/\d+(?:–\d+)?/g) ?? []) expect(row, `${rule.id}: ${number}`).toContain(number);
    }
  });
});

describe('all problems in one pass', () => {
  const todos = (problems: ContentProblem[]) => problems.filter((p) => p.message.startsWith('unfinished:')).map((p) => `${p.file}:${p.line}`);

  it('an invalid field in a source record cascades nowhere and hides no TODO', () => {
    fixture = copyFixture();
    fixture.edit('content/sources/sample.en.yaml', (t) => t.replace('"Sample headline"', '"TODO"'));
    fixture.edit(EN, (t) => t.replace('dek: "Sources told', 'dek: "TODO Sources told'));
    const before = loadCorpus(fixture.root).problems;
    fixture.edit('content/sources/sample.yaml', (t) => t.replace('headline: { ar: "عنوان تجريبي", en: "Sample headline" }', 'headline: { ar: "", en: "Sample headline" }'));
    const after = loadCorpus(fixture.root).problems;
    expect(todos(after)).toEqual(todos(before));
    expect(todos(after)).toEqual(['content/briefings/en/sample.md:3', 'content/sources/sample.en.yaml:2']);
    expect(after.filter((p) => !before.includes(p) && !todos([p]).length).map((p) => [p.file, p.line, p.message])).toEqual([['content/sources/sample.yaml', 2, '"headline.ar" is empty']]);
    expect(after.filter((p) => /unknown/.test(p.message))).toEqual([]);
  });

  it('a record that does not parse at all is still known to the files that cite it', () => {
    fixture = copyFixture();
    fixture.edit('content/sources/sample.yaml', (t) => `${t}published: {\n`);
    const { problems } = loadCorpus(fixture.root);
    expect(problems.every((p) => p.file === 'content/sources/sample.yaml'), formatProblems(problems)).toBe(true);
  });
});

describe('drafts', () => {
  it('draft: true in one language makes both a draft: previewed in dev, left out of the build, never blocking', () => {
    fixture = copyFixture();
    fixture.edit(AR, (t) => t.replace('---\ntitle:', '---\ndraft: true\ntitle:').replace('dek: "', 'dek: "TODO '));
    const built = loadCorpus(fixture.root);
    expect(built.corpus.drafts.map((d) => [d.kind, d.id, d.reasons])).toEqual([['briefing', 'sample', ['draft: true (ar)', '1 unfinished TODO']]]);
    expect(built.corpus.briefings.en.map((b) => b.id)).toEqual([]);
    expect(built.problems.filter(isBlocking)).toEqual([]);
    expect(built.problems.map((p) => [p.file, p.line, p.draft])).toEqual([[AR, 4, 'briefing "sample"']]);
    const dev = loadCorpus(fixture.root, { drafts: true }).corpus;
    expect(dev.briefing('ar', 'sample')!.draft).toEqual({ reasons: ['draft: true (ar)', '1 unfinished TODO'], problems: built.problems });
    expect(dev.briefing('en', 'sample')!.draft).toBeDefined();
  });

  it('a draft source takes its own briefing and its topic stances out of the build; a published briefing may not cite it', () => {
    fixture = copyFixture();
    fixture.edit('content/sources/sample.yaml', (t) => `draft: true\n${t}`);
    for (const lang of ['ar', 'en']) fixture.write(`content/briefings/${lang}/overview.md`, readFileSync(`${fixture.root}/content/briefings/${lang}/sample.md`, 'utf8'));
    const { corpus, problems } = loadCorpus(fixture.root);
    expect(corpus.drafts.map((d) => `${d.kind} ${d.id}: ${d.reasons.join(', ')}`)).toEqual(['source sample: draft: true', 'briefing sample: its source "sample" is a draft']);
    expect([...corpus.sources.keys()]).toEqual([]);
    expect(corpus.topics.get('turkey')!.record.stances).toEqual([]);
    const blocking = problems.filter(isBlocking);
    expect(blocking.map((p) => [p.file, p.line])).toEqual([['content/briefings/ar/overview.md', 4], ['content/briefings/en/overview.md', 4]]);
    expect(blocking[0]!.message).toBe('source "sample" is a draft (draft: true), so the build leaves it out and this briefing\'s citations of it would lead nowhere');
  });

  it('a TODO in a topic record is an error: topics are never drafts', () => {
    fixture = copyFixture();
    fixture.edit('content/topics/axios.yaml', (t) => t.replace('en: "A US news site;', 'en: "TODO A US news site;'));
    const { problems } = loadCorpus(fixture.root);
    expect(problems.filter(isBlocking).map((p) => [p.file, p.line, p.message])).toEqual([['content/topics/axios.yaml', 7, 'unfinished: en: "TODO A US news site; the sample source cites unnamed sources who…']]);
  });
});

describe('messages in an editor\'s words', () => {
  const schemaCases: { name: string; change: (t: string) => string; line: number; message: string; fix: RegExp }[] = [
    { name: 'empty title', change: (t) => t.replace('title: "Turkey ready to join"', 'title: ""'), line: 2, message: '"title" is empty', fix: /^write the text between the quotes$/ },
    { name: 'title with no value', change: (t) => t.replace('title: "Turkey ready to join"', 'title:'), line: 2, message: '"title" has no value', fix: /^write the value after "title:"/ },
    { name: 'missing title', change: (t) => t.replace('title: "Turkey ready to join"\n', ''), line: 2, message: '"title" is missing', fix: /^add "title:" with text in double quotes/ },
    { name: 'misspelt event status', change: (t) => t.replace('status: reported', 'status: reportd'), line: 16, message: '"status" of event 1 is "reportd", which is not one of reported, planned, context (did you mean "reported"?)', fix: /^use one of: reported, planned, context$/ },
    { name: 'misspelt field', change: (t) => t.replace('dek:', 'deck:'), line: 3, message: 'unknown field "deck" (did you mean "dek"?)', fix: /^remove it or correct its name; the fields allowed here are draft, title, dek, sources/ },
    { name: 'a list written as text', change: (t) => t.replace('topics: [turkey, axios]', 'topics: turkey'), line: 6, message: '"topics" must be a list, e.g. [a, b], not text', fix: /^write a list/ },
  ];
  it.each(schemaCases)('$name', ({ change, line, message, fix }) => {
    fixture = copyFixture();
    fixture.edit(EN, change);
    const { problems } = loadCorpus(fixture.root);
    const found = problems.filter((p) => p.file === EN && p.line === line && isError(p));
    expect(found.map((p) => p.message), formatProblems(problems)).toContain(message);
    expect(found.find((p) => p.message === message)!.fix).toMatch(fix);
    expect(problems.some((p) => /Invalid input|expected string|Too small/.test(p.message))).toBe(false);
  });

  it.each([
    ['a web address that is not one', 'content/sources/sample.yaml', (t: string) => t.replace('    date: "2025-10-30"\npublished', '    date: "2025-10-30"\n    url: "axios.com/story"\npublished'), 8, '"url" of original outlet 1 "axios.com/story" is not a web address', /^write the full address of the page, starting with https:\/\//],
    ['a citation that is not text or a number', EN, (t: string) => t.replace('cite: ["2"]', 'cite: [true]'), 9, 'citation 1 of key point 1 cannot be true/false', /^write a citation as "5", "5-7" or "source-id:5"$/],
  ] as const)('%s', (_, file, change, line, message, fix) => {
    fixture = copyFixture();
    fixture.edit(file, change);
    const { problems } = loadCorpus(fixture.root);
    const found = problems.find((p) => p.message === message);
    expect(found, formatProblems(problems)).toBeDefined();
    expect([found!.file, found!.line]).toEqual([file, line]);
    expect(found!.fix).toMatch(fix);
  });

  it('the paragraphs hint names the source to look up', () => {
    fixture = copyFixture();
    fixture.edit(EN, (t) => t.replace('cite: ["2"]', 'cite: ["9"]'));
    const problem = loadCorpus(fixture.root).problems.find((p) => /no paragraph 9/.test(p.message));
    expect(problem!.fix).toBe('cite a paragraph that exists: npm run paragraphs -- sample lists them');
  });
});

describe('npm run check', () => {
  const check = (root: string, ...args: string[]) => spawnSync(process.execPath, ['scripts/check-content.mjs', ...args], { env: { ...process.env, BRIEFING_ROOT: root }, encoding: 'utf8' });

  it('groups problems by file, sorted by line; with an id, checks that source and what cites it', () => {
    fixture = copyFixture();
    fixture.edit(EN, (t) => t.replace('status: reported', 'status: reportd').replace('date: "2025-10-30"', 'date: "2025-10-31"'));
    fixture.edit('content/topics/axios.yaml', (t) => `${t}colour: red\n`);
    fixture.write('seeds/extra.txt', 'عنوان\n\nنص.\n');
    const all = check(fixture.root);
    expect(all.status).toBe(1);
    const lines = all.stdout.split('\n');
    const headers = lines.filter((l) => /^\S/.test(l) && !/^\d+ error/.test(l));
    expect(headers).toEqual(['content/briefings/en/sample.md', 'content/topics/axios.yaml', 'seeds/extra.txt']);
    const numbers = lines.slice(1, lines.indexOf('')).map((l) => /^ +(\d+) {2}(?:error|warning)/.exec(l)?.[1]).filter(Boolean).map(Number);
    expect(numbers).toEqual([5, 16]);
    expect(all.stdout).toContain('3 errors and 1 warning in 3 files.');

    const one = check(fixture.root, 'sample');
    expect(one.status).toBe(1);
    expect(one.stdout).toContain('Checking source "sample" and the 3 files that cite it.');
    expect(one.stdout).toContain('content/briefings/en/sample.md');
    expect(one.stdout).not.toContain('axios.yaml');
    expect(one.stdout).not.toContain('seeds/extra.txt');

    const unknown = check(fixture.root, 'sampel');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no source or briefing has the id "sampel" (did you mean "sample"?)');
  }, 60_000);
});

import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/corpus/index.ts';
import { isError } from '../../src/lib/problems.ts';
import { copyFixture, MINI } from '../helpers/fixture.ts';

let fixture: ReturnType<typeof copyFixture> | undefined;
afterEach(() => fixture?.cleanup());

describe('the mini fixture', () => {
  it('loads without problems and cross-links', () => {
    const { corpus, problems } = loadCorpus(MINI);
    expect(problems).toEqual([]);
    expect(corpus!.sources.get('sample')!.paragraphs).toHaveLength(3);
    expect(corpus!.mentioning('en', 'turkey').map((b) => b.id)).toEqual(['sample']);
    expect(corpus!.mentionedIn('en', 'turkey')[0]!.sentences).toEqual(['Turkey is ready to take part, according to sources cited by Axios.', 'According to sources cited by Axios, Ankara is ready to take part.', 'If the sources are right, Turkey would be among the countries ready to contribute to the force.']);
    expect(corpus!.related('axios')).toEqual(['turkey']);
    expect(corpus!.timeline('ar').map((e) => e.date)).toEqual(['2025-11-17']);
  });

  it.each([
    ['en', 'turkey', [{ id: 'sample', title: 'Turkey ready to join', n: 3 }]],
    ['en', 'axios', [{ id: 'sample', title: 'Turkey ready to join', n: 2 }]],
    ['ar', 'no-such-topic', []],
  ] as const)('mentionedIn(%s, %s): what a topic page shows of the briefings linking it', (lang, topic, expected) => {
    const corpus = loadCorpus(MINI).corpus!;
    const got = corpus.mentionedIn(lang, topic);
    expect(got.map((m) => ({ id: m.id, title: m.title, n: m.sentences.length }))).toEqual(expected);
    // Its id, title and citing sentences: nothing else of them.
    for (const m of got) expect(Object.keys(m).sort()).toEqual(['id', 'sentences', 'title']);
    // A topic's feeds: the same briefings, in the same order, the very records.
    expect(corpus.mentioning(lang, topic).map((b) => ({ id: b.id, title: b.data.title }))).toEqual(got.map(({ id, title }) => ({ id, title })));
    corpus.mentioning(lang, topic).forEach((b) => expect(b).toBe(corpus.briefing(lang, b.id)));
  });
});

/** Bad inputs: each must either work or fail with a message naming the file. */
const catalogue: { name: string; file: string; change: (f: NonNullable<typeof fixture>) => void; message: RegExp; line?: number }[] = [
  { name: 'missing translation of a briefing', file: 'content/briefings/en/sample.md', change: (f) => f.remove('content/briefings/ar/sample.md'), message: /no العربية counterpart/ },
  { name: 'unknown topic link in the body', file: 'content/briefings/en/sample.md', change: (f) => f.edit('content/briefings/en/sample.md', (t) => t.replace('[[turkey|Ankara]]', '[[turky|Ankara]]')), message: /unknown topic "turky"/, line: 23 },
  { name: 'unknown topic in frontmatter', file: 'content/briefings/en/sample.md', change: (f) => f.edit('content/briefings/en/sample.md', (t) => t.replace('topics: [turkey, axios]', 'topics: [turkey, axios, egypt]')), message: /unknown topic "egypt"/, line: 6 },
  { name: 'citation to a missing paragraph', file: 'content/briefings/ar/sample.md', change: (f) => f.edit('content/briefings/ar/sample.md', (t) => t.replace('[@3]', '[@30]')), message: /there is no paragraph 30/, line: 23 },
  { name: 'key point citing a missing paragraph', file: 'content/briefings/en/sample.md', change: (f) => f.edit('content/briefings/en/sample.md', (t) => t.replace('cite: ["2"]', 'cite: ["9"]')), message: /no paragraph 9/, line: 9 },
  { name: 'malformed YAML frontmatter', file: 'content/briefings/en/sample.md', change: (f) => f.edit('content/briefings/en/sample.md', (t) => t.replace('dek: "Sources', 'dek: "Sources: "broken')), message: /frontmatter YAML/, line: 3 },
  { name: 'impossible date', file: 'content/briefings/en/sample.md', change: (f) => f.edit('content/briefings/en/sample.md', (t) => t.replace('date: "2025-11-17"', 'date: "2025-02-30"')), message: /not a calendar day/, line: 15 },
  { name: 'empty body', file: 'content/briefings/en/sample.md', change: (f) => f.edit('content/briefings/en/sample.md', (t) => t.slice(0, t.indexOf('## Summary'))), message: /no body/ },
  { name: 'topic without an Arabic name', file: 'content/topics/turkey.yaml', change: (f) => f.edit('content/topics/turkey.yaml', (t) => t.replace('name: { ar: "تركيا", en: "Turkey" }', 'name: { en: "Turkey" }')), message: /"name\.ar"/, line: 2 },
  { name: 'raw <script> in Markdown', file: 'content/briefings/en/sample.md', change: (f) => f.edit('content/briefings/en/sample.md', (t) => `${t}\n<script>alert(1)</script>\n`), message: /raw HTML/ },
  { name: 'javascript: link in Markdown', file: 'content/briefings/en/sample.md', change: (f) => f.edit('content/briefings/en/sample.md', (t) => `${t}\n[click](javascript:alert(1))\n`), message: /unsafe scheme/ },
  { name: 'seed that is not UTF-8', file: 'seeds/sample.txt', change: (f) => f.write('seeds/sample.txt', Buffer.from([0xc7, 0xe1, 0xd9, 0xd1, 0xc8, 0xed, 0xc9, 0x0a])), message: /not valid UTF-8/ },
  { name: 'seed that does not exist', file: 'content/sources/sample.yaml', change: (f) => f.remove('seeds/sample.txt'), message: /seed file seeds\/sample\.txt does not exist/ },
  { name: 'translation that does not exist', file: 'content/sources/sample.en.yaml', change: (f) => f.remove('content/sources/sample.en.yaml'), message: /English translation is missing/ },
  { name: 'empty seed', file: 'seeds/sample.txt', change: (f) => f.write('seeds/sample.txt', '\n  \n'), message: /seed is empty/ },
  { name: 'topic id that is not a slug', file: 'content/topics/Egypt.yaml', change: (f) => f.write('content/topics/Egypt.yaml', 'kind: country\nname: { ar: "مصر", en: "Egypt" }\ndescription: { ar: "نص", en: "Text" }\n'), message: /not a valid id/ },
  { name: 'a translation missing a paragraph', file: 'content/sources/sample.en.yaml', change: (f) => f.edit('content/sources/sample.en.yaml', (t) => t.replace(/\n {2}3:.*$/m, '')), message: /no translation for paragraph\(s\) 3/ },
  { name: 'key points differ between languages', file: 'content/briefings/en/sample.md', change: (f) => f.edit('content/briefings/ar/sample.md', (t) => t.replace('cite: ["2"]', 'cite: ["1"]')), message: /key point 1 cites \["2"\] here but \["1"\] in the Arabic version \(content\/briefings\/ar\/sample\.md:9\)/, line: 9 },
  { name: 'image without alt text', file: 'content/briefings/en/sample.md', change: (f) => { f.write('content/images/map.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'); f.edit('content/briefings/en/sample.md', (t) => `${t}\n![](images/map.svg)\n`); }, message: /no alt text/, line: 37 },
  { name: 'image that does not exist', file: 'content/briefings/en/sample.md', change: (f) => f.edit('content/briefings/en/sample.md', (t) => `${t}\n![A map](images/nothing.png)\n`), message: /does not exist/, line: 37 },
  { name: 'duplicate id: a second record for the same seed', file: 'content/sources/sample.yaml', change: (f) => f.write('content/sources/sample-copy.yaml', readFileSync(`${f.root}/content/sources/sample.yaml`, 'utf8')), message: /already described by content\/sources\/sample-copy\.yaml/, line: 1 },
  { name: 'duplicate key in YAML', file: 'content/topics/axios.yaml', change: (f) => f.edit('content/topics/axios.yaml', (t) => `${t}kind: outlet\n`), message: /YAML syntax: Map keys must be unique/, line: 8 },
  { name: 'duplicate heading id in a body', file: 'content/briefings/en/sample.md', change: (f) => f.edit('content/briefings/en/sample.md', (t) => `${t}\n## Again {#summary}\n\nText.\n`), message: /heading id "summary" is used twice/, line: 37 },
  { name: 'topic context without a link to where it comes from', file: 'content/topics/turkey.yaml', change: (f) => f.edit('content/topics/turkey.yaml', (t) => t.replace('related: [axios]', 'context:\n  ar: "من خارج المصادر."\n  en: "From outside the sources."\nrelated: [axios]')), message: /context note does not say where its information comes from/, line: 7 },
  { name: 'unknown field', file: 'content/topics/axios.yaml', change: (f) => f.edit('content/topics/axios.yaml', (t) => `${t}colour: red\n`), message: /unknown field "colour"/, line: 8 },
];

describe('topic context from outside the sources', () => {
  it('is a labelled context note under the description, with its link, in both languages', () => {
    fixture = copyFixture();
    fixture.edit('content/topics/turkey.yaml', (t) => t.replace('related: [axios]', 'context:\n  ar: "من بحث المحررين: [المصدر](https://example.org/ar) عن [[axios]]."\n  en: "From the editors\' research: [the source](https://example.org/en) on [[axios]]."\nrelated: [axios]'));
    const { corpus, problems } = loadCorpus(fixture.root);
    expect(problems.filter(isError)).toEqual([]);
    const html = corpus!.topics.get('turkey')!.contextHtml!;
    expect(html.en).toMatch(/^<aside class="context-note" role="note">\s*<p class="context-note__label">[^<]+<\/p>/);
    expect(html.en).toContain('href="https://example.org/en"');
    expect(html.en).toContain('href="/en/topics/axios/"');
    expect(html.ar).toContain('href="https://example.org/ar"');
    expect(corpus!.topics.get('axios')!.contextHtml).toBeUndefined();
  });
});

describe('bad content', () => {
  it.each(catalogue)('$name → names $file', ({ file, change, message, line }) => {
    fixture = copyFixture();
    change(fixture);
    const { problems } = loadCorpus(fixture.root);
    const problem = problems.find((p) => message.test(p.message));
    expect(problem, JSON.stringify(problems, null, 2)).toBeDefined();
    expect(problem!.file).toBe(file);
    if (line !== undefined) expect(problem!.line).toBe(line);
    expect(isError(problem!)).toBe(true);
    expect(problem!.fix.length).toBeGreaterThan(10);
  });

  it('a seed with BOM and CRLF line ends works and keeps the numbering', () => {
    fixture = copyFixture();
    fixture.write('seeds/sample.txt', '\uFEFFعنوان تجريبي\r\n\r\nقالت مصادر لموقع Axios إن تركيا مستعدة للمشاركة في القوة.\r\n   \r\nوأضافت المصادر أن القرار 2803 صدر في 2025-11-17.\r\n');
    const { corpus, problems } = loadCorpus(fixture.root);
    expect(problems).toEqual([]);
    expect(corpus!.sources.get('sample')!.paragraphs.map((p) => p.text)).toEqual(loadCorpus(MINI).corpus!.sources.get('sample')!.paragraphs.map((p) => p.text));
  });

  it('reports every problem at once', () => {
    fixture = copyFixture();
    fixture.edit('content/briefings/en/sample.md', (t) => t.replace('[@3]', '[@30]').replace('[[turkey|Ankara]]', '[[turky]]'));
    fixture.edit('content/topics/axios.yaml', (t) => `${t}colour: red\n`);
    expect(loadCorpus(fixture.root).problems.length).toBeGreaterThanOrEqual(3);
  });
});

describe('npm run new', () => {
  it('creates the source record and both briefing stubs, lists the paragraphs, and refuses to overwrite', { timeout: 60_000 }, async () => {
    const { spawnSync } = await import('node:child_process');
    const { existsSync, readFileSync } = await import('node:fs');
    fixture = copyFixture();
    fixture.write('seeds/extra.txt', 'عنوان الخبر الجديد\n\nالفقرة الأولى من الخبر.\n');
    const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/new-source.mjs', 'seeds/extra.txt', ...args], { env: { ...process.env, BRIEFING_ROOT: fixture!.root }, encoding: 'utf8' });
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    for (const f of ['content/sources/extra.yaml', 'content/sources/extra.en.yaml', 'content/briefings/ar/extra.md', 'content/briefings/en/extra.md']) expect(existsSync(`${fixture.root}/${f}`)).toBe(true);
    const ar = readFileSync(`${fixture.root}/content/briefings/ar/extra.md`, 'utf8');
    expect(ar).toContain('title: "عنوان الخبر الجديد"');
    expect(ar).toContain('¶2  الفقرة الأولى من الخبر.');
    const second = run();
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('seeds/extra.txt is already described by content/sources/extra.yaml');
    fixture.write('seeds/extra-copy.txt', 'عنوان\n\nنص.\n');
    const third = spawnSync(process.execPath, ['scripts/new-source.mjs', 'seeds/extra-copy.txt', '--id', 'extra'], { env: { ...process.env, BRIEFING_ROOT: fixture.root }, encoding: 'utf8' });
    expect(third.status).toBe(1);
    expect(third.stderr).toContain('Refusing to overwrite');
    // The stubs are flagged until every TODO is filled in.
    const problems = loadCorpus(fixture.root).problems;
    expect(problems.some((p) => p.file === 'content/briefings/en/extra.md' && /TODO/.test(p.message))).toBe(true);
  });
});

/**
 * The corpus's parse cache (src/lib/corpus/parse-cache.ts): a YAML text's snapshot, saved as JSON
 * and read back, answers exactly as parsing the text does (data, errors, the line of any path),
 * and a corpus loaded from a warm cache has the same content and the same problems, with the
 * same lines, as one loaded without it, errors of unchanged files included.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/corpus/index.ts';
import { cachedContentRevision, cachedYamlSource, saveParseCache, startParseCache } from '../../src/lib/corpus/parse-cache.ts';
import { contentRevision } from '../../src/lib/editorial/alignment.ts';
import { parseYamlSource, yamlSnapshot, yamlSourceOf } from '../../src/lib/yaml-source.ts';
import { copyFixture } from '../helpers/fixture.ts';

const work = mkdtempSync(join(tmpdir(), 'briefings-parse-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every path into `data`, each with variants yaml's getIn treats its own way. */
function pathsOf(data: unknown, prefix: PropertyKey[] = []): PropertyKey[][] {
  const out: PropertyKey[][] = [prefix];
  if (Array.isArray(data)) data.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i]), [...prefix, String(i)]));
  else if (data && typeof data === 'object') for (const [k, v] of Object.entries(data)) out.push(...pathsOf(v, [...prefix, k]), [...prefix, k, 'missing', 0]);
  return out;
}

const extraPaths: PropertyKey[][] = [[], ['missing'], [0], ['0'], ['-1'], [1.5], [''], [Symbol('s')], ['a', 0, 'b'], ['list', 99], ['list', '1'], ['1'], [1], [true as unknown as string], ['null'], ['a', 'b', 'c', 'd']];

const texts: [name: string, text: string, firstLine: number][] = [
  ['briefing frontmatter', 'title: "A title"\ndek: Sources say\nsources: [a, b]\ntopics:\n  - turkey\n  - axios\nkeyPoints:\n  - text: "One"\n    cite: ["2"]\n  - text: Two\n    cite: []\n', 2],
  ['nested maps and lists', 'a:\n  b:\n    c: 1\n    d: [x, {e: f}]\nlist:\n  - 1\n  - two\n  - [3, 4]\n', 1],
  ['numeric, boolean and null keys', '1: one\ntrue: yes\nnull: nothing\n"1": string one\n', 1],
  ['empty values', 'title:\nlist:\n  -\n  - ""\nmap: {}\nseq: []\n', 5],
  ['duplicate keys (an error; the first pair is the one looked up)', 'a: 1\nb: 2\na: 3\n', 2],
  ['a syntax error', 'title: "unclosed\nnext: value\n', 2],
  ['a bad indent', 'a:\n  b: 1\n c: 2\n', 1],
  ['anchors and aliases', 'base: &b\n  x: 1\ncopy: *b\nlist: [*b, 2]\n', 1],
  ['a scalar document', 'just text\n', 3],
  ['an empty document', '', 2],
  ['only a comment', '# nothing here\n', 1],
  ['a top-level list', '- a\n- b: c\n- [d]\n', 1],
  ['block scalars and comments', 'text: |\n  line one\n  line two\n# comment\nafter: >\n  folded\n  text\n', 2],
  ['a flow pair in a list', 'list: [a: 1, b]\n', 1],
  ['complex keys', '? [a, b]\n: value\nplain: 1\n', 1],
  ['Arabic text', 'title: "قوة الاستقرار"\naliases: [أمريكيون, أميركيون]\n', 2],
];

describe('YAML snapshots', () => {
  for (const [name, text, firstLine] of texts) {
    it(`answer as parsing does: ${name}`, () => {
      const fresh = parseYamlSource(text, firstLine);
      const snapshot = yamlSnapshot(text, firstLine);
      // Every case above is one JSON keeps exactly.
      expect(snapshot).toBeDefined();
      const restored = yamlSourceOf(JSON.parse(JSON.stringify(snapshot)));
      expect(restored.data).toEqual(fresh.data);
      expect(restored.errors).toEqual(fresh.errors);
      for (const path of [...pathsOf(fresh.data), ...extraPaths]) {
        expect(restored.lineOf(path), `lineOf ${String(path.map(String))}`).toBe(fresh.lineOf(path));
        expect(restored.keyLineOf(path), `keyLineOf ${String(path.map(String))}`).toBe(fresh.keyLineOf(path));
      }
    });
  }

  const notJson: [string, string][] = [
    ['an infinite number', 'x: .inf\n'],
    ['not a number', 'x: .nan\n'],
    ['minus zero', 'x: -0\n'],
    ['an infinite key', '.inf: x\n'],
  ];
  for (const [name, text] of notJson) {
    it(`are not made where JSON would change the value: ${name}`, () => {
      expect(yamlSnapshot(text)).toBeUndefined();
    });
  }

  it('give each caller its own data', () => {
    const snapshot = yamlSnapshot('list: [1, 2]\n')!;
    (yamlSourceOf(snapshot).data as { list: number[] }).list.push(3);
    expect(yamlSourceOf(snapshot).data).toEqual({ list: [1, 2] });
  });

  it('handed over (just parsed from JSON), give its own data as is, with the same answers', () => {
    const text = 'list: [1, 2]\nmap: {a: b}\n';
    const handed = JSON.parse(JSON.stringify(yamlSnapshot(text, 2)));
    const source = yamlSourceOf(handed, true);
    expect(source.data).toBe(handed.data);
    expect(source.data).toEqual(parseYamlSource(text, 2).data);
    expect(source.lineOf(['map', 'a'])).toBe(parseYamlSource(text, 2).lineOf(['map', 'a']));
  });
});

describe('the parse cache', () => {
  let fixture: ReturnType<typeof copyFixture> | undefined;
  afterEach(() => {
    fixture?.cleanup();
    fixture = undefined;
    // Off again (saving turns it off) for the other tests in this process.
    saveParseCache();
  });

  it('gives each caller from the cache its own data', () => {
    startParseCache(join(work, 'own.json'));
    const text = 'list: [1, 2]\n';
    cachedYamlSource(text);
    saveParseCache();
    startParseCache(join(work, 'own.json'));
    const first = cachedYamlSource(text);
    (first.data as { list: number[] }).list.push(3);
    expect(cachedYamlSource(text).data).toEqual({ list: [1, 2] });
    expect(saveParseCache()).toEqual({ hits: 2, total: 2 });
  });

  it('serves the same results, from the cache the second time', () => {
    const file = join(work, 'same.json');
    startParseCache(file);
    const text = 'title: Hi\nlist: [a]\n';
    const md = '---\ntitle: "x"\n---\nBody\n';
    expect(cachedYamlSource(text, 2).lineOf(['list', 0])).toBe(3);
    expect(cachedContentRevision(md)).toBe(contentRevision(md));
    expect(saveParseCache()).toEqual({ hits: 0, total: 1 });
    startParseCache(file);
    expect(cachedYamlSource(text, 2).lineOf(['list', 0])).toBe(3);
    // The same text starting on another line is another entry.
    expect(cachedYamlSource(text, 5).lineOf(['list', 0])).toBe(6);
    expect(cachedContentRevision(md)).toBe(contentRevision(md));
    expect(saveParseCache()).toEqual({ hits: 1, total: 2 });
  });

  it('loads the same corpus, with the same problems and lines, as a load without it', () => {
    fixture = copyFixture();
    const plain = loadCorpus(fixture.root);
    const file = join(work, 'corpus.json');
    startParseCache(file);
    loadCorpus(fixture.root);
    saveParseCache();
    startParseCache(file);
    const warm = loadCorpus(fixture.root);
    const counts = saveParseCache()!;
    expect(counts.hits).toBe(counts.total);
    expect(counts.total).toBeGreaterThan(5);
    expect(warm.problems).toEqual(plain.problems);
    expect(JSON.stringify(warm.corpus.briefings)).toBe(JSON.stringify(plain.corpus.briefings));
    expect(JSON.stringify([...warm.corpus.sources])).toBe(JSON.stringify([...plain.corpus.sources]));
    expect(JSON.stringify([...warm.corpus.topics])).toBe(JSON.stringify([...plain.corpus.topics]));

    // An error in a file the cache holds unchanged (the briefing names a topic that is gone)
    // is still reported, on its line.
    fixture.remove('content/topics/turkey.yaml');
    const expected = loadCorpus(fixture.root).problems;
    startParseCache(file);
    const cached = loadCorpus(fixture.root).problems;
    expect(saveParseCache()!.hits).toBeGreaterThan(0);
    expect(cached).toEqual(expected);
    expect(cached).toContainEqual(expect.objectContaining({ file: 'content/briefings/en/sample.md', line: 6, message: expect.stringMatching(/unknown topic "turkey"/) }));
  });

  it('starts empty for another version of the code', () => {
    const file = join(work, 'version.json');
    startParseCache(file);
    cachedYamlSource('a: 1\n');
    saveParseCache();
    // The index's first line names the code version that wrote the entries.
    const [header, ...entries] = readFileSync(`${file}.index`, 'utf8').split('\n');
    expect(entries.length).toBeGreaterThan(0);
    writeFileSync(`${file}.index`, [header!.replace(/^cache \S+/, 'cache another'), ...entries].join('\n'));
    startParseCache(file);
    cachedYamlSource('a: 1\n');
    expect(saveParseCache()).toEqual({ hits: 0, total: 1 });
  });
});

/**
 * Hard links for outputs taken from a build cache and whole-file replacement (src/lib/link-files.ts),
 * versioned cache files (src/lib/json-cache.ts) and file identities (src/lib/file-identity.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileIdentity } from '../../src/lib/file-identity.ts';
import { readJsonCache, writeJsonCache } from '../../src/lib/json-cache.ts';
import { linkOrCopy, linkReplacing, linkTree, writeFileReplacing } from '../../src/lib/link-files.ts';

const work = mkdtempSync(join(tmpdir(), 'briefings-link-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('linkOrCopy and linkTree', () => {
  it('link a file: the same file under two names', () => {
    const from = join(work, 'a.txt');
    writeFileSync(from, 'card');
    linkOrCopy(from, join(work, 'b.txt'));
    expect(statSync(join(work, 'b.txt')).ino).toBe(statSync(from).ino);
    expect(fileIdentity(join(work, 'b.txt'))).toBe(fileIdentity(from));
  });

  it('never write through an existing name', () => {
    const from = join(work, 'c.txt');
    const to = join(work, 'd.txt');
    writeFileSync(from, 'new');
    writeFileSync(to, 'old');
    expect(() => linkOrCopy(from, to)).toThrow(/EEXIST/);
    expect(readFileSync(to, 'utf8')).toBe('old');
  });

  it('link a folder tree, every file, and count them', () => {
    const from = join(work, 'tree');
    for (const [file, text] of [['x.json', '1'], ['fragment/a.pf', '2'], ['fragment/b.pf', '3'], ['index/deep/c.pf', '4']] as const) {
      mkdirSync(join(from, file, '..'), { recursive: true });
      writeFileSync(join(from, file), text);
    }
    expect(linkTree(from, join(work, 'copy'))).toBe(4);
    for (const file of ['x.json', 'fragment/a.pf', 'fragment/b.pf', 'index/deep/c.pf']) expect(statSync(join(work, 'copy', file)).ino).toBe(statSync(join(from, file)).ino);
  });
});

describe('linkReplacing', () => {
  it('makes an existing name a link to another file without writing the old file', () => {
    const page = join(work, 'page.html');
    const copy = join(work, 'copy.html');
    const other = join(work, 'other.html');
    writeFileSync(page, 'same');
    writeFileSync(copy, 'same');
    linkOrCopy(copy, other);
    expect(linkReplacing(page, copy)).toBe(true);
    expect(statSync(copy).ino).toBe(statSync(page).ino);
    expect(readFileSync(other, 'utf8')).toBe('same');
    expect(statSync(other).ino).not.toBe(statSync(page).ino);
    expect(() => statSync(`${copy}.link`)).toThrow(/ENOENT/);
  });

  it('false, and nothing changed, when the file to link is missing', () => {
    const copy = join(work, 'kept.html');
    writeFileSync(copy, 'kept');
    expect(linkReplacing(join(work, 'missing.html'), copy)).toBe(false);
    expect(readFileSync(copy, 'utf8')).toBe('kept');
    expect(() => statSync(`${copy}.link`)).toThrow(/ENOENT/);
  });
});

describe('writeFileReplacing', () => {
  it('replaces a linked file with a new one: the other name keeps the old text', () => {
    const cached = join(work, 'cached.json');
    const live = join(work, 'live.json');
    writeFileSync(cached, 'old');
    linkOrCopy(cached, live);
    writeFileReplacing(live, 'new');
    expect(readFileSync(live, 'utf8')).toBe('new');
    expect(readFileSync(cached, 'utf8')).toBe('old');
    expect(statSync(live).ino).not.toBe(statSync(cached).ino);
  });

  it('creates missing folders, takes bytes, and leaves no temporary file', () => {
    const file = join(work, 'new-folder', 'deep', 'card.png');
    writeFileReplacing(file, new Uint8Array([137, 80, 78, 71]));
    expect([...readFileSync(file)]).toEqual([137, 80, 78, 71]);
    expect(() => statSync(`${file}.tmp`)).toThrow(/ENOENT/);
  });
});

describe('readJsonCache and writeJsonCache', () => {
  const file = join(work, 'cache', 'entries.json');
  const cases: { name: string; content?: string; version: string | number; expected: unknown }[] = [
    { name: 'the same version', content: JSON.stringify({ version: 'v1', pages: { a: 1 } }), version: 'v1', expected: { version: 'v1', pages: { a: 1 } } },
    { name: 'a numeric version', content: JSON.stringify({ version: 1, files: {} }), version: 1, expected: { version: 1, files: {} } },
    { name: 'another version', content: JSON.stringify({ version: 'v0', pages: { a: 1 } }), version: 'v1', expected: undefined },
    { name: 'a number against the same digits as text', content: JSON.stringify({ version: 1 }), version: '1', expected: undefined },
    { name: 'no version', content: JSON.stringify({ pages: {} }), version: 'v1', expected: undefined },
    { name: 'not an object', content: '"v1"', version: 'v1', expected: undefined },
    { name: 'null', content: 'null', version: 'v1', expected: undefined },
    { name: 'half a file (a stopped writer)', content: '{"version":"v1","pa', version: 'v1', expected: undefined },
    { name: 'no file', version: 'v1', expected: undefined },
  ];
  it.each(cases)('read: $name', ({ content, version, expected }) => {
    rmSync(file, { force: true });
    if (content !== undefined) writeFileReplacing(file, content);
    expect(readJsonCache(file, version)).toEqual(expected);
  });

  it('write then read gives the data back with its version', () => {
    writeJsonCache(file, 'v2', { docs: { '/en/': { key: 'k' } } });
    expect(readJsonCache(file, 'v2')).toEqual({ version: 'v2', docs: { '/en/': { key: 'k' } } });
    expect(readJsonCache(file, 'v3')).toBeUndefined();
  });
});

describe('fileIdentity', () => {
  it('changes when a file is replaced, even by the same bytes', () => {
    const file = join(work, 'page.html');
    writeFileSync(file, '<p>one</p>');
    const before = fileIdentity(file);
    expect(fileIdentity(file)).toBe(before);
    writeFileSync(`${file}.tmp`, '<p>one</p>');
    renameSync(`${file}.tmp`, file);
    expect(fileIdentity(file)).not.toBe(before);
  });
});

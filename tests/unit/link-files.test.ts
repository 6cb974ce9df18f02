/** Hard links for outputs taken from a build cache (src/lib/link-files.ts) and file identities (src/lib/file-identity.ts). */
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileIdentity } from '../../src/lib/file-identity.ts';
import { linkOrCopy, linkTree } from '../../src/lib/link-files.ts';

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

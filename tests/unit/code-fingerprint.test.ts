/**
 * The build cache's code hashes (src/lib/code-fingerprint.ts): any edit, addition, removal or
 * rename of a file they cover changes them; files they leave out, and the order the file system
 * lists a folder in, do not.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCodeFingerprint, codeFingerprint, hashTree } from '../../src/lib/code-fingerprint.ts';

const work = mkdtempSync(join(tmpdir(), 'briefings-code-fingerprint-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const BASE: Record<string, string> = {
  'src/lib/a.ts': 'export const a = 1;\n',
  'src/lib/b.ts': 'export const b = 2;\n',
  'src/styles/site.css': 'body { margin: 0 }\n',
  'astro.config.mjs': 'export default {};\n',
  'package-lock.json': '{"lockfileVersion":3}\n',
  'README.md': '# not code\n',
};

let made = 0;
/** A project folder holding `files` (path → text), written in the order given. */
function project(files: Record<string, string>): string {
  const root = join(work, `p${made++}`);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const without = (name: string) => Object.fromEntries(Object.entries(BASE).filter(([path]) => path !== name));
const tsOnly = (root: string) => hashTree(createHash('sha256'), join(root, 'src'), 'src', (file) => file.endsWith('.ts')).digest('hex');

describe('codeFingerprint', () => {
  const base = codeFingerprint(project(BASE));

  it.each([
    ['a module edited', { ...BASE, 'src/lib/a.ts': 'export const a = 3;\n' }],
    ['a stylesheet edited', { ...BASE, 'src/styles/site.css': 'body { margin: 1px }\n' }],
    ['a module added', { ...BASE, 'src/lib/c.ts': '' }],
    ['a module removed', without('src/lib/b.ts')],
    ['the Astro config edited', { ...BASE, 'astro.config.mjs': 'export default { base: "/x/" };\n' }],
    ['the lock file edited (a dependency moved)', { ...BASE, 'package-lock.json': '{"lockfileVersion":3,"x":1}\n' }],
    ['the lock file gone', without('package-lock.json')],
  ])('changes with %s', (_, files) => {
    expect(codeFingerprint(project(files))).not.toBe(base);
  });

  it.each([
    ['a file outside src/, the config and the lock file', { ...BASE, 'README.md': '# edited\n' }],
    ['the same files written in another order', Object.fromEntries(Object.entries(BASE).reverse())],
  ])('stays the same with %s', (_, files) => {
    expect(codeFingerprint(project(files))).toBe(base);
  });

  it('changes when a file moves with its bytes unchanged', () => {
    const root = project(BASE);
    renameSync(join(root, 'src/lib/b.ts'), join(root, 'src/lib/c.ts'));
    expect(codeFingerprint(root)).not.toBe(base);
  });

  it('moves no bytes between names: "ab" + "c" is not "a" + "bc"', () => {
    const one = project({ 'src/x': 'ab', 'src/y': 'c' });
    const two = project({ 'src/x': 'a', 'src/y': 'bc' });
    expect(codeFingerprint(one)).not.toBe(codeFingerprint(two));
  });
});

describe('hashTree with a filter (the render cache: modules only)', () => {
  const base = tsOnly(project(BASE));

  it.each([
    ['a module edited', { ...BASE, 'src/lib/a.ts': 'export const a = 3;\n' }, false],
    ['a module added', { ...BASE, 'src/lib/c.ts': '' }, false],
    ['a stylesheet edited', { ...BASE, 'src/styles/site.css': 'body { margin: 1px }\n' }, true],
    ['the Astro config edited', { ...BASE, 'astro.config.mjs': 'export default { base: "/x/" };\n' }, true],
  ])('%s: same hash %s', (_, files, same) => {
    expect(tsOnly(project(files)) === base).toBe(same);
  });
});

describe('buildCodeFingerprint', () => {
  it('walks a root once per process: the first walk holds for the rest of the build', () => {
    const root = project(BASE);
    const first = buildCodeFingerprint(root);
    expect(first).toBe(codeFingerprint(root));
    writeFileSync(join(root, 'src/lib/a.ts'), 'export const a = 4;\n');
    expect(buildCodeFingerprint(root)).toBe(first);
    expect(codeFingerprint(root)).not.toBe(first);
  });
});

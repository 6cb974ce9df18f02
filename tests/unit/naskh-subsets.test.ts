import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARABIC_RANGE, NASKH_SUBSETS, codePoints } from '../../src/lib/fonts/naskh-subsets.ts';
import { cutNaskhSubsets } from '../../scripts/lib/naskh-fonts.mjs';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(md|ya?ml|txt|json|ts)$/.test(name) ? [path] : [];
  });

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

describe('Noto Naskh Arabic subsets', () => {
  it.each([
    [['U+00D7'], [0xd7]],
    [['U+0660-0663'], [0x660, 0x661, 0x662, 0x663]],
    [['u+200c-200d', 'U+060C'], [0x200c, 0x200d, 0x60c]],
  ])('codePoints(%j)', (ranges, expected) => {
    expect(codePoints(ranges)).toEqual(expected);
  });

  it('refuses a malformed range', () => {
    expect(() => codePoints(['0600-06FF'])).toThrow(/not a unicode-range/);
  });

  it('serves the files `npm run fonts` cuts from @fontsource (run it and commit them if this fails)', async () => {
    const cut: { file: string; bytes: Uint8Array }[] = await cutNaskhSubsets();
    expect(cut.map((c) => c.file)).toEqual(NASKH_SUBSETS.map((s) => s.file));
    for (const { file, bytes } of cut) expect(Buffer.compare(readFileSync(file), Buffer.from(bytes)), file).toBe(0);
  });

  it('covers every Arabic-script character of the content, the seeds and the UI strings', () => {
    const covered = new Set(codePoints(ARABIC_RANGE));
    const outside: string[] = [];
    for (const file of [...files('content'), ...files('seeds'), ...files('src/i18n')]) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        for (const [ch] of line.matchAll(/\p{Script_Extensions=Arabic}/gu)) {
          const cp = ch.codePointAt(0)!;
          if (!covered.has(cp)) outside.push(`${file}:${i + 1}: ${hex(cp)} «${ch}» is not in Naskh's Arabic subset and would show in a system font. Write the Arabic-language letter, or add ${hex(cp)} to ARABIC_RANGE in src/lib/fonts/naskh-subsets.ts and run \`npm run fonts\`.`);
        }
      });
    }
    expect(outside).toEqual([]);
  });
});

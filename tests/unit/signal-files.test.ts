/**
 * The files between scripts/build.mjs and the page build (src/lib/signal-files.ts): read as the
 * fields a reader checks, or as saying nothing (undefined), never an error, whatever text is
 * there; written whole, so a reader sees the last whole file.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isBoolean, isWholeNumber, readSignal, signalText, writeSignal, type SignalShape } from '../../src/lib/signal-files.ts';

const work = mkdtempSync(join(tmpdir(), 'briefings-signal-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const count: SignalShape<{ pages: number; rendered: number }> = { pages: isWholeNumber, rendered: isWholeNumber };

describe('readSignal', () => {
  it.each([
    ['good JSON', '{"pages":62,"rendered":70}', { pages: 62, rendered: 70 }],
    ['zero', '{"pages":0,"rendered":0}', { pages: 0, rendered: 0 }],
    ['good JSON, spaced', '{ "rendered": 70,\n "pages": 62 }\n', { pages: 62, rendered: 70 }],
    ['extra fields, dropped', '{"pages":62,"rendered":70,"waitedMs":8100,"by":"a later page build"}', { pages: 62, rendered: 70 }],
    ['no file', undefined, undefined],
    ['an empty file', '', undefined],
    ['torn: cut mid-object', '{"pages":62,"rend', undefined],
    ['torn: cut mid-number', '{"pages":6', undefined],
    ['not JSON', 'yes', undefined],
    ['a field missing', '{"pages":62}', undefined],
    ['a field null', '{"pages":62,"rendered":null}', undefined],
    ['a number as a string', '{"pages":"62","rendered":70}', undefined],
    ['negative', '{"pages":-1,"rendered":70}', undefined],
    ['not whole', '{"pages":1.5,"rendered":70}', undefined],
    ['a boolean', '{"pages":true,"rendered":70}', undefined],
    ['null', 'null', undefined],
    ['a number', '62', undefined],
    ['a string', '"pages"', undefined],
    ['an array', '[62,70]', undefined],
    ['inherited, not its own', '{"__proto__":{"pages":62,"rendered":70}}', undefined],
  ])('%s', (_, text, read) => expect(readSignal(text, count)).toEqual(read));

  it.each([
    ['true', '{"fromCache":true}', { fromCache: true }],
    ['false', '{"fromCache":false}', { fromCache: false }],
    ['a string', '{"fromCache":"true"}', undefined],
    ['a number', '{"fromCache":1}', undefined],
  ])('a boolean field: %s', (_, text, read) => expect(readSignal(text, { fromCache: isBoolean })).toEqual(read));
});

describe('signalText and writeSignal', () => {
  it('no file: undefined', () => expect(signalText(join(work, 'none'))).toBeUndefined());

  it('written whole, replacing the last, with no temporary file left', () => {
    const file = join(work, 'render-count');
    writeSignal(file, { pages: 1, rendered: 1 });
    writeSignal(file, { pages: 62, rendered: 70 });
    expect(readFileSync(file, 'utf8')).toBe('{"pages":62,"rendered":70}');
    expect(readSignal(signalText(file), count)).toEqual({ pages: 62, rendered: 70 });
    expect(readdirSync(work)).toEqual(['render-count']);
  });
});

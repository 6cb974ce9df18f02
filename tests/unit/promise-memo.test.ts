import { describe, expect, it } from 'vitest';
import { promiseMemo } from '../../src/lib/search/promise-memo.ts';

/** A lookup that counts its calls per key and fails for keys starting with "!" (once each, unless `always`). */
function counted(always = false) {
  const calls = new Map<string, number>();
  const lookup = async (key: string) => {
    const n = (calls.get(key) ?? 0) + 1;
    calls.set(key, n);
    if (key.startsWith('!') && (always || n === 1)) throw new Error(`failed ${key}`);
    return `${key}#${n}`;
  };
  return { calls, lookup };
}

describe('promiseMemo: one lookup a key while kept', () => {
  it.each([
    ['the same key twice: one lookup, the same answer', ['a', 'a'], { a: 1 }, ['a#1', 'a#1']],
    ['two keys: one lookup each', ['a', 'b', 'a'], { a: 1, b: 1 }, ['a#1', 'b#1', 'a#1']],
    ['past the limit (3), all forgotten together', ['a', 'b', 'c', 'd', 'a'], { a: 2, b: 1, c: 1, d: 1 }, ['a#1', 'b#1', 'c#1', 'd#1', 'a#2']],
  ] as const)('%s', async (_what, keys, calls, answers) => {
    const c = counted();
    const memo = promiseMemo(c.lookup, 3);
    const got = [];
    for (const key of keys) got.push(await memo(key));
    expect(got).toEqual(answers);
    expect(Object.fromEntries(c.calls)).toEqual(calls);
  });

  it('calls made before the first answer arrives share its one lookup', async () => {
    const c = counted();
    const memo = promiseMemo(c.lookup, 3);
    expect(await Promise.all([memo('a'), memo('a'), memo('a')])).toEqual(['a#1', 'a#1', 'a#1']);
    expect(c.calls.get('a')).toBe(1);
  });

  it('a failed lookup is not kept: the next call tries again', async () => {
    const c = counted();
    const memo = promiseMemo(c.lookup, 3);
    await expect(memo('!x')).rejects.toThrow('failed !x');
    expect(await memo('!x')).toBe('!x#2');
    expect(await memo('!x')).toBe('!x#2');
  });

  it('a lookup failing every time fails every call, each its own try', async () => {
    const c = counted(true);
    const memo = promiseMemo(c.lookup, 3);
    for (let i = 0; i < 3; i++) await expect(memo('!y')).rejects.toThrow('failed !y');
    expect(c.calls.get('!y')).toBe(3);
  });
});

/**
 * The bounded memo social cards keep their layouts in (src/lib/cards/memo.ts): one `make` per
 * key while it is kept, shared by concurrent callers, least recently used out first once the
 * settled values cost more than the budget, failures never kept.
 */
import { describe, expect, it } from 'vitest';
import { Memo } from '../../src/lib/cards/memo.ts';

/** A memo of strings costing their length, and a log of what it made. */
function memo(budget: number) {
  const made: string[] = [];
  const m = new Memo<string>(budget, (value) => value.length);
  const get = (key: string) =>
    m.get(key, async () => {
      made.push(key);
      return key.repeat(2);
    });
  return { m, made, get };
}

/** Lets settled promises run their callbacks (the memo counts a cost once its value settles). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('card layout memo', () => {
  it.each([
    // [budget, keys asked in turn, keys made, keys kept afterwards (least recently used first)]
    ['everything fits', 100, ['a', 'b', 'a', 'c', 'b'], ['a', 'b', 'c'], ['a', 'c', 'b']],
    ['the least recently used goes first', 4, ['a', 'b', 'c'], ['a', 'b', 'c'], ['b', 'c']],
    ['a use keeps a key', 4, ['a', 'b', 'a', 'c'], ['a', 'b', 'c'], ['a', 'c']],
    ['an evicted key is made again', 2, ['a', 'b', 'a'], ['a', 'b', 'a'], ['a']],
    ['a value over the whole budget is not kept', 1, ['a', 'a'], ['a', 'a'], []],
    ['costs add up by value', 6, ['aa', 'b', 'c', 'aa'], ['aa', 'b', 'c', 'aa'], ['c', 'aa']],
  ] as const)('%s', async (_, budget, asked, made, kept) => {
    const t = memo(budget);
    for (const key of asked) {
      expect(await t.get(key)).toBe(key.repeat(2));
      await settle();
    }
    expect(t.made).toEqual(made);
    expect(t.m.keys()).toEqual(kept);
    expect(t.m.total).toBe(kept.reduce((sum, k) => sum + 2 * k.length, 0));
    expect(t.m.total).toBeLessThanOrEqual(budget);
  });

  it('makes a value once for callers that ask before it settles', async () => {
    const t = memo(100);
    const [x, y] = await Promise.all([t.get('a'), t.get('a')]);
    expect([x, y, t.made]).toEqual(['aa', 'aa', ['a']]);
  });

  it('keeps a value being made even when the budget is passed meanwhile', async () => {
    const m = new Memo<string>(2, (v) => v.length);
    let finish!: (v: string) => void;
    const slow = m.get('slow', () => new Promise((resolve) => (finish = resolve)));
    await m.get('x', async () => 'xx');
    await m.get('y', async () => 'yy');
    await settle();
    expect(m.keys()).toEqual(['slow', 'y']);
    finish('s');
    expect(await slow).toBe('s');
    await settle();
    // Once it costs something it is the least recently used: the first to go.
    expect(m.keys()).toEqual(['y']);
    expect(m.total).toBe(2);
  });

  it('forgets a failure, so the next caller tries again', async () => {
    const m = new Memo<string>(100, (v) => v.length);
    await expect(m.get('a', async () => Promise.reject(new Error('no font')))).rejects.toThrow('no font');
    await settle();
    expect(m.peek('a')).toBeUndefined();
    expect(await m.get('a', async () => 'aa')).toBe('aa');
  });

  it('peek answers without making', async () => {
    const t = memo(100);
    expect(t.m.peek('a')).toBeUndefined();
    await t.get('a');
    expect(await t.m.peek('a')).toBe('aa');
    expect(t.made).toEqual(['a']);
  });
});

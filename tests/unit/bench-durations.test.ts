/**
 * The bench's durations (scripts/bench/durations.mjs): Astro's "Completed in …" read in every
 * form Astro prints (a render under a second, "628ms", was once read as 628 minutes), and a
 * time absent from a log shown as n/a, never as a figure.
 */
import { describe, expect, it } from 'vitest';
import { astroDuration, fmtMs } from '../../scripts/bench/durations.mjs';

describe('astroDuration: Astro\'s printed durations in ms', () => {
  it.each([
    ['628ms', 628],
    ['0ms', 0],
    ['999ms', 999],
    ['9.39s', 9390],
    ['32.36s', 32360],
    ['1.00s', 1000],
    ['2m 32s', 152000],
    ['1m 0s', 60000],
    ['12m 5s', 725000],
    [' 628ms ', 628],
    ['', undefined],
    ['soon', undefined],
    ['628', undefined],
    ['628 min', undefined],
    ['628ms later', undefined],
  ])('%j → %s', (text, ms) => {
    expect(astroDuration(text)).toBe(ms);
  });
});

describe('fmtMs: a time for the bench\'s tables', () => {
  it.each([
    [undefined, 'n/a'],
    [null, 'n/a'],
    [Number.NaN, 'n/a'],
    [0, '0.00 ms'],
    [628, '628 ms'],
    [9390, '9.4 s'],
    [119_949, '119.9 s'],
    [152_000, '2 min 32 s'],
    [astroDuration('628ms'), '628 ms'],
  ])('%s → %s', (ms, text) => {
    expect(fmtMs(ms)).toBe(text);
  });
});

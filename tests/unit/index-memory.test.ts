/**
 * When scripts/build.mjs starts the search index step and with how many bundles at a time
 * (src/lib/search/index-memory.ts): beside the page build only if the page build's predicted
 * peak plus one index job fits the memory budget, after it two at a time when two fit.
 */
import { describe, expect, it } from 'vitest';
import { INDEX_PROCESS_BYTES, OFFLINE_SCAN_BYTES, PAGEFIND_BYTES_PER_CHAR, indexJobsNow, offlineScanBesideIndex, pageBuildPeakBytes } from '../../src/lib/search/index-memory.ts';

const MB = 2 ** 20;
const budget = 3584 * MB;
// The benchmark's corpora (docs/bench/README.md): the largest bundle's characters and the search documents.
const c1000 = { chars: 31_432_556, documents: 4130 };
const c5000 = { chars: 31_000_000, documents: 20_200 };
const jobOf = (chars: number) => chars * PAGEFIND_BYTES_PER_CHAR;

describe('pageBuildPeakBytes: the page build tree’s peak, from its search documents', () => {
  it.each([
    // Measured peaks of the whole page build tree (astro build + cards), cold: the prediction is not below them.
    [c1000.documents, 1.75 * 1024 * MB],
    [c5000.documents, 3.51 * 1024 * MB],
  ])('%i documents: at least the measured %d bytes', (documents, measured) => {
    expect(pageBuildPeakBytes(documents)).toBeGreaterThanOrEqual(measured);
    expect(pageBuildPeakBytes(documents)).toBeLessThan(measured * 1.1);
  });

  it('grows with the documents', () => expect(pageBuildPeakBytes(2000)).toBeLessThan(pageBuildPeakBytes(2001)));
});

describe('indexJobsNow: bundles indexed at a time if the index step starts now (0: not now)', () => {
  it.each([
    // [case, page build bytes (0: exited), job bytes, cores, budget, jobs]
    ['1,000 sources beside the page build: one bundle at a time', pageBuildPeakBytes(c1000.documents), jobOf(c1000.chars), 2, budget, 1],
    ['5,000 sources beside the page build: not now (its peak and a bundle are over the budget)', pageBuildPeakBytes(c5000.documents), jobOf(c5000.chars), 2, budget, 0],
    ['5,000 sources after the page build: two bundles at a time', 0, jobOf(c5000.chars), 2, budget, 2],
    ['1,000 sources after the page build: two bundles at a time', 0, jobOf(c1000.chars), 2, budget, 2],
    ['a page build using more now than predicted: what it uses counts', 3000 * MB, jobOf(c1000.chars), 2, budget, 0],
    ['one core: never beside the page build', pageBuildPeakBytes(100), 100 * MB, 1, budget, 0],
    ['one core, after the page build: one bundle', 0, 100 * MB, 1, budget, 1],
    ['a small budget, after the page build: one bundle even if it is over', 0, 2000 * MB, 2, 2048 * MB, 1],
    ['a tiny site beside the page build', pageBuildPeakBytes(150), jobOf(400_000), 2, budget, 1],
  ])('%s', (_, pageBuildBytes, jobBytes, cores, budgetBytes, jobs) => {
    expect(indexJobsNow({ budget: budgetBytes, jobBytes, cores, pageBuildBytes })).toBe(jobs);
  });

  it('exactly at the budget fits; a byte over does not', () => {
    const jobBytes = 1000 * MB;
    const pageBuildBytes = budget - jobBytes - INDEX_PROCESS_BYTES;
    expect(indexJobsNow({ budget, jobBytes, cores: 2, pageBuildBytes })).toBe(1);
    expect(indexJobsNow({ budget, jobBytes, cores: 2, pageBuildBytes: pageBuildBytes + 1 })).toBe(0);
  });
});

describe('offlineScanBesideIndex: the offline manifest scans the pages while the index step runs', () => {
  it.each([
    // [case, jobs, job bytes, budget, offline cache present, beside]
    ['5,000 sources, one edit: one bundle re-indexed', 1, jobOf(c5000.chars), budget, true, true],
    ['1,000 sources, one edit', 1, jobOf(c1000.chars), budget, true, true],
    ['5,000 sources, two bundles at a time: not beside', 2, jobOf(c5000.chars), budget, true, false],
    ['no cache of the last build’s reads (every file read): not beside', 1, jobOf(c1000.chars), budget, false, false],
    ['a small budget: not beside', 1, jobOf(c1000.chars), 2048 * MB, true, false],
  ])('%s', (_, jobs, jobBytes, budgetBytes, cached, beside) => {
    expect(offlineScanBesideIndex({ budget: budgetBytes, jobBytes, jobs, cached })).toBe(beside);
  });

  it('exactly at the budget fits; a byte over does not', () => {
    const jobBytes = budget - INDEX_PROCESS_BYTES - OFFLINE_SCAN_BYTES;
    expect(offlineScanBesideIndex({ budget, jobBytes, jobs: 1, cached: true })).toBe(true);
    expect(offlineScanBesideIndex({ budget, jobBytes: jobBytes + 1, jobs: 1, cached: true })).toBe(false);
  });
});

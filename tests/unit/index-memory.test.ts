/**
 * When scripts/build.mjs starts the search index step and with how many bundles at a time
 * (src/lib/search/index-memory.ts): beside the page build's rendering, once the cards' process
 * has exited, only if the page build's predicted memory while it renders (every page, or, from
 * its cache, the pages it may render beside the index step) plus one index job fits the memory
 * budget; after it two at a time when two fit.
 */
import { describe, expect, it } from 'vitest';
import {
  INDEX_PROCESS_BYTES,
  OFFLINE_SCAN_BYTES,
  PAGEFIND_BYTES_PER_CHAR,
  PAGE_BUILD_AFTER_PAGES_BYTES,
  PAGE_BUILD_BYTES_PER_RENDERED_PAGE,
  beforePagesBytes,
  buildMemoryBudget,
  indexJobsNow,
  indexMayRunBesidePages,
  indexPlan,
  offlineScanBesideIndex,
  pageBuildPeakBytes,
  pagesBesideIndex,
  pagesRenderingFile,
  releaseBeforePages,
  renderingPeakBytes,
} from '../../src/lib/search/index-memory.ts';

const MB = 2 ** 20;
const budget = 3584 * MB;
// The benchmark's corpora (docs/bench/README.md): the largest bundle's characters and the search documents.
const c1000 = { chars: 31_432_556, documents: 4130 };
const c5000 = { chars: 31_000_000, documents: 20_200 };
const jobOf = (chars: number) => chars * PAGEFIND_BYTES_PER_CHAR;

describe('pageBuildPeakBytes: the page build’s memory while it renders, from its search documents', () => {
  it.each([
    // `astro build` while the pages render, cold (2 December 2026), its peak at the end of rendering.
    ['1,000 sources', c1000.documents, 1.07],
    ['5,000 sources', c5000.documents, 2.09],
  ])('%s: not below the measured %d GB, less than 10 %% above', (_, documents, measuredGB) => {
    const measured = measuredGB * 1024 * MB;
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
    // [case, jobs, job bytes, budget, beside]
    ['5,000 sources, one edit: one bundle re-indexed', 1, jobOf(c5000.chars), budget, true],
    ['1,000 sources, one edit', 1, jobOf(c1000.chars), budget, true],
    ['5,000 sources, cold: two bundles at a time', 2, jobOf(c5000.chars), budget, true],
    ['1,000 sources, cold: two bundles at a time', 2, jobOf(c1000.chars), budget, true],
    ['bundles a third larger than 5,000 sources’, two at a time: not beside', 2, jobOf(c5000.chars * 1.34), budget, false],
    ['a 1.5 GB budget: not beside', 1, jobOf(c1000.chars), 1536 * MB, false],
  ])('%s', (_, jobs, jobBytes, budgetBytes, beside) => {
    expect(offlineScanBesideIndex({ budget: budgetBytes, jobBytes, jobs })).toBe(beside);
  });

  it('exactly at the budget fits; a byte over does not', () => {
    const jobBytes = budget - INDEX_PROCESS_BYTES - OFFLINE_SCAN_BYTES;
    expect(offlineScanBesideIndex({ budget, jobBytes, jobs: 1 })).toBe(true);
    expect(offlineScanBesideIndex({ budget, jobBytes: jobBytes + 1, jobs: 1 })).toBe(false);
  });
});

describe('indexPlan: the index step once the page build renders, one decision', () => {
  // The index job that fits beside every page at 5,000 sources with the page build's figures:
  // the budget less the page build's predicted memory (the cards' process over) and the index
  // step's Node process.
  const fitting5000 = budget - pageBuildPeakBytes(c5000.documents) - INDEX_PROCESS_BYTES;
  const G = 1024 * MB;
  // The pages a page build holding `tree` may render beside the largest 5,000-source bundle.
  const beside5000 = (tree: number) => pagesBesideIndex({ budget, jobBytes: jobOf(c5000.chars), documents: c5000.documents, treeBytes: tree });
  it.each([
    // [case, documents, job bytes, cores, from the cache, cards running, tree bytes now, plan]
    ['1,000 sources, cold, the cards still rendering: after the cards', c1000.documents, jobOf(c1000.chars), 2, false, true, 1.2 * G, 'after the cards'],
    ['1,000 sources, the cards over: one bundle now, every page beside it', c1000.documents, jobOf(c1000.chars), 2, false, false, 1.0 * G, { jobs: 1 }],
    ['1,000 sources, a build with its cards cached (no cards process): now', c1000.documents, jobOf(c1000.chars), 2, false, false, 0.8 * G, { jobs: 1 }],
    ['1,000 sources, one edit: as cold, no limit (every page fits)', c1000.documents, jobOf(c1000.chars), 2, true, false, 0.9 * G, { jobs: 1 }],
    ['5,000 sources, cold, the cards rendering: not beside (over the budget even without them)', c5000.documents, jobOf(c5000.chars), 2, false, true, 2.2 * G, { jobs: 0 }],
    ['5,000 sources, cold, the cards over: not beside', c5000.documents, jobOf(c5000.chars), 2, false, false, 1.9 * G, { jobs: 0 }],
    ['5,000 sources, an index job that fits: after the cards', c5000.documents, fitting5000, 2, false, true, 2.2 * G, 'after the cards'],
    ['5,000 sources, an index job that fits, the cards over: now', c5000.documents, fitting5000, 2, false, false, 1.9 * G, { jobs: 1 }],
    ['5,000 sources, a byte more: not beside', c5000.documents, fitting5000 + 1, 2, false, false, 1.9 * G, { jobs: 0 }],
    // The benchmark's one-edit build (34a1491): `astro build` at 1.42 GB when its pages began.
    ['5,000 sources, one edit: now, with a limit of pages beside it', c5000.documents, jobOf(c5000.chars), 2, true, false, 1.42 * G, { jobs: 1, pages: beside5000(1.42 * G) }],
    ['5,000 sources, one edit (db274c5: 1.53 GB): now, a lower limit', c5000.documents, jobOf(c5000.chars), 2, true, false, 1.53 * G, { jobs: 1, pages: beside5000(1.53 * G) }],
    ['5,000 sources, one edit, the cards rendering: after the cards', c5000.documents, jobOf(c5000.chars), 2, true, true, 1.6 * G, 'after the cards'],
    ['5,000 sources, one edit, the page build holding too much for its first page: after it', c5000.documents, jobOf(c5000.chars), 2, true, false, 2.0 * G, { jobs: 0 }],
    ['a page build using more now than predicted: what it uses counts', c1000.documents, jobOf(c1000.chars), 2, false, false, 3000 * MB, { jobs: 0 }],
    ['one core: never beside', c1000.documents, 100 * MB, 1, false, false, 0.8 * G, { jobs: 0 }],
    ['one core, from the cache: never beside', c5000.documents, jobOf(c5000.chars), 1, true, false, 1.42 * G, { jobs: 0 }],
    ['one core, the cards rendering: not beside, no wait either', c1000.documents, 100 * MB, 1, false, true, 0.8 * G, { jobs: 0 }],
  ] as [string, number, number, number, boolean, boolean, number, ReturnType<typeof indexPlan>][])('%s', (_, documents, jobBytes, cores, fromCache, cardsRunning, treeBytes, plan) => {
    expect(indexPlan({ budget, jobBytes, cores, documents, fromCache, cardsRunning, treeBytes })).toEqual(plan);
  });

  it('an edit at 5,000 sources may render thousands of pages beside the index step (it renders 62-70)', () => {
    expect(beside5000(1.42 * G)).toBeGreaterThan(3000);
    expect(beside5000(1.53 * G)).toBeGreaterThan(1000);
  });

  it('the page build within its limit and the index job fit the budget; a page more does not', () => {
    for (const treeBytes of [0.5 * G, 1.0 * G, 1.42 * G, 1.53 * G]) {
      const input = { budget, jobBytes: jobOf(c5000.chars), documents: c5000.documents, treeBytes };
      const pages = pagesBesideIndex(input);
      const total = (n: number) => renderingPeakBytes({ documents: c5000.documents, treeBytes, pages: n }) + input.jobBytes + INDEX_PROCESS_BYTES;
      expect(total(pages)).toBeLessThanOrEqual(budget);
      expect(total(pages + 1)).toBeGreaterThan(budget);
    }
  });
});

describe('indexMayRunBesidePages: whether the page build gives its corpus load’s memory back', () => {
  it.each([
    // [case, documents, job bytes, cores, budget, may]
    ['1,000 sources, cold', c1000.documents, jobOf(c1000.chars), 2, budget, true],
    ['5,000 sources, cold: not beside, no collection', c5000.documents, jobOf(c5000.chars), 2, budget, false],
    ['5,000 sources, a larger budget', c5000.documents, jobOf(c5000.chars), 2, 8192 * MB, true],
    ['every bundle from the cache (no job)', c5000.documents, 0, 2, budget, true],
    ['one core', c1000.documents, jobOf(c1000.chars), 1, budget, false],
  ])('%s', (_, documents, jobBytes, cores, budgetBytes, may) => {
    expect(indexMayRunBesidePages({ budget: budgetBytes, jobBytes, cores, documents })).toBe(may);
  });

  it('agrees with indexPlan for a cold build: no collection where the index never runs beside the pages', () => {
    for (const documents of [100, c1000.documents, 10_000, c5000.documents]) {
      for (const jobBytes of [0, 100 * MB, jobOf(c1000.chars)]) {
        const input = { budget, jobBytes, cores: 2, documents };
        const plan = indexPlan({ ...input, fromCache: false, cardsRunning: true, treeBytes: 0 });
        expect(plan === 'after the cards').toBe(indexMayRunBesidePages(input));
      }
    }
  });
});

describe('buildMemoryBudget: BUILD_MEMORY_MB in bytes', () => {
  it.each([
    ['unset: 3,584 MB', {}, 3584 * MB],
    ['set', { BUILD_MEMORY_MB: '8192' }, 8192 * MB],
  ])('%s', (_, env, bytes) => expect(buildMemoryBudget(env)).toBe(bytes));
});

const GB = 1024 * MB;

describe('beforePagesBytes: the page build’s growth from PAGES_RENDERING to its first page', () => {
  it.each([
    // At 5,000 sources (20,130 documents), 2 December 2026: one edit 1.53 -> 1.80 GB, cold 2.73 -> 3.01 GB.
    ['5,000 sources, one edit', 20_130, 0.27],
    ['5,000 sources, cold', 20_130, 0.28],
  ])('%s: not below the measured %d GB, less than 20 %% above', (_, documents, measuredGB) => {
    expect(beforePagesBytes(documents)).toBeGreaterThanOrEqual(measuredGB * GB);
    expect(beforePagesBytes(documents)).toBeLessThan(measuredGB * GB * 1.2);
  });

  it('grows with the documents', () => expect(beforePagesBytes(2000)).toBeLessThan(beforePagesBytes(2001)));
});

describe('renderingPeakBytes: the page build’s peak while it renders a number of pages', () => {
  it.each([
    // The benchmark's one-edit build (db274c5, 70 pages): 1.53 GB at PAGES_RENDERING, 1.80 GB at its first page, 1.81 GB at most after.
    ['5,000 sources, one edit (70 pages)', 1.53 * GB, 70, 1.81],
  ])('%s: not below the measured %d GB, less than 20 %% above', (_, treeBytes, pages, measuredGB) => {
    const peak = renderingPeakBytes({ documents: c5000.documents, treeBytes, pages });
    expect(peak).toBeGreaterThanOrEqual(measuredGB * GB);
    expect(peak).toBeLessThan(measuredGB * GB * 1.2);
  });

  it('a cold rendering at 5,000 sources, as measured (0.88 -> 2.09 GB over 34,180 pages), is within the per-page figure', () => {
    expect(0.88 * GB + 34_180 * PAGE_BUILD_BYTES_PER_RENDERED_PAGE).toBeGreaterThanOrEqual(2.09 * GB);
  });

  it('grows with the pages', () => {
    const at = (pages: number) => renderingPeakBytes({ documents: c5000.documents, treeBytes: GB, pages });
    expect(at(1) - at(0)).toBeCloseTo(PAGE_BUILD_BYTES_PER_RENDERED_PAGE, 3);
    expect(at(0)).toBe(GB + beforePagesBytes(c5000.documents) + PAGE_BUILD_AFTER_PAGES_BYTES);
  });
});

describe('pagesBesideIndex: the pages the page build may render beside one index job', () => {
  it.each([
    // [case, job bytes, tree bytes, budget, pages]
    ['nothing fits: not even its first page', jobOf(c5000.chars), 2.0 * GB, budget, 0],
    ['far over: 0, not negative', jobOf(c5000.chars), 4.0 * GB, budget, 0],
    ['exactly its growth until its end fits: 0 pages', 1000 * MB, budget - 1000 * MB - INDEX_PROCESS_BYTES - renderingPeakBytes({ documents: c5000.documents, treeBytes: 0, pages: 0 }), budget, 0],
    ['room for 1,000 pages', 1000 * MB, budget - 1000 * MB - INDEX_PROCESS_BYTES - renderingPeakBytes({ documents: c5000.documents, treeBytes: 0, pages: 1000 }), budget, 1000],
  ])('%s', (_, jobBytes, treeBytes, budgetBytes, pages) => {
    expect(pagesBesideIndex({ budget: budgetBytes, jobBytes, documents: c5000.documents, treeBytes })).toBe(pages);
  });
});

describe('the page build’s PAGES_RENDERING file', () => {
  it.each([
    ['renders from its cache', '{"fromCache":true}', true],
    ['does not', '{"fromCache":false}', false],
    ['an older page build’s empty file', '', false],
    ['not JSON', 'yes', false],
    ['not a boolean', '{"fromCache":"true"}', false],
    ['null', 'null', false],
    ['no file', undefined, false],
    ['torn', '{"fromCa', false],
  ])('%s', (_, text, fromCache) => expect(pagesRenderingFile(text)).toEqual({ fromCache }));
});

describe('releaseBeforePages: whether the page build gives its corpus load’s memory back before the pages', () => {
  it.each([
    // [case, documents, job bytes, cores, from the cache, release]
    ['1,000 sources, cold: the index may run beside the pages', c1000.documents, jobOf(c1000.chars), 2, false, true],
    ['5,000 sources, cold: not beside, no collection', c5000.documents, jobOf(c5000.chars), 2, false, false],
    ['5,000 sources, one edit with a bundle to index: before the pages', c5000.documents, jobOf(c5000.chars), 2, true, true],
    ['5,000 sources, nothing to index: as before (no job fits beside the pages)', c5000.documents, 0, 2, true, true],
    ['one core, from the cache: no collection', c5000.documents, jobOf(c5000.chars), 1, true, false],
  ])('%s', (_, documents, jobBytes, cores, fromCache, release) => {
    expect(releaseBeforePages({ budget, jobBytes, cores, documents, fromCache })).toBe(release);
  });
});

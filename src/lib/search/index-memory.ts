/**
 * Memory figures and the plan scripts/build.mjs follows to start the search index step (kept in
 * a module of its own, importing only the signal files' helpers, so the build script does not
 * load the search code).
 *
 * The index step needs only the search documents, which the page build writes as it starts
 * (src/integrations/search-documents.ts), so it can run beside page rendering on the cores the
 * page build leaves idle: once the cards' process has exited (indexPlan). Whether it may is a
 * memory question: `astro build` grows while it renders, to its peak near the end, and Pagefind
 * holds a whole bundle until it writes it. The index starts early only if the page build's
 * predicted peak while it renders beside the index step (every page, or, where it renders from
 * its cache, the pages it is allowed to render before the index step is over) plus the index
 * job fit the budget (BUILD_MEMORY_MB); otherwise it starts when the page build has exited.
 */
import { isBoolean, readSignal } from '../signal-files.ts';

/**
 * One index job's memory per character of document (the bundle's `chars`, display data
 * included, which Pagefind is not given): its Pagefind process, 31 B (0.90 GB at most for the
 * 5,000-source bundles, whose largest holds 30.96 M characters), and what the job adds to the
 * index step's Node process, 9 B (a second job's thread added 0.27 GB): 40.3 B measured, 42 kept
 * (docs/bench/README.md, "Search index memory", 2026-12-02). Multiplied by the largest bundle's
 * characters.
 */
export const PAGEFIND_BYTES_PER_CHAR = 42;

const MB = 2 ** 20;

/** The memory budget of the whole build, in bytes: BUILD_MEMORY_MB, 3,584 MB unless set. */
export function buildMemoryBudget(env: Record<string, string | undefined> = process.env): number {
  return Number(env.BUILD_MEMORY_MB ?? 3584) * MB;
}

/**
 * The index step's Node process without its jobs' share (in PAGEFIND_BYTES_PER_CHAR): 0.47 GB with
 * one job at 5,000 sources, less the 0.27 GB a job adds, rounded up. (Before each page's words
 * were held as one string, the whole process took 1.0 GB with one job and 2.0–2.2 GB with two.)
 */
export const INDEX_PROCESS_BYTES = 256 * MB;

/**
 * The page build's memory while it renders, the part the index step can run beside: from its
 * PAGES_RENDERING file (the documents written, the corpus load's memory given back) to its exit.
 * Its peak before that, while it loads the corpus and writes the documents (2.77 GB for `astro
 * build` at 5,000 sources), is over by then, so it does not count. Measured on 2 December 2026
 * (cold builds of the benchmark, `astro build` and the cards' process sampled each second,
 * scripts/bench/profile.mjs and the benchmark's timelines): `astro build` alone rose while the
 * pages rendered to 1.00–1.07 GB at 1,000 sources (4,130 search documents) and 2.09 GB at 5,000
 * (20,130), its peak at the end of rendering; a line through them, rounded up (+7 % at 5,000).
 * Per search document, because that is the count the build script knows when the documents are
 * written (pages are about 1.7 times as many).
 */
export const PAGE_BUILD_BASE_BYTES = 880 * MB;
export const PAGE_BUILD_BYTES_PER_DOCUMENT = 0.07 * MB;

/**
 * The file the page build writes into the search documents' folder once the documents are
 * written and the corpus load's memory is given back (src/integrations/search-documents.ts),
 * just before the pages render: from then on its memory is what rendering needs.
 */
export const PAGES_RENDERING = 'pages-rendering';

/** The page build's predicted peak from PAGES_RENDERING on, once the cards' process has exited. */
export function pageBuildPeakBytes(documents: number): number {
  return PAGE_BUILD_BASE_BYTES + documents * PAGE_BUILD_BYTES_PER_DOCUMENT;
}

/**
 * The offline manifest's process while it scans the pages (scripts/offline-manifest.mjs), with or
 * without its cache of the last build's reads. Measured at 5,000 bench sources on 2 December 2026
 * (scripts/offline-manifest.mjs alone on the benchmark's cold-built site, 66,286 files, peak
 * resident memory by /usr/bin/time; and the benchmark's cold timeline, sampled each second):
 * 0.41–0.49 GB without the cache (every file read), less with it; rounded up. (It took 2.89 GB
 * without the cache before the scan kept only what it needs of each page, 0.84 GB with it: then it
 * ran beside the index only with its cache, and with one bundle at a time at 5,000 sources.)
 */
export const OFFLINE_SCAN_BYTES = 512 * MB;

/**
 * Whether the offline manifest may scan the pages while the index step runs `jobs` bundles at a
 * time (the page build over): both fit the budget. A cold build at 5,000 sources, two bundles at
 * a time: 2 × 1.24 GB + 0.25 GB + 0.5 GB, within the 3.5 GB budget.
 */
export function offlineScanBesideIndex({ budget, jobBytes, jobs }: { budget: number; jobBytes: number; jobs: number }): boolean {
  return jobs * jobBytes + INDEX_PROCESS_BYTES + OFFLINE_SCAN_BYTES <= budget;
}

export interface IndexPlanInput {
  /** The memory budget of the whole build (BUILD_MEMORY_MB), in bytes. */
  budget: number;
  /** Bytes one index job needs: the largest bundle's characters × PAGEFIND_BYTES_PER_CHAR. */
  jobBytes: number;
  /** Cores the machine has. */
  cores: number;
  /** The page build's predicted peak, or its memory now if larger; 0 once it has exited. */
  pageBuildBytes: number;
}

/**
 * How many bundles the index step may index at a time if started now (0: not now). Beside the
 * page build, one at a time (the page build and the cards keep both cores busy already), and
 * only on a machine with more than one core; after it, two at a time when the machine has two
 * cores and the budget holds both (write-index.ts), else one.
 */
export function indexJobsNow({ budget, jobBytes, cores, pageBuildBytes }: IndexPlanInput): number {
  const fits = (jobs: number) => pageBuildBytes + jobs * jobBytes + INDEX_PROCESS_BYTES <= budget;
  if (pageBuildBytes > 0) return cores > 1 && fits(1) ? 1 : 0;
  return cores > 1 && fits(2) ? 2 : 1;
}

export interface PlanInput {
  /** The memory budget of the whole build (BUILD_MEMORY_MB), in bytes. */
  budget: number;
  /** Bytes one index job needs: the largest bundle's characters × PAGEFIND_BYTES_PER_CHAR. */
  jobBytes: number;
  /** Cores the machine has. */
  cores: number;
  /** The search documents the page build wrote (its size: pageBuildPeakBytes). */
  documents: number;
  /**
   * Whether the page build renders from the cache of a build with the same inputs (its
   * PAGES_RENDERING file; src/lib/corpus/render-count.ts): then it renders only the pages whose
   * reads changed, and it holds to the number of pages the plan gives it (see indexPlan).
   */
  fromCache: boolean;
  /** Whether the cards' process is running now. */
  cardsRunning: boolean;
  /** The page build tree's resident memory now. */
  treeBytes: number;
}

/**
 * The plan for the index step once the page build renders (its PAGES_RENDERING file): start it
 * now with `jobs` bundles at a time (`jobs` above 0), wait for the cards' process to exit and ask
 * again ('after the cards'), or leave it until the page build has exited (`jobs` 0). `pages`, when
 * given, is how many pages the page build may render beside the index step: it renders no more
 * until the index step is over (render-count.ts, pageMayRender), so its memory beside the index
 * step is renderingPeakBytes of at most that many pages, whatever it renders in all.
 *
 * One decision, with what is known when the pages start to render:
 * - the page build's predicted peak if every page renders (pageBuildPeakBytes, or its memory now
 *   if larger) and one index job fit: now, with no limit (a cold build of a small site);
 * - else, where the page build renders from its cache (an edit), the pages it may render beside
 *   one job (pagesBesideIndex): now, with that limit, if it is one page or more. An edit renders
 *   a few dozen pages of 34,000 at 5,000 sources; the limit is some thousands there, so it does
 *   not wait. Should it render more than that (a change that makes Astro render every page,
 *   which the page build did not foresee: build-inputs.ts), it waits for the index step at the
 *   limit, and the memory stays within the budget;
 * - else after the page build.
 *
 * Never beside the cards' process (cold builds: it renders through the first half of the pages,
 * 0.21–0.29 GB): the index step would be a third busy process on two cores, and its memory
 * would add to the cards'. Side by side at 1,000 sources, cold (2 December 2026, 16:45–16:49 UTC,
 * load 2.4–4.4), the index step started beside the pages as soon as the documents were written
 * made the pages render in 53.2 s and the build take 79.2 s (126 s CPU); started once the cards'
 * process had exited, 37.5 s and 83.1 s (121 s CPU; its corpus load alone took 4.5 s longer,
 * the machine's load), and after the page build 33.1 s and 79.0 s (113 s CPU): on two cores the
 * index beside the pages gains only the time a core would otherwise idle, which at 1,000 sources
 * is little (the cards take most of the rendering), and at 5,000 the minute between the cards'
 * end and the pages'.
 */
export function indexPlan({ budget, jobBytes, cores, documents, fromCache, cardsRunning, treeBytes }: PlanInput): { jobs: number; pages?: number } | 'after the cards' {
  // Its memory now counts the cards' process: asked again, with what it holds then, once that has exited.
  if (cardsRunning) return indexMayRunBesidePages({ budget, jobBytes, cores, documents }) || (fromCache && cores > 1) ? 'after the cards' : { jobs: 0 };
  const everyPage = indexJobsNow({ budget, jobBytes, cores, pageBuildBytes: Math.max(pageBuildPeakBytes(documents), treeBytes) });
  if (everyPage > 0 || !fromCache || cores < 2) return { jobs: everyPage };
  const pages = pagesBesideIndex({ budget, jobBytes, documents, treeBytes });
  return pages > 0 ? { jobs: 1, pages } : { jobs: 0 };
}

/**
 * Whether the index step may run beside the pages at all, the page build's memory as predicted
 * (PAGE_BUILD_BASE_BYTES): what the page build's memory-reducing collection before rendering is
 * for (src/lib/release-memory.ts), so it collects only then. That collection costs the page build
 * time: its heap grows again from what is live, collected more often on the way. At 1,000
 * sources, cold, `astro build` alone, with and without it alternated in one slot (2 December
 * 2026, 16:33–16:44 UTC, load 2.5–4.5): 62.7 against 56.1 s CPU on average over four runs each
 * (1.12×, more with it in 5 of the 6 neighbouring pairs), for 0.25–0.33 GB less while rendering.
 */
export function indexMayRunBesidePages({ budget, jobBytes, cores, documents }: Omit<PlanInput, 'fromCache' | 'cardsRunning' | 'treeBytes'>): boolean {
  return indexJobsNow({ budget, jobBytes, cores, pageBuildBytes: pageBuildPeakBytes(documents) }) > 0;
}

/**
 * What the page build says in its PAGES_RENDERING file: `fromCache`, it has the build cache of a
 * build with the same code, config and project folder (src/lib/corpus/build-inputs.ts), so it
 * renders only the pages whose reads changed, and it holds to the limit of pages the build script
 * gives it beside the index step (indexPlan; src/lib/corpus/render-count.ts). An empty or unknown
 * file (an older page build), or none, says nothing: `fromCache` false.
 */
export function pagesRenderingFile(text: string | undefined): { fromCache: boolean } {
  return { fromCache: readSignal(text, { fromCache: isBoolean })?.fromCache === true };
}

/**
 * The page build's growth from PAGES_RENDERING to its first page, with no memory given back
 * before (the bundling of the entry points, every route's paths with their cache keys, the
 * linking of the cached pages): at 5,000 sources (20,130 documents) `astro build` and its
 * children rose from 1.53 to 1.80 GB in a one-edit build (0.27 GB), and from 2.73 to 3.01 GB in
 * a cold one (0.28 GB) (the benchmark's timelines of db274c5, sampled each second, 2 December
 * 2026, 18:03–18:09 UTC). A base and a share per document, rounded up: 128 MB + 0.01 MB per
 * document, 0.32 GB at 5,000 sources (+15 %).
 */
export const PAGE_BUILD_BEFORE_PAGES_BYTES = 128 * MB;
export const PAGE_BUILD_BEFORE_PAGES_BYTES_PER_DOCUMENT = 0.01 * MB;

/** The page build's growth from PAGES_RENDERING to its first page (see above). */
export function beforePagesBytes(documents: number): number {
  return PAGE_BUILD_BEFORE_PAGES_BYTES + documents * PAGE_BUILD_BEFORE_PAGES_BYTES_PER_DOCUMENT;
}

/**
 * The page build's growth from its first page to its exit beyond what its pages add (Astro's
 * incremental manifest of every page, the reads file, the end hooks; the three pages of routes
 * without keyed paths, render-count.ts): at 5,000 sources, one edit (70 pages rendered),
 * `astro build` and its children held 1.76 GB at its first page and 1.81 GB at most after it
 * (0.05 GB; the same timeline), rounded up to 128 MB.
 */
export const PAGE_BUILD_AFTER_PAGES_BYTES = 128 * MB;

/**
 * The page build's growth per page it renders: 2.09 GB at the end of a cold rendering at 5,000
 * sources from 0.88 GB when it began (its corpus load's memory given back), over 34,180 pages,
 * 0.036 MB a page (the figures of PAGE_BUILD_BASE_BYTES), rounded up to 0.045 MB.
 */
export const PAGE_BUILD_BYTES_PER_RENDERED_PAGE = 0.045 * MB;

/**
 * The page build's peak while it renders `pages` pages, from PAGES_RENDERING on, holding
 * `treeBytes` then: its growth until its first page (beforePagesBytes), what those pages add
 * (PAGE_BUILD_BYTES_PER_RENDERED_PAGE) and what its end adds (PAGE_BUILD_AFTER_PAGES_BYTES).
 * The benchmark's one-edit build at 5,000 sources (db274c5, 70 pages): 1.53 GB at
 * PAGES_RENDERING, 1.81 GB at most after; predicted 1.98 GB.
 */
export function renderingPeakBytes({ documents, treeBytes, pages }: { documents: number; treeBytes: number; pages: number }): number {
  return treeBytes + beforePagesBytes(documents) + PAGE_BUILD_AFTER_PAGES_BYTES + pages * PAGE_BUILD_BYTES_PER_RENDERED_PAGE;
}

/**
 * The most pages the page build may render beside one index job (renderingPeakBytes of them,
 * the job and the index step's process within the budget), from PAGES_RENDERING, the page build
 * holding `treeBytes`; 0 when not even its growth until its first page fits.
 */
export function pagesBesideIndex({ budget, jobBytes, documents, treeBytes }: { budget: number; jobBytes: number; documents: number; treeBytes: number }): number {
  const fits = (pages: number) => renderingPeakBytes({ documents, treeBytes, pages }) + jobBytes + INDEX_PROCESS_BYTES <= budget;
  if (!fits(0)) return 0;
  const pages = Math.floor((budget - jobBytes - INDEX_PROCESS_BYTES - renderingPeakBytes({ documents, treeBytes, pages: 0 })) / PAGE_BUILD_BYTES_PER_RENDERED_PAGE);
  // The division's rounding may give one page too many.
  return fits(pages) ? pages : pages - 1;
}

/**
 * Whether the page build gives its corpus load's memory back before its pages render
 * (src/lib/release-memory.ts; the collection costs it time): where the index step may run beside
 * the pages as predicted (indexMayRunBesidePages), or may start beside a limited number of them
 * because the build renders from its cache (`fromCache`, an edit: indexPlan) and a bundle is to
 * be indexed (`jobBytes` above 0) on a machine with more than one core. At 5,000 sources, one edit, `astro
 * build` held 1.5–1.9 GB when its documents were written, most of it freed (2 December 2026,
 * 20:23–20:27 UTC): with that, the index job did not fit beside it in two edits of three.
 */
export function releaseBeforePages({ budget, jobBytes, cores, documents, fromCache }: { budget: number; jobBytes: number; cores: number; documents: number; fromCache: boolean }): boolean {
  return indexMayRunBesidePages({ budget, jobBytes, cores, documents }) || (fromCache && jobBytes > 0 && cores > 1);
}

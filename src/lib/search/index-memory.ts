/**
 * Memory figures and the plan scripts/build.mjs follows to start the search index step (kept in
 * a module of its own, with no imports, so the build script does not load the search code).
 *
 * The index step needs only the search documents, which the page build writes as it starts
 * (src/integrations/search-documents.ts), so it can run beside page rendering on the cores the
 * page build leaves idle: once the cards' process has exited (indexBesidePages). Whether it may
 * is a memory question: `astro build` grows while it renders, to its peak near the end, and
 * Pagefind holds a whole bundle until it writes it. The index starts early only if the page
 * build's predicted peak (or its memory now, if larger) plus the index jobs fit the budget
 * (BUILD_MEMORY_MB); otherwise it starts when the page build has exited, as before.
 */

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

export interface BesidePagesInput {
  /** The memory budget of the whole build (BUILD_MEMORY_MB), in bytes. */
  budget: number;
  /** Bytes one index job needs: the largest bundle's characters × PAGEFIND_BYTES_PER_CHAR. */
  jobBytes: number;
  /** Cores the machine has. */
  cores: number;
  /** The search documents the page build wrote (its size: pageBuildPeakBytes). */
  documents: number;
  /** Whether the cards' process is running now. */
  cardsRunning: boolean;
  /** The page build tree's resident memory now. */
  treeBytes: number;
}

/**
 * What the build script does with the index step once the page build renders (its
 * PAGES_RENDERING file): start it now with this many bundles at a time (a number above 0), wait
 * for the cards' process to exit and ask again ('after the cards'), or leave it until the page
 * build has exited (0). Beside the page build the plan takes the larger of its predicted peak and
 * its memory now.
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
export function indexBesidePages({ budget, jobBytes, cores, documents, cardsRunning, treeBytes }: BesidePagesInput): number | 'after the cards' {
  // Its memory now counts the cards' process: asked again, with what it holds then, once that has exited.
  if (cardsRunning) return indexMayRunBesidePages({ budget, jobBytes, cores, documents }) ? 'after the cards' : 0;
  return indexJobsNow({ budget, jobBytes, cores, pageBuildBytes: Math.max(pageBuildPeakBytes(documents), treeBytes) });
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
export function indexMayRunBesidePages({ budget, jobBytes, cores, documents }: Omit<BesidePagesInput, 'cardsRunning' | 'treeBytes'>): boolean {
  return indexJobsNow({ budget, jobBytes, cores, pageBuildBytes: pageBuildPeakBytes(documents) }) > 0;
}

/**
 * What the page build says in its PAGES_RENDERING file: `fromCache`, it has the build cache of a
 * build with the same code, Astro config and project folder (nothing else makes Astro render a
 * page again than a change of what the page read, src/lib/corpus/render-count.ts), so it will say
 * how many pages it renders (PAGES_TO_RENDER) before the first one renders. An empty or unknown
 * file (an older page build) says nothing: `fromCache` false.
 */
export function pagesRenderingFile(text: string): { fromCache: boolean } {
  try {
    const data = JSON.parse(text) as unknown;
    return { fromCache: typeof data === 'object' && data !== null && (data as { fromCache?: unknown }).fromCache === true };
  } catch {
    return { fromCache: false };
  }
}

/** The pages to render of the page build's PAGES_TO_RENDER file (render-count.ts); undefined when it does not say. */
export function pagesToRenderFile(text: string): number | undefined {
  try {
    const pages = (JSON.parse(text) as { pages?: unknown }).pages;
    return typeof pages === 'number' && Number.isInteger(pages) && pages >= 0 ? pages : undefined;
  } catch {
    return undefined;
  }
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

export interface BeforePagesInput {
  /** The memory budget of the whole build (BUILD_MEMORY_MB), in bytes. */
  budget: number;
  /** Bytes one index job needs: the largest bundle's characters × PAGEFIND_BYTES_PER_CHAR. */
  jobBytes: number;
  /** Cores the machine has. */
  cores: number;
  /** The search documents the page build wrote. */
  documents: number;
  /** The page build tree's resident memory now (at PAGES_RENDERING). */
  treeBytes: number;
}

/**
 * Bundles the index step may index at a time if started at PAGES_RENDERING when the page build
 * renders from its cache (PAGES_RENDERING's `fromCache`), before it knows how many pages it
 * renders (0: not now): one, if its memory now and its growth until its first page
 * (beforePagesBytes) plus one job fit the budget. Once its first page renders it says how many it
 * renders, and the build script asks indexBesideRenderedPages: if that does not fit, the index
 * step is stopped and runs after the page build, as it would have. No page renders in between,
 * so nothing the page build does before then depends on how many.
 *
 * What this is for: in a one-edit build at 5,000 sources the page build renders 70 pages, its
 * memory (1.81 GB at most) and an index job fit the budget, but the plan that does not know
 * (indexBesidePages) predicts 2.29 GB, every page rendered, and the index step waited for the page
 * build's exit: 10.2 s after it of a 35.5 s build.
 */
export function indexBeforePages({ budget, jobBytes, cores, documents, treeBytes }: BeforePagesInput): number {
  return indexJobsNow({ budget, jobBytes, cores, pageBuildBytes: treeBytes + beforePagesBytes(documents) });
}

export interface BesideRenderedPagesInput {
  /** The memory budget of the whole build (BUILD_MEMORY_MB), in bytes. */
  budget: number;
  /** Bytes one index job needs: the largest bundle's characters × PAGEFIND_BYTES_PER_CHAR. */
  jobBytes: number;
  /** Bundles the index step indexes at a time. */
  jobs: number;
  /** The pages the page build renders (PAGES_TO_RENDER). */
  pages: number;
  /** The page build tree's resident memory now (at its first page). */
  treeBytes: number;
}

/**
 * Whether the index step started before the pages (indexBeforePages) may go on beside them once
 * the page build says how many it renders: its memory now, what rendering that many pages adds
 * (PAGE_BUILD_BYTES_PER_RENDERED_PAGE) and what its end adds (PAGE_BUILD_AFTER_PAGES_BYTES), with
 * the index step's, fit the budget.
 */
export function indexBesideRenderedPages({ budget, jobBytes, jobs, pages, treeBytes }: BesideRenderedPagesInput): boolean {
  const pageBuild = treeBytes + PAGE_BUILD_AFTER_PAGES_BYTES + pages * PAGE_BUILD_BYTES_PER_RENDERED_PAGE;
  return pageBuild + jobs * jobBytes + INDEX_PROCESS_BYTES <= budget;
}

/**
 * Whether the page build gives its corpus load's memory back before its pages render
 * (src/lib/release-memory.ts; the collection costs it time): where the index step may run beside
 * the pages as predicted (indexMayRunBesidePages), or may start before them because the build
 * renders from its cache (`fromCache`, an edit: indexBeforePages) and a bundle is to be indexed
 * (`jobBytes` above 0) on a machine with more than one core. At 5,000 sources, one edit, `astro
 * build` held 1.5–1.9 GB when its documents were written, most of it freed (2 December 2026,
 * 20:23–20:27 UTC): with that, the index job did not fit beside it in two edits of three, and in
 * the third it was stopped at the first page.
 */
export function releaseBeforePages({ budget, jobBytes, cores, documents, fromCache }: { budget: number; jobBytes: number; cores: number; documents: number; fromCache: boolean }): boolean {
  return indexMayRunBesidePages({ budget, jobBytes, cores, documents }) || (fromCache && jobBytes > 0 && cores > 1);
}

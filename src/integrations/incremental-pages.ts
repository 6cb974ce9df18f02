/**
 * Astro integration: incremental page builds (src/lib/corpus/page-deps.ts). With Astro's
 * `experimental.incrementalBuild` on, a build loads what each page read from the corpus in the
 * last build (kept in Astro's cacheDir) before the pages are generated, and saves this build's
 * after. The dev server records nothing.
 *
 * When scripts/build.mjs builds into a fresh staging folder (BUILD_STAGING=1), the last build's
 * unchanged pages are hard-linked into it from the cache instead of copied
 * (src/lib/corpus/linked-pages.ts), so Astro must not empty the folder first.
 *
 * A build also keeps the corpus's parse and render caches there (src/lib/corpus/parse-cache.ts,
 * render-cache.ts): they are started before the content check loads the corpus (editor-loop.ts,
 * at build start), with the parse cache's prefetch of the briefings' entries (parse-prefetch.ts),
 * and saved as soon as the corpus is loaded, before the pages.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getCorpus } from '../lib/corpus/index.ts';
import { pruneLinkedPages, shareRenderedPages, startLinkingCachedPages } from '../lib/corpus/linked-pages.ts';
import { saveParseCache, startParseCache } from '../lib/corpus/parse-cache.ts';
import { startParsePrefetch } from '../lib/corpus/parse-prefetch.ts';
import { projectRoot } from '../lib/corpus/files.ts';
import { LANGS } from '../i18n/locales.ts';
import { saveRenderCache, startRenderCache } from '../lib/corpus/render-cache.ts';
import { savePageDeps, startPageDeps } from '../lib/corpus/page-deps.ts';
import { BUILD_INPUTS_FILE, buildInputs, configHash, recordedInputs, sameInputs } from '../lib/corpus/build-inputs.ts';
import { finishRenderCount, startRenderCount } from '../lib/corpus/render-count.ts';

export default function incrementalPages(): AstroIntegration {
  let cacheDir: URL | undefined;
  let outDir = '';
  const staging = process.env.BUILD_STAGING === '1';
  let building = false;
  // This build's inputs (build-inputs.ts); undefined where its config cannot be hashed.
  let inputs: string | undefined;
  const path = (name: string) => fileURLToPath(new URL(name, cacheDir));
  return {
    name: 'briefings:incremental-pages',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        building = command === 'build';
        if (command === 'build' && staging) updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        cacheDir = config.experimental.incrementalBuild ? config.cacheDir : undefined;
        outDir = fileURLToPath(config.outDir);
        if (cacheDir && building) {
          // With an empty parse cache (a cold build), the briefings' entries are made ahead in a
          // worker thread while the corpus loads (parse-prefetch.ts), stopped when the cache is
          // saved; with entries from earlier builds, most are there already.
          if (startParseCache(path('briefings-parse-cache')) === 0) startParsePrefetch(projectRoot(), LANGS);
          startRenderCache(path('briefings-render-cache'));
          const hashed = configHash(config);
          inputs = hashed === undefined ? undefined : buildInputs(fileURLToPath(config.root), hashed);
        }
      },
      'astro:build:start': ({ logger }) => {
        if (!cacheDir) {
          startRenderCount(false);
          return;
        }
        // Astro writes its cached copies while it renders and its manifest after: a build that
        // stopped in between left copies its manifest does not describe. Start afresh then.
        const running = path('briefings-build-running');
        const lastFinished = !existsSync(running);
        // Whether only the pages whose reads changed render (render-count.ts): counted for the build script.
        startRenderCount(sameInputs({ inputs, recorded: recordedInputs(fileURLToPath(cacheDir)), lastFinished, force: process.argv.includes('--force') }));
        if (!lastFinished) {
          rmSync(path('incremental-build.json'), { force: true });
          // Its page copies too: some are the live site's pages (hard links), and Astro would
          // write them in place when it renders those pages again.
          rmSync(path('dist'), { recursive: true, force: true });
          logger.info('the last build did not finish: every page is rendered again');
        }
        mkdirSync(fileURLToPath(cacheDir), { recursive: true });
        // The corpus is loaded by now (editor-loop.ts checks it first), so its parse cache is
        // complete: saved now, not after the pages, its copy of every file's data and lines is
        // not kept in memory while the pages render (a cold build at 1,000 sources kept
        // 4,068 files' twice, and the page build's garbage collector walked them all along).
        getCorpus();
        const parsed = saveParseCache();
        const rendered = saveRenderCache();
        if (parsed) logger.info(`corpus: ${parsed.hits} of ${parsed.total} file texts parsed from the cache${parsed.ahead === undefined ? '' : ` (${parsed.ahead} entries made ahead in a worker thread)`}`);
        if (rendered) logger.info(`corpus: ${rendered.reused} of ${rendered.total} Markdown renders from the cache`);
        writeFileSync(running, '');
        // One page a line since the reads are appended (page-deps.ts); the file of the whole-JSON format goes.
        rmSync(path('briefings-page-reads.json'), { force: true });
        startPageDeps(path('briefings-page-reads.jsonl'));
        // In a worker, while the build goes on; the pages wait for it (keyed-paths.ts).
        if (staging) startLinkingCachedPages(fileURLToPath(cacheDir), outDir).then((n) => logger.info(`${n} page(s) of the last build linked from the cache`), () => {});
      },
      'astro:build:done': ({ logger }) => {
        // More keyed pages rendered than counted before the first: Astro rendered pages again for
        // an input build-inputs.ts does not see. The memory plan held (render-count.ts); said here.
        const count = finishRenderCount();
        if (count && count.rendered > count.pages) logger.warn(`${count.rendered} keyed page(s) rendered, ${count.pages} counted before the first: Astro rendered pages again for an input src/lib/corpus/build-inputs.ts does not see (the page build kept to its limit beside the search index step)`);
        if (!cacheDir) return;
        // Astro's manifest is read once, by savePageDeps (which gives it the keys of this build's reads).
        const manifest = savePageDeps(getCorpus(), path('incremental-build.json'));
        shareRenderedPages(fileURLToPath(cacheDir), manifest);
        const removed = pruneLinkedPages(fileURLToPath(cacheDir), manifest);
        if (removed) logger.info(`${removed} page(s) of the last build no longer built: removed`);
        // What the next build compares its inputs with (build-inputs.ts); without them, none.
        if (inputs) writeFileSync(path(BUILD_INPUTS_FILE), inputs);
        else rmSync(path(BUILD_INPUTS_FILE), { force: true });
        rmSync(path('briefings-build-running'), { force: true });
      },
    },
  };
}

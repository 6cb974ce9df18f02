/**
 * Social cards for a build: every card not already cached (cache key: cardHash) is rendered into
 * the cache, then all cards are linked into the output folder.
 *
 * Rendering runs in a child process of its own (worker.ts), started as soon as the corpus is
 * loaded, so it overlaps page rendering on the other core; it needs only the card specs, and
 * its heap holds nothing else, so garbage collection never walks the corpus between cards.
 * `buildCards` does both steps in this process (tests, small runs).
 */
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { linkOrCopy, writeFileReplacing } from '../link-files.ts';
import { cardHash, type CardSpec } from './specs.ts';

export interface CardRun {
  total: number;
  rendered: number;
  cached: number;
  /** Wall time of the rendering, in ms. */
  ms: number;
  /** CPU time (user + system, all threads) the rendering took, in ms. */
  cpuMs: number;
}

/** One card to render: what it shows and where its cached PNG goes. */
export interface CardJob {
  spec: CardSpec;
  cached: string;
}

const jobsFor = (specs: CardSpec[], cacheDir: string): CardJob[] => specs.map((spec) => ({ spec, cached: join(cacheDir, `${cardHash(spec)}.png`) }));

async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

/** Renders the jobs (all missing from the cache) into the cache, up to `concurrency` at a time. */
export async function renderJobs(jobs: CardJob[], concurrency = availableParallelism()): Promise<{ ms: number; cpuMs: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  // Imported here, not at the top: the renderer sets sharp's process-wide settings for card
  // drawing, which the page build's process (content images) must not inherit.
  const { renderCard } = await import('./render.ts');
  await pool(jobs, concurrency, async (job) => {
    const png = await renderCard(job.spec);
    writeFileReplacing(job.cached, png);
  });
  const used = process.cpuUsage(cpu);
  return { ms: Math.round(performance.now() - started), cpuMs: Math.round((used.user + used.system) / 1000) };
}

/**
 * Puts every card into `outDir` as a hard link to its cached file (link-files.ts): a cached card is
 * never written again (it is named by its hash, and written under a temporary name first).
 */
function linkAll(jobs: CardJob[], outDir: string): void {
  const made = new Set<string>();
  for (const job of jobs) {
    const target = join(outDir, job.spec.path);
    const dir = dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    // Never through an existing name: that file may be another build's (the dev server's output
    // folder is reused). The build's staging folder is new, so the name is removed only where it
    // is there (one system call a card fewer: 4,132 cards at 1,000 bench sources).
    try {
      linkOrCopy(job.cached, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      rmSync(target, { force: true });
      linkOrCopy(job.cached, target);
    }
  }
}

/** Renders what is missing in this process, then links every card into `outDir`. */
export async function buildCards(specs: CardSpec[], outDir: string, cacheDir: string): Promise<CardRun> {
  mkdirSync(cacheDir, { recursive: true });
  const jobs = jobsFor(specs, cacheDir);
  const missing = jobs.filter((j) => !existsSync(j.cached));
  const run = await renderJobs(missing);
  linkAll(jobs, outDir);
  return { total: jobs.length, rendered: missing.length, cached: jobs.length - missing.length, ...run };
}

export interface StartedCards {
  /** Settles when the rendering is over (its process has exited, or there was nothing to render), failed or not. */
  rendered: Promise<void>;
  /** Waits for the rendering, then links every card into `outDir`. */
  finish(outDir: string): Promise<CardRun>;
}

/**
 * Starts rendering the missing cards in a child process and returns at once; `finish` waits
 * for it and links the cards. A failed child fails `finish` with its message.
 */
export function startCards(specs: CardSpec[], cacheDir: string): StartedCards {
  mkdirSync(cacheDir, { recursive: true });
  const jobs = jobsFor(specs, cacheDir);
  const missing = jobs.filter((j) => !existsSync(j.cached));
  const rendering: Promise<{ ms: number; cpuMs: number }> = missing.length === 0
    ? Promise.resolve({ ms: 0, cpuMs: 0 })
    : new Promise((resolve, reject) => {
        const child = fork(fileURLToPath(new URL('./worker.ts', import.meta.url)), [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        let result: { ms: number; cpuMs: number } | undefined;
        let failure: string | undefined;
        child.on('message', (m: { done?: { ms: number; cpuMs: number }; error?: string }) => {
          if (m.done) result = m.done;
          if (m.error) failure = m.error;
        });
        child.on('error', reject);
        child.on('exit', (code) => {
          if (result && code === 0) resolve(result);
          else reject(new Error(`social cards: the rendering process failed (exit ${code})${failure ? `: ${failure}` : ''}`));
        });
        child.send({ jobs: missing });
      });
  // Awaited in finish(); until then a failure must not surface as an unhandled rejection.
  rendering.catch(() => undefined);
  return {
    rendered: rendering.then(() => undefined, () => undefined),
    async finish(outDir) {
      const run = await rendering;
      linkAll(jobs, outDir);
      return { total: jobs.length, rendered: missing.length, cached: jobs.length - missing.length, ...run };
    },
  };
}

/**
 * Renders every card that is not already cached (cache key: cardHash) with up to one render per
 * core, then copies all cards into the output folder. Returns what it did, for the build log
 * and the tests.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { renderCard } from './render.ts';
import { cardHash, type CardSpec } from './specs.ts';

export interface CardRun {
  total: number;
  rendered: number;
  cached: number;
  ms: number;
}

async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

export async function buildCards(specs: CardSpec[], outDir: string, cacheDir: string): Promise<CardRun> {
  const started = performance.now();
  mkdirSync(cacheDir, { recursive: true });
  const jobs = specs.map((spec) => ({ spec, cached: join(cacheDir, `${cardHash(spec)}.png`) }));
  const missing = jobs.filter((j) => !existsSync(j.cached));
  await pool(missing, availableParallelism(), async (job) => {
    const png = await renderCard(job.spec);
    // Write to a temporary name first so an interrupted build never leaves half a card cached.
    writeFileSync(`${job.cached}.tmp`, png);
    copyFileSync(`${job.cached}.tmp`, job.cached);
  });
  for (const job of jobs) {
    const target = join(outDir, job.spec.path);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(job.cached, target);
  }
  return { total: jobs.length, rendered: missing.length, cached: jobs.length - missing.length, ms: Math.round(performance.now() - started) };
}

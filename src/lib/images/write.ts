/**
 * Writes the variants of content images with sharp, reusing a cache keyed by the variant's
 * file name (which carries the source hash), in parallel up to the core count. A variant is
 * encoded under a temporary name and renamed into the cache, so a cache file is always whole:
 * the next build trusts any file it finds there.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import sharp from 'sharp';
import type { ImageJob, ImageVariant } from './variants.ts';

async function encode(source: string, v: ImageVariant, target: string): Promise<void> {
  // Vector sources are rasterised at a density that gives at least the target width.
  const image = sharp(source, { density: source.endsWith('.svg') ? 300 : undefined }).resize({ width: v.width });
  const encoded =
    v.format === 'avif' ? image.avif({ quality: 60, effort: 4 })
    : v.format === 'webp' ? image.webp({ quality: 80, effort: 4 })
    : v.format === 'jpeg' ? image.jpeg({ quality: 82, mozjpeg: true })
    : image.png({ compressionLevel: 9, palette: true });
  await encoded.toFile(target);
}

/**
 * Starts encoding the variants missing from the cache and returns at once: `done` resolves when
 * they are encoded, then `copy` puts every variant into a built site. The page build starts it
 * with the build, so encoding runs beside page rendering.
 */
export function startImages(jobs: ImageJob[], cacheDir: string): { done: Promise<{ written: number; cached: number }>; copy(outDir: string): void } {
  mkdirSync(cacheDir, { recursive: true });
  const variants = new Map<string, { source: string; variant: ImageVariant }>();
  for (const job of jobs) for (const variant of [...job.variants, job.fallback]) variants.set(variant.path, { source: job.source, variant });
  const list = [...variants.values()];
  const cachedPath = (variant: ImageVariant) => join(cacheDir, basename(variant.path));
  let written = 0;
  let next = 0;
  const done = Promise.all(Array.from({ length: Math.min(availableParallelism(), list.length) }, async () => {
    while (next < list.length) {
      const { source, variant } = list[next++]!;
      const cached = cachedPath(variant);
      if (!existsSync(cached)) {
        await encode(source, variant, `${cached}.tmp`);
        renameSync(`${cached}.tmp`, cached);
        written++;
      }
    }
  })).then(() => ({ written, cached: list.length - written }));
  // Awaited by the caller; until then a failure must not surface as an unhandled rejection.
  done.catch(() => undefined);
  return {
    done,
    copy(outDir) {
      for (const { variant } of list) {
        const target = join(outDir, variant.path);
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(cachedPath(variant), target);
      }
    },
  };
}

export async function writeImages(jobs: ImageJob[], outDir: string, cacheDir: string): Promise<{ written: number; cached: number }> {
  const started = startImages(jobs, cacheDir);
  const run = await started.done;
  started.copy(outDir);
  return run;
}

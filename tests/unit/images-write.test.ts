/**
 * Content image variants and their cache (src/lib/images/write.ts): each variant lands in the
 * cache under its own name only when whole (no temporary file left beside it), and the next build
 * takes it from there without encoding it again.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { writeImages } from '../../src/lib/images/write.ts';
import type { ImageJob, ImageVariant } from '../../src/lib/images/variants.ts';

const work = mkdtempSync(join(tmpdir(), 'briefings-images-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const source = join(work, 'map.svg');
writeFileSync(source, '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#0a5"/></svg>');
const variant = (width: number, format: ImageVariant['format']): ImageVariant => ({ width, height: width / 2, format, path: `/images/map-abc-${width}.${format}` });
const job: ImageJob = { source, variants: [variant(20, 'avif'), variant(20, 'webp')], fallback: variant(40, 'png'), width: 40, height: 20 };
const names = ['map-abc-20.avif', 'map-abc-20.webp', 'map-abc-40.png'];

describe('content image variants', () => {
  const cache = join(work, 'cache');

  it.each([
    ['an empty cache', 3, 0],
    ['the same cache again', 0, 3],
  ])('with %s: %i encoded, %i from the cache, nothing but whole variants in the cache', async (_, written, cached) => {
    const out = join(work, `site-${written}`);
    expect(await writeImages([job], out, cache)).toEqual({ written, cached });
    expect(readdirSync(cache).sort()).toEqual(names);
    for (const name of names) expect(readFileSync(join(out, 'images', name))).toEqual(readFileSync(join(cache, name)));
  });

  it.each([
    ['map-abc-20.avif', 'avif', 20],
    ['map-abc-20.webp', 'webp', 20],
    ['map-abc-40.png', 'png', 40],
  ])('%s is a %s image %i pixels wide', async (name, format, width) => {
    const meta = await sharp(join(cache, name)).metadata();
    expect([meta.format === 'heif' ? 'avif' : meta.format, meta.width]).toEqual([format, width]);
  });
});

/**
 * The responsive variants of a content image: which widths and formats the build writes and
 * the URLs pages use. Names carry a hash of the source file, so a changed image gets new URLs
 * and unchanged ones are reused from the cache.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Dimensions } from './dimensions.ts';

export const IMAGE_WIDTHS = [480, 960, 1440];
export const IMAGE_FORMATS = ['avif', 'webp'] as const;
/** Column width of the reading text, for `sizes`. */
export const IMAGE_SIZES = '(min-width: 46rem) 46rem, 100vw';

export interface ImageVariant {
  width: number;
  height: number;
  format: 'avif' | 'webp' | 'png' | 'jpeg';
  /** Root-relative URL without base, e.g. /_images/map-1a2b3c4d-960.avif */
  path: string;
}

export interface ImageJob {
  source: string;
  variants: ImageVariant[];
  /** The <img> fallback (PNG for graphics, JPEG for photos). */
  fallback: ImageVariant;
  width: number;
  height: number;
}

export function imageJob(source: string, dims: Dimensions): ImageJob {
  const hash = createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 8);
  const name = basename(source, extname(source)).toLowerCase().replace(/[^a-z0-9]+/g, '-');
  // Vector sources can be drawn at any width; raster ones are never enlarged.
  const widths = IMAGE_WIDTHS.filter((w) => dims.format === 'svg' || w <= dims.width);
  if (widths.length === 0) widths.push(dims.width);
  const variant = (width: number, format: ImageVariant['format']): ImageVariant => ({
    width,
    height: Math.round((dims.height * width) / dims.width),
    format,
    path: `/_images/${name}-${hash}-${width}.${format === 'jpeg' ? 'jpg' : format}`,
  });
  const fallbackFormat = dims.format === 'jpeg' ? 'jpeg' : 'png';
  const display = Math.min(960, widths[widths.length - 1]!);
  return {
    source,
    variants: widths.flatMap((w) => IMAGE_FORMATS.map((f) => variant(w, f))),
    fallback: variant(display, fallbackFormat),
    width: display,
    height: Math.round((dims.height * display) / dims.width),
  };
}

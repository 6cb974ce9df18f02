/** Resolves an image reference written in content (`images/<file>`) to its responsive variants. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { imageDimensions } from './dimensions.ts';
import { imageJob, type ImageJob } from './variants.ts';

const cache = new Map<string, ImageJob | string>();

export function resolveContentImage(root: string, src: string): ImageJob | string {
  if (!/^images\/[\w.-]+\.(?:svg|png|jpe?g|webp)$/i.test(src)) return `image "${src}" must be a file in content/images/ (SVG, PNG, JPEG or WebP), written as images/<file>`;
  const path = join(root, 'content', src);
  const cached = cache.get(path);
  if (cached) return cached;
  let result: ImageJob | string;
  if (!existsSync(path)) result = `image content/${src} does not exist`;
  else {
    const dims = imageDimensions(path);
    result = dims ? imageJob(path, dims) : `image content/${src} could not be read (unsupported or damaged file)`;
  }
  cache.set(path, result);
  return result;
}

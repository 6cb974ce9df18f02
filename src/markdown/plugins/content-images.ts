/**
 * Plugin: content images.
 *
 * Accepts: `![alt text](images/file.svg)` — a file in `content/images/` (SVG, PNG, JPEG or
 * WebP). Alt text is required (each language's briefing gives its own); a missing alt or file
 * is reported as a problem.
 * Emits: `<picture>` with AVIF and WebP `srcset`s at several widths and an `<img>` fallback
 * carrying width/height (no layout shift), `loading="lazy"` and `decoding="async"` (content
 * images sit below the key points, out of the first screen). The image files themselves are
 * written by the build (src/integrations/content-images.ts) from `env.images`.
 */
import type { MarkdownIt } from 'markdown-it';
import { envOf, lineOf } from '../env.ts';
import { IMAGE_SIZES, type ImageJob } from '../../lib/images/variants.ts';

export default function contentImages(md: MarkdownIt): void {
  // Validation runs as a core rule, where each image's block (and so its line) is known.
  md.core.ruler.after('inline', 'content_images', (state) => {
    const env = envOf(state);
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        if (token.type !== 'image') continue;
        const src = String(token.attrGet('src') ?? '');
        const alt = (token.children ?? []).map((c) => c.content).join('');
        const report = (message: string, fix: string) => env.problems.push({ file: env.file, line: lineOf(env, block.map) ?? env.firstLine, message, fix });
        if (!alt.trim()) {
          report(`image "${src}" has no alt text`, "describe the image in the brackets: ![what the image shows](…), in this file's language");
          continue;
        }
        const job = env.resolveImage?.(src);
        if (!job || typeof job === 'string') {
          report(job ?? `images are not supported here (${src})`, 'put the file in content/images/ and write ![alt](images/<file>)');
          continue;
        }
        token.meta = { job };
        env.images.push(job);
      }
    }
  });
  md.renderer.rules.image = (tokens, idx, _options, rawEnv) => {
    const env = envOf({ env: rawEnv });
    const token = tokens[idx]!;
    const escape = md.utils.escapeHtml;
    const alt = (token.children ?? []).map((c) => c.content).join('');
    const job = (token.meta as { job?: ImageJob } | null)?.job;
    if (!job) return escape(alt);
    const href = (path: string) => env.assetHref(path);
    const srcset = (format: string) => job.variants.filter((v) => v.format === format).map((v) => `${href(v.path)} ${v.width}w`).join(', ');
    return `<picture>${['avif', 'webp'].map((f) => `<source type="image/${f}" srcset="${srcset(f)}" sizes="${IMAGE_SIZES}">`).join('')}<img src="${href(job.fallback.path)}" width="${job.width}" height="${job.height}" alt="${escape(alt)}" loading="lazy" decoding="async"></picture>`;
  };
}

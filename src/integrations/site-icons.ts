/**
 * Astro integration: the favicon set and web manifest, generated with sharp from one SVG
 * (src/assets/icon.svg): favicon.svg, favicon-32.png, apple-touch-icon.png (180),
 * icon-192.png, icon-512.png and site.webmanifest, all under the configured base.
 *
 * With the incremental build on, the files are kept in `<cacheDir>/briefings-icons/`
 * (src/lib/output-cache.ts) under the key of all they are made of: the base and the hash of
 * `src/` (the SVG, the sizes, the names in the manifest), astro.config.mjs and package-lock.json
 * (sharp's version); a build with the same key links them instead of drawing them again
 * (60–120 ms of every build at 1,000 bench sources).
 */
import type { AstroIntegration } from 'astro';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { t } from '../i18n/index.ts';
import { ICONS, ICON_SOURCE } from '../lib/icons.ts';
import { outputKey, restoreOutputs, saveOutputs } from '../lib/output-cache.ts';
import { buildCodeFingerprint } from '../lib/code-fingerprint.ts';

const FILES = ['favicon.svg', ...ICONS.map((icon) => icon.file), 'site.webmanifest'];

export default function siteIcons(): AstroIntegration {
  let base = '/';
  let root = '';
  let cacheDir: string | undefined;
  return {
    name: 'briefings:icons',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        root = fileURLToPath(config.root);
        cacheDir = config.experimental.incrementalBuild ? fileURLToPath(new URL('briefings-icons/', config.cacheDir)) : undefined;
      },
      'astro:build:done': async ({ dir }) => {
        const out = fileURLToPath(dir);
        const key = cacheDir && outputKey([buildCodeFingerprint(root), base]);
        if (cacheDir && key && restoreOutputs(cacheDir, key, out)) return;
        // Written anew, not through a name that may be a link to the cache's file.
        for (const file of FILES) rmSync(join(out, file), { force: true });
        const svg = readFileSync(ICON_SOURCE);
        copyFileSync(ICON_SOURCE, join(out, 'favicon.svg'));
        for (const icon of ICONS) {
          // Apple draws its own rounded corners over an opaque square.
          const image = sharp(svg, { density: 72 * Math.ceil(icon.size / 64) }).resize(icon.size, icon.size);
          await (icon.opaque ? image.flatten({ background: '#0b5c6b' }) : image).png({ compressionLevel: 9 }).toFile(join(out, icon.file));
        }
        const manifest = {
          name: `${t('ar', 'site.name')} · ${t('en', 'site.name')}`,
          short_name: t('en', 'site.name'),
          description: t('en', 'site.description'),
          lang: 'ar',
          dir: 'auto',
          start_url: base,
          scope: base,
          display: 'browser',
          background_color: '#fcfcfa',
          theme_color: '#0b5c6b',
          icons: [
            { src: `${base}favicon.svg`, sizes: 'any', type: 'image/svg+xml' },
            ...ICONS.filter((i) => i.manifest).map((i) => ({ src: `${base}${i.file}`, sizes: `${i.size}x${i.size}`, type: 'image/png' })),
          ],
        };
        writeFileSync(join(out, 'site.webmanifest'), `${JSON.stringify(manifest, null, 2)}\n`);
        if (cacheDir && key) saveOutputs(cacheDir, key, out, FILES);
      },
    },
  };
}

/**
 * Astro integration: the favicon set and web manifest, generated with sharp from one SVG
 * (src/assets/icon.svg): favicon.svg, favicon-32.png, apple-touch-icon.png (180),
 * icon-192.png, icon-512.png and site.webmanifest, all under the configured base.
 */
import type { AstroIntegration } from 'astro';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { t } from '../i18n/index.ts';
import { ICONS, ICON_SOURCE } from '../lib/icons.ts';

export default function siteIcons(): AstroIntegration {
  let base = '/';
  return {
    name: 'briefings:icons',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir }) => {
        const out = fileURLToPath(dir);
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
      },
    },
  };
}

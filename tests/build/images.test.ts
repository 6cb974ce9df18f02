import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { BUILDS, isFrameDocument, readSite } from '../helpers/site.ts';

const pngSize = (file: string) => {
  const buf = readFileSync(file);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
};

/** Mean x of dark ("ink") pixels, ignoring the accent bar at either edge. */
async function inkCentre(file: string): Promise<number> {
  const { data, info } = await sharp(file).removeAlpha().greyscale().raw().toBuffer({ resolveWithObject: true });
  let sum = 0;
  let count = 0;
  for (let y = 0; y < info.height; y++) {
    for (let x = 24; x < info.width - 24; x++) {
      if (data[y * info.width + x]! < 128) {
        sum += x;
        count++;
      }
    }
  }
  return sum / count / info.width;
}

describe.each(BUILDS)('images in $dir (base $base)', ({ dir, base }) => {
  const site = readSite(dir, base);

  it('every page has a social card of 1200×630 with full Open Graph and Twitter tags', () => {
    const bad: string[] = [];
    for (const [path, doc] of site.pages) {
      if (path === '/404.html' || path === '/' || isFrameDocument(path)) continue;
      const meta = (p: string) => doc.querySelector(`meta[property="${p}"], meta[name="${p}"]`)?.getAttribute('content');
      const image = meta('og:image');
      if (!image || !/^https?:\/\//.test(image)) {
        bad.push(`${path}: og:image ${image}`);
        continue;
      }
      const file = site.fileFor(new URL(image).pathname);
      if (!file) bad.push(`${path}: ${image} missing`);
      else {
        const { width, height } = pngSize(file);
        if (width !== 1200 || height !== 630) bad.push(`${path}: ${width}×${height}`);
      }
      for (const p of ['og:image:width', 'og:image:height', 'og:image:alt', 'og:locale', 'og:locale:alternate', 'twitter:card', 'og:title', 'og:description']) if (!meta(p)) bad.push(`${path}: no ${p}`);
      if (meta('og:image:width') !== '1200' || meta('og:image:height') !== '630') bad.push(`${path}: og:image size tags`);
    }
    expect(bad).toEqual([]);
  });

  it('Arabic cards are set from the right, English cards from the left', async () => {
    for (const id of ['miami-mediators-meeting', 'isf-overview', 'pakistan-pivotal-role']) {
      expect(await inkCentre(join(dir, 'og/ar/briefings', `${id}.png`)), `ar ${id}`).toBeGreaterThan(0.5);
      expect(await inkCentre(join(dir, 'og/en/briefings', `${id}.png`)), `en ${id}`).toBeLessThan(0.5);
    }
  });

  it('the favicon set and manifest exist at their sizes', () => {
    for (const [file, size] of [['favicon-32.png', 32], ['apple-touch-icon.png', 180], ['icon-192.png', 192], ['icon-512.png', 512]] as const) {
      expect(pngSize(join(dir, file)), file).toEqual({ width: size, height: size });
    }
    const manifest = JSON.parse(readFileSync(join(dir, 'site.webmanifest'), 'utf8'));
    expect(manifest.start_url).toBe(base);
    for (const icon of manifest.icons) expect(site.fileFor(icon.src), icon.src).toBeDefined();
    expect(site.pages.get('/en/')!.querySelector('link[rel="manifest"]')?.getAttribute('href')).toBe(`${base}site.webmanifest`);
  });

  it('content images are responsive, sized, lazy and described in both languages', () => {
    for (const lang of ['ar', 'en']) {
      const picture = site.pages.get(`/${lang}/briefings/miami-mediators-meeting/`)!.querySelector('main picture')!;
      expect(picture, lang).not.toBeNull();
      const img = picture.querySelector('img')!;
      expect(img.getAttribute('alt')!.length).toBeGreaterThan(20);
      expect(Number(img.getAttribute('width'))).toBeGreaterThan(0);
      expect(Number(img.getAttribute('height'))).toBeGreaterThan(0);
      expect(img.getAttribute('loading')).toBe('lazy');
      expect(site.fileFor(img.getAttribute('src')!)).toBeDefined();
      const types = picture.querySelectorAll('source').map((s) => s.getAttribute('type'));
      expect(types).toEqual(['image/avif', 'image/webp']);
      for (const source of picture.querySelectorAll('source')) {
        for (const candidate of source.getAttribute('srcset')!.split(', ')) expect(site.fileFor(candidate.split(' ')[0]!), candidate).toBeDefined();
      }
    }
  });
});

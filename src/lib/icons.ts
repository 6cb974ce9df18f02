/** The favicon set generated from one SVG; SiteIcons.astro links them, site-icons.ts makes them. */
import { fileURLToPath } from 'node:url';

export const ICON_SOURCE = fileURLToPath(new URL('../assets/icon.svg', import.meta.url));

export const ICONS = [
  { file: 'favicon-32.png', size: 32, manifest: false, opaque: false },
  { file: 'apple-touch-icon.png', size: 180, manifest: false, opaque: true },
  { file: 'icon-192.png', size: 192, manifest: true, opaque: false },
  { file: 'icon-512.png', size: 512, manifest: true, opaque: false },
] as const;

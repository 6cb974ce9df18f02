// A small static server for the benchmarks, with the logic of scripts/serve.mjs (base path,
// directory index.html, 404.html for unknown paths) on 127.0.0.1 and a random free port.
// Files are sent uncompressed (identity), so transfer sizes are raw file sizes.
export { serve, TYPES } from '../lib/static-server.mjs';

/** Launches Debian's Chromium through playwright-core, as the browser tests do. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

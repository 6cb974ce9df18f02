/** The sub-path build, served by nginx, with a Chromium to drive: set up once per test file. */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { serveWithNginx, type NginxOptions, type Served } from './nginx.ts';

export const DIST = process.env.DIST_SUBPATH ?? '.tmp/dist-subpath';
export const BASE = process.env.SUBPATH_BASE ?? '/briefings/';

export function useServedSite(options: NginxOptions = {}): { server: Served; browser: Browser } {
  const ctx = {} as { server: Served; browser: Browser };
  beforeAll(async () => {
    ctx.server = await serveWithNginx(DIST, BASE, options);
    ctx.browser = await launchChromium();
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.server?.stop();
  });
  return ctx;
}

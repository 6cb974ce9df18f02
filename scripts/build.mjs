#!/usr/bin/env node
// Builds the site into a staging directory and swaps it into dist/ only when the whole build
// (pages, search index, images) succeeded, so a failed build never leaves a half-written site.
// Two steps, each its own process: `astro build` (pages, feeds, cards, images), then the search
// index (scripts/index-search.mjs), so the indexer's memory never adds to the page build's.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const target = resolve(process.env.OUT_DIR ?? 'dist');
const staging = `${target}.staging`;
const previous = `${target}.previous`;
rmSync(staging, { recursive: true, force: true });

const astro = resolve('node_modules/astro/bin/astro.mjs');
const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, OUT_DIR: staging } });
let result = run([astro, 'build', ...process.argv.slice(2)]);
if (result.status === 0) result = run([resolve('scripts/index-search.mjs'), staging]);
// Last: the offline manifest lists the search index's files and hashes what the worker stores.
if (result.status === 0) result = run([resolve('scripts/offline-manifest.mjs'), staging]);
if (result.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nBuild failed; ${existsSync(target) ? `the last good site in ${target} is unchanged` : 'nothing was written'}.`);
  process.exit(result.status ?? 1);
}
rmSync(previous, { recursive: true, force: true });
if (existsSync(target)) renameSync(target, previous);
renameSync(staging, target);
rmSync(previous, { recursive: true, force: true });
console.log(`\nSite written to ${target}`);

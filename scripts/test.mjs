#!/usr/bin/env node
// `npm test`: type check, content check, both builds (domain root and a sub-path), then every
// Vitest project (unit, build output, browser on nginx). Stops at the first failing step.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const node = process.execPath;
const SUBPATH_DIR = resolve('.tmp/dist-subpath');
const SUBPATH_BASE = '/briefings/';

function step(name, args, env = {}) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(node, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed`);
    process.exit(result.status ?? 1);
  }
}

step('type check (astro check)', ['node_modules/astro/bin/astro.mjs', 'check']);
step('content check', ['scripts/check-content.mjs']);
step('build (base /)', ['scripts/build.mjs'], { BASE_PATH: '/', OUT_DIR: 'dist' });
step(`build (base ${SUBPATH_BASE})`, ['scripts/build.mjs'], { BASE_PATH: SUBPATH_BASE, OUT_DIR: SUBPATH_DIR });
step('tests', ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)], { DIST_SUBPATH: SUBPATH_DIR, SUBPATH_BASE });

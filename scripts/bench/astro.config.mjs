// The project's own Astro config, unchanged except for `cacheDir`: each benchmark root gets its
// own Astro cache (BENCH_CACHE_DIR), so a cold build can clear it without touching
// node_modules/.astro, which other builds and the tests share.
//
// With BENCH_HOOK_TIMES=1 (`npm run bench:profile`), each integration's `astro:build:done` hook
// (the end hooks: sitemap, style hashes, cards, icons…) is timed and logged as
// `[bench] end hook <name>: <wall> ms, <cpu> ms CPU` (CPU of this process, all its threads),
// so an edit's end hooks can be compared between code versions; the hooks themselves are not
// changed. Astro runs them one after another, in the config's order.
import config from '../../astro.config.mjs';

const timed = (integration) => {
  const done = integration.hooks?.['astro:build:done'];
  if (!done) return integration;
  const hook = async (params) => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    await done(params);
    const used = process.cpuUsage(cpu);
    console.log(`[bench] end hook ${integration.name}: ${Math.round(performance.now() - started)} ms, ${Math.round((used.user + used.system) / 1000)} ms CPU`);
  };
  return { ...integration, hooks: { ...integration.hooks, 'astro:build:done': hook } };
};

export default {
  ...config,
  ...(process.env.BENCH_CACHE_DIR ? { cacheDir: process.env.BENCH_CACHE_DIR } : {}),
  ...(process.env.BENCH_HOOK_TIMES === '1' ? { integrations: config.integrations.map(timed) } : {}),
};

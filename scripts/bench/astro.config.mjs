// The project's own Astro config, unchanged except for `cacheDir`: each benchmark root gets its
// own Astro cache (BENCH_CACHE_DIR), so a cold build can clear it without touching
// node_modules/.astro, which other builds and the tests share.
import config from '../../astro.config.mjs';

export default {
  ...config,
  ...(process.env.BENCH_CACHE_DIR ? { cacheDir: process.env.BENCH_CACHE_DIR } : {}),
};

// Durations in the benchmarks' logs and tables (pure, unit-tested: tests/unit/bench-durations.test.ts).

/**
 * A duration as Astro prints it ("✓ Completed in …", astro/dist/core/build/util.js getTimeStat),
 * in ms: "628ms", "9.39s", "2m 32s". Undefined for any other text. The whole text must be one of
 * those forms: "628ms" read as "628m" and nothing after it was once 628 minutes.
 */
export function astroDuration(text) {
  const t = String(text).trim();
  const ms = /^(\d+(?:\.\d+)?)ms$/.exec(t);
  if (ms) return Number(ms[1]);
  const m = /^(?:(\d+)m)?\s*(?:(\d+(?:\.\d+)?)s)?$/.exec(t);
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  return Math.round((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 1000);
}

/** A time for a table or a log line; "n/a" when there is none (undefined, null, NaN). */
export const fmtMs = (ms) => {
  if (ms === undefined || ms === null || Number.isNaN(ms)) return 'n/a';
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120000) return `${(ms / 1000).toFixed(1)} s`;
  const sec = Math.round(ms / 1000);
  return `${Math.floor(sec / 60)} min ${sec % 60} s`;
};

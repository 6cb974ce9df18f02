// Registers the offline service worker (sw.js, beside this file; see README "Reading offline").
// The first page opened is loaded before the worker exists, so it is handed over once it is ready.
const base = new URL('./', import.meta.url);

async function register() {
  const uncontrolled = !navigator.serviceWorker.controller;
  // updateViaCache 'none': a new build's worker and version file never come from the HTTP cache.
  await navigator.serviceWorker.register(new URL('sw.js', base), { scope: base.pathname, updateViaCache: 'none' });
  if (!uncontrolled) return;
  const { active } = await navigator.serviceWorker.ready;
  await document.fonts.ready;
  const urls = [location.href, ...performance.getEntriesByType('resource').map((entry) => entry.name)];
  active?.postMessage({ type: 'keep', urls });
}

if ('serviceWorker' in navigator) register().catch(() => undefined);

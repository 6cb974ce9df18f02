// Registers the offline service worker (sw.js, beside this file; see README "Reading offline").
// The first page opened is loaded before the worker exists, so it is handed over once it is ready.
const base = new URL('./', import.meta.url);

// Resolves once the page has loaded and nothing on it is busy (aria-busy="true": the search
// results while a search fills them), so the worker's installation never competes with them.
function idle() {
  return new Promise((resolve) => {
    const busy = () => document.readyState !== 'complete' || document.querySelector('[aria-busy="true"]');
    const check = () => {
      if (busy()) return;
      observer.disconnect();
      removeEventListener('load', check);
      resolve();
    };
    const observer = new MutationObserver(check);
    observer.observe(document.documentElement, { subtree: true, attributeFilter: ['aria-busy'] });
    addEventListener('load', check);
    check();
  });
}

async function register() {
  await idle();
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

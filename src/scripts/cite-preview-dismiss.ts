/**
 * Escape closes the citation preview that is open (WCAG 1.4.13: content that appears on hover or
 * focus can be dismissed without moving the pointer or the focus). Previews open and read
 * without script (src/lib/citation-preview.ts); this adds only the dismissal, as a progressive
 * enhancement.
 *
 * A closed preview stays closed until both the pointer and the focus have left it, so the next
 * hover or focus opens it again. Runs in the pages that show previews and in the preview document
 * itself, because focus may be inside the frame (its "read in context" link): there Escape asks
 * the page around it to close the frame and hands the focus back to the citation link.
 */
const CLOSED = 'data-closed';
const CLOSE_MESSAGE = 'cite-preview:close';

function reopenWhenLeft(wrap: HTMLElement): void {
  const check = () => {
    // Focus moves after focusout fires; look once it has settled.
    requestAnimationFrame(() => {
      if (wrap.matches(':hover, :focus-within')) return;
      wrap.removeAttribute(CLOSED);
      wrap.removeEventListener('pointerleave', check);
      wrap.removeEventListener('focusout', check);
    });
  };
  wrap.addEventListener('pointerleave', check);
  wrap.addEventListener('focusout', check);
}

function close(wrap: HTMLElement, refocus: boolean): void {
  if (wrap.hasAttribute(CLOSED)) return;
  wrap.setAttribute(CLOSED, '');
  if (refocus) wrap.querySelector('a')?.focus();
  reopenWhenLeft(wrap);
}

const inPreviewFrame = window.parent !== window && document.body.classList.contains('preview');

document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  if (inPreviewFrame) {
    window.parent.postMessage({ type: CLOSE_MESSAGE }, location.origin);
    return;
  }
  for (const wrap of document.querySelectorAll<HTMLElement>('.cite-preview:is(:hover, :focus-within)')) close(wrap, false);
});

if (!inPreviewFrame) {
  window.addEventListener('message', (event) => {
    if (event.origin !== location.origin || event.data?.type !== CLOSE_MESSAGE) return;
    const frame = [...document.querySelectorAll<HTMLIFrameElement>('.cite-preview > iframe')].find((f) => f.contentWindow === event.source);
    const wrap = frame?.parentElement;
    if (wrap) close(wrap, true);
  });
}

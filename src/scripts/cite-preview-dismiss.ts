/**
 * Escape closes the citation preview that is open (WCAG 1.4.13: content that appears on hover or
 * focus can be dismissed without moving the pointer or the focus). Previews open and read
 * without script (src/lib/citation-preview.ts); this adds only the dismissal, as a progressive
 * enhancement.
 *
 * A closed preview stays closed until both the pointer and the focus have left it, so the next
 * hover or focus opens it again. Focus may be inside a preview's frame (its "read in context"
 * link): the frame is a same-origin document, so its keys are heard here too, and Escape there
 * also hands the focus back to the citation link.
 */
const CLOSED = 'data-closed';
/** A citation with its preview (src/lib/citation-preview.ts). */
const PREVIEW = '.cites > span';

function reopenWhenLeft(wrap: HTMLElement): void {
  const reopen = () => {
    wrap.removeAttribute(CLOSED);
    wrap.removeEventListener('pointerleave', onPointerLeave);
    wrap.removeEventListener('focusout', onFocusOut);
  };
  const onPointerLeave = () => {
    if (!wrap.matches(':focus-within')) reopen();
  };
  // relatedTarget is where focus goes (null when it leaves for nowhere or another document).
  const onFocusOut = (event: FocusEvent) => {
    const to = event.relatedTarget;
    if (!(to instanceof Node && wrap.contains(to)) && !wrap.matches(':hover')) reopen();
  };
  wrap.addEventListener('pointerleave', onPointerLeave);
  wrap.addEventListener('focusout', onFocusOut);
}

function close(wrap: HTMLElement, refocus: boolean): void {
  if (wrap.hasAttribute(CLOSED)) return;
  wrap.setAttribute(CLOSED, '');
  if (refocus) wrap.querySelector('a')?.focus();
  reopenWhenLeft(wrap);
}

const isEscape = (event: KeyboardEvent) => event.key === 'Escape';

document.addEventListener('keydown', (event) => {
  if (!isEscape(event)) return;
  for (const wrap of document.querySelectorAll<HTMLElement>(`${PREVIEW}:is(:hover, :focus-within)`)) close(wrap, false);
});

// A frame loads only when its preview first opens (loading="lazy"); listen inside it from then on.
// One capturing listener for every frame: touching each frame's document up front would make the
// browser create a blank document for each of a briefing's hundred frames (a 350 ms long task on
// Lighthouse's mobile profile).
document.addEventListener(
  'load',
  (event) => {
    const frame = event.target;
    if (!(frame instanceof HTMLIFrameElement) || !frame.parentElement?.matches(PREVIEW)) return;
    frame.contentDocument?.addEventListener('keydown', (key) => {
      if (isEscape(key) && frame.parentElement) close(frame.parentElement, true);
    });
  },
  true,
);

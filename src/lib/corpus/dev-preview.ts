/**
 * State the dev server shares with page rendering: whether drafts are previewed, and how many
 * times content has changed (the corpus is re-read when the count moves). Set only by the
 * editor-loop integration in `astro dev`; absent in builds and scripts, so they leave drafts
 * out. Kept on globalThis because the integration and the rendered pages load separate copies
 * of this module.
 */
import { sharedSlot, sharedState } from '../shared-state.ts';

interface DevPreview {
  generation: number;
}

const slot = sharedSlot<DevPreview>('__briefingsDevPreview');

export function devPreview(): DevPreview | undefined {
  return slot.get();
}

/** Called by the integration when `astro dev` starts. */
export function startDevPreview(): void {
  sharedState<DevPreview>('__briefingsDevPreview', () => ({ generation: 0 }));
}

/** Called by the integration's watcher when a content file or seed changes. */
export function contentChanged(): void {
  const preview = slot.get();
  if (preview) preview.generation += 1;
}

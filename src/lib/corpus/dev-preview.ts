/**
 * State the dev server shares with page rendering: whether drafts are previewed, and how many
 * times content has changed (the corpus is re-read when the count moves). Set only by the
 * editor-loop integration in `astro dev`; absent in builds and scripts, so they leave drafts
 * out. Kept on globalThis because the integration and the rendered pages load separate copies
 * of this module.
 */
interface DevPreview {
  generation: number;
}

const slot = globalThis as typeof globalThis & { __briefingsDevPreview?: DevPreview };

export function devPreview(): DevPreview | undefined {
  return slot.__briefingsDevPreview;
}

/** Called by the integration when `astro dev` starts. */
export function startDevPreview(): void {
  slot.__briefingsDevPreview ??= { generation: 0 };
}

/** Called by the integration's watcher when a content file or seed changes. */
export function contentChanged(): void {
  if (slot.__briefingsDevPreview) slot.__briefingsDevPreview.generation += 1;
}

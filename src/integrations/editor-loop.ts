/**
 * Astro integration: the editor's loop.
 *
 * - `astro dev` previews drafts (src/lib/corpus/drafts.ts): they render with a banner listing
 *   what is left to fix, and every other page renders as it will be published.
 * - Saving a file under `content/` or `seeds/` reloads the open page: the dev server's own
 *   watcher (Vite's chokidar) is told to watch those folders, the corpus is re-read on the next
 *   request, and the browser gets Vite's `full-reload` message over the dev server's socket.
 *   (Content is read from disk, not imported, so Vite's module graph never sees these files.)
 * - `astro build` checks the content before rendering anything: an error in published content
 *   stops it with every problem listed; drafts are left out, named in one line.
 */
import type { AstroIntegration } from 'astro';
import { join, sep } from 'node:path';
import { getCorpus } from '../lib/corpus/index.ts';
import { contentChanged, startDevPreview } from '../lib/corpus/dev-preview.ts';
import { projectRoot, rel } from '../lib/corpus/files.ts';
import type { Draft } from '../lib/corpus/drafts.ts';
import { setConfiguredBase } from '../lib/urls.ts';

/** Saves often arrive as several events (write, rename); one reload for them all. */
const SETTLE_MS = 60;

export function draftsNotice(drafts: readonly Draft[]): string {
  return `${drafts.length} draft${drafts.length === 1 ? '' : 's'} left out of the build: ${drafts.map((d) => `${d.kind} "${d.id}" (${d.reasons.join(', ')})`).join('; ')}`;
}

export default function editorLoop(): AstroIntegration {
  let base = '/';
  return {
    name: 'briefings:editor-loop',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'dev') startDevPreview();
      },
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        // The corpus read at build start is the one the pages render: its links need the base.
        setConfiguredBase(base);
      },
      'astro:server:setup': ({ server, logger }) => {
        const root = projectRoot();
        const folders = [join(root, 'content'), join(root, 'seeds')];
        server.watcher.add(folders);
        let timer: ReturnType<typeof setTimeout> | undefined;
        const changed = new Set<string>();
        const onChange = (path: string) => {
          if (!folders.some((folder) => path.startsWith(folder + sep))) return;
          contentChanged();
          changed.add(rel(root, path));
          clearTimeout(timer);
          timer = setTimeout(() => {
            logger.info(`${[...changed].join(', ')} changed: reloading the page`);
            changed.clear();
            server.environments.client.hot.send({ type: 'full-reload', path: '*' });
          }, SETTLE_MS);
        };
        server.watcher.on('add', onChange).on('change', onChange).on('unlink', onChange);
      },
      'astro:server:start': ({ address, logger }) => {
        try {
          const { drafts } = getCorpus();
          const host = ['::', '0.0.0.0', '::1', '127.0.0.1'].includes(address.address) ? 'localhost' : address.address;
          const origin = `http://${host}:${address.port}${base}`;
          const urls = drafts.map((d) => `${origin}en/${d.kind === 'briefing' ? 'briefings' : 'sources'}/${d.id}/`);
          if (drafts.length) logger.info(`previewing ${drafts.length} draft${drafts.length === 1 ? '' : 's'}: ${urls.join(' ')}`);
        } catch {
          // Content errors show on the first page opened, in the overlay, with file and line.
        }
      },
      'astro:build:start': ({ logger }) => {
        // Throws a ContentError listing every problem when published content has errors.
        const { drafts } = getCorpus();
        if (drafts.length) logger.info(draftsNotice(drafts));
      },
    },
  };
}

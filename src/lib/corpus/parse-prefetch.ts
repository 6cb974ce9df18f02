/**
 * The parse cache's entries of the briefings, made ahead in a worker thread while the page build
 * loads the corpus (parse-cache.ts). Loading the corpus is one thread's work, and in a cold build
 * (no parse cache) a briefing's frontmatter YAML is parsed twice there, once for its data and lines
 * (yamlSnapshot) and once for its content revision (editorial/alignment.ts): at 1,000 bench sources
 * 2.2 s of the corpus load's 6.1 s, with the second core idle (2 December 2026, CPU profile of a
 * cold build).
 *
 * The worker (parse-prefetch-worker.ts) reads the briefings in the order the loader does
 * (load-briefings.ts), as the loader reads them (files.ts readUtf8), and makes each one's two
 * entries with the same functions, named as the cache names them (the hash of the text they are
 * made of). The loader starts with the sources and topics, so the worker is ahead by then. On a
 * miss, the parse cache takes the entry from here when the worker has made it (as from the cache
 * of the last build: the same text gives the same entry), and makes it itself otherwise. So what
 * the worker makes, or fails to make, can change when the work is done, never what it gives.
 *
 * The entries arrive on a message port read synchronously (receiveMessageOnPort): the corpus
 * loads in one synchronous pass, and the event loop does not turn until it is over.
 */
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { sharedSlot } from '../shared-state.ts';

interface Prefetch {
  worker: Worker;
  port: MessagePort;
  /** Entries received and not yet taken, by name. */
  entries: Map<string, string>;
  /** Entries taken. */
  taken: number;
}

// One worker for every copy of this module (shared-state.ts).
const running = sharedSlot<Prefetch>('__briefingsParsePrefetch');

/** What the worker is given: the corpus's root folder and the languages, in the loader's order. */
export interface PrefetchInput {
  root: string;
  langs: readonly string[];
  port: MessagePort;
}

/** Starts making the briefings' entries under `root` (stopped by stopParsePrefetch). */
export function startParsePrefetch(root: string, langs: readonly string[]): void {
  stopParsePrefetch();
  const { port1, port2 } = new MessageChannel();
  const input: PrefetchInput = { root, langs, port: port2 };
  const worker = new Worker(new URL('./parse-prefetch-worker.ts', import.meta.url), { workerData: input, transferList: [port2] });
  // Nothing waits for it: an error only means the loader makes those entries itself.
  worker.on('error', () => {});
  worker.unref();
  running.set({ worker, port: port1, entries: new Map(), taken: 0 });
}

/** The entry `name` if the worker has made it (taken: asked for once). */
export function takePrefetched(name: string): string | undefined {
  const prefetch = running.get();
  if (!prefetch) return undefined;
  for (let message = receiveMessageOnPort(prefetch.port); message; message = receiveMessageOnPort(prefetch.port)) {
    for (const [entry, payload] of message.message as [string, string][]) prefetch.entries.set(entry, payload);
  }
  const payload = prefetch.entries.get(name);
  if (payload !== undefined) {
    prefetch.entries.delete(name);
    prefetch.taken++;
  }
  return payload;
}

/** Stops the worker and drops what was not taken (the corpus is loaded); returns how many entries were taken, if it ran. */
export function stopParsePrefetch(): number | undefined {
  const prefetch = running.get();
  if (!prefetch) return undefined;
  running.clear();
  prefetch.port.close();
  void prefetch.worker.terminate();
  return prefetch.taken;
}

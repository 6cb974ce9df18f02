/**
 * The social-card rendering process (started by startCards in build.ts): receives the cards to
 * render over IPC, renders them into the cache with one card in flight per core, reports its wall
 * and CPU time, and exits.
 */
import { renderJobs, type CardJob } from './build.ts';

process.once('message', async (message: { jobs: CardJob[] }) => {
  try {
    const done = await renderJobs(message.jobs);
    process.send!({ done }, () => process.exit(0));
  } catch (error) {
    process.send!({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.exit(1));
  }
});

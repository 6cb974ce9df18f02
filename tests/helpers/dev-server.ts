/**
 * Astro's own dev server (`astro dev`) on a free port of 127.0.0.1, with the content read from
 * `root` (BRIEFING_ROOT); started and stopped by the test.
 */
import { spawn } from 'node:child_process';
import { freePort } from './nginx.ts';

export interface DevServer {
  url(path: string): string;
  /** Everything the server printed so far. */
  log(): string;
  stop(): Promise<void>;
}

export async function startDevServer(root: string): Promise<DevServer> {
  const port = await freePort();
  // --ignore-lock: run beside an editor's own `npm run dev` of this project instead of refusing.
  const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'], {
    // Astro's dev server serves no pages when it believes it runs inside Vitest (VITEST set).
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST'))), BRIEFING_ROOT: root, NODE_ENV: 'development', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (d) => (output += String(d)));
  child.stderr.on('data', (d) => (output += String(d)));
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    // The dev server starts workers of its own: end its whole process group.
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
  // Ready when Astro says so and a page renders (Vite may answer 404 while it is still setting up).
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`astro dev exited:\n${output}`);
    if (i > 900) {
      await stop();
      throw new Error(`astro dev did not start in 90 s:\n${output}`);
    }
    if (/ready in/.test(output)) {
      try {
        if ((await fetch(`${origin}/en/`)).status === 200) break;
      } catch {
        // not listening yet
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: (path) => `${origin}${path}`,
    log: () => output,
    stop,
  };
}

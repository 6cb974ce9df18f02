#!/usr/bin/env node
// `node scripts/bench/cards.mjs [--size 1000 | --root <bench root>] [--count 400]
// [--code rev1,rev2,...] [--rounds 2] [--prof] [--perf] [--keep]` — CPU per social card, old
// code and new side by side in one run (run it under the team's heavy-job lock).
//
// Draws `count` real cards (an even stride through every card of .tmp/bench/<size>, so each
// kind and both languages in their build's proportions) with an empty cache, in the card process
// the build uses (src/lib/cards/worker.ts, forked with the specs over IPC), once per code
// version per round, alternating A/B/A/B. Each code version is `git archive <rev> src`, or
// `live` (this working tree), or `dir:<path>` (a copy of src/ with a variant). Reports per
// run: CPU per card as the build logs it (renderJobs' process.cpuUsage: user + system, all
// threads, after the process has started), the process's CPU split by thread from /proc (JS
// main thread, libuv pool where sharp/libvips runs, V8 helpers), wall time and the load average. `--prof` adds --cpu-prof (JS main thread only);
// `--perf` samples the process with perf (native frames, all threads); `--keep` keeps the cards.
// The bench root must exist (`npm run bench` generates it); it is only read.
import { execFileSync, fork, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BENCH_DIR, PROJECT, codeSnapshot, parseArgs } from './lib.mjs';

const args = parseArgs(process.argv.slice(2), ['prof', 'perf', 'keep']);
const size = Number(args.size ?? 1000);
const count = Number(args.count ?? 400);
const rounds = Number(args.rounds ?? 2);
const codes = String(args.code ?? 'HEAD,live').split(',');
const root = resolve(args.root ?? join(BENCH_DIR, String(size)));
const work = join(PROJECT, '.tmp', 'cards-bench');
const specsFile = join(work, `specs-${root.replace(/\W/g, '_')}.json`);
mkdirSync(work, { recursive: true });

/** The card specs of the bench root (computed once, with the live code's specs.ts). */
function allSpecs() {
  const file = specsFile;
  if (!existsSync(file)) {
    const script = `
      import { getCorpus } from ${JSON.stringify(join(PROJECT, 'src/lib/corpus/index.ts'))};
      import { cardSpecs } from ${JSON.stringify(join(PROJECT, 'src/lib/cards/specs.ts'))};
      process.stdout.write(JSON.stringify(cardSpecs(getCorpus())));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, BRIEFING_ROOT: root }, maxBuffer: 1 << 30 });
    writeFileSync(file, out);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** A code version's src/ folder: the live tree, a copy of src/ (dir:), or a revision's tree (codeSnapshot). */
function codeDir(rev) {
  if (rev === 'live') return join(PROJECT, 'src');
  // dir:<path> — a prepared copy of src/ (a variant tried without committing it).
  if (rev.startsWith('dir:')) return resolve(PROJECT, rev.slice(4));
  return join(codeSnapshot(rev === 'HEAD' ? 'head' : `rev:${rev}`).dir, 'src');
}

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** CPU (ms) per thread of a live process, by thread name. */
function threads(pid) {
  const byName = new Map();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = /\((.*)\)/.exec(stat)[1];
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = (Number(f[11]) + Number(f[12])) * TICK_MS;
      const label = tid === String(pid) ? 'main (JS)' : name;
      byName.set(label, (byName.get(label) ?? 0) + ms);
    } catch {}
  }
  // The process's own figure counts threads that have already exited too.
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const g = f.slice(f.lastIndexOf(')') + 2).split(' ');
  const total = (Number(g[11]) + Number(g[12])) * TICK_MS;
  byName.set('(exited threads)', total - [...byName.values()].reduce((a, b) => a + b, 0));
  return byName;
}

function run(rev, specs, tag) {
  const src = codeDir(rev);
  const cache = mkdtempSync(join(work, 'cache-'));
  const jobs = specs.map((spec, i) => ({ spec, cached: join(cache, `${i}.png`) }));
  const execArgv = args.prof ? ['--cpu-prof', `--cpu-prof-dir=${join(work, 'prof')}`, `--cpu-prof-name=${tag}.cpuprofile`] : [];
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  return new Promise((done, fail) => {
    const child = fork(join(src, 'lib/cards/worker.ts'), [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let perf;
    if (args.perf) perf = spawn('perf', ['record', '-F', '499', '-g', '-o', join(work, `${tag}.perf.data`), '-p', String(child.pid)], { stdio: 'ignore' });
    let result;
    child.on('message', (m) => {
      if (m.error) fail(new Error(m.error));
      if (m.done) result = { ...m.done, threads: threads(child.pid) };
    });
    child.on('exit', (code) => {
      perf?.kill('SIGINT');
      if (!result || code !== 0) return fail(new Error(`${rev}: exit ${code}`));
      const outputs = jobs.map((j) => readFileSync(j.cached));
      if (args.keep) {
        // --keep: the cards stay in .tmp/cards-bench/out/<tag>/ (to look at, or compare pixels).
        const out = join(work, 'out', tag);
        rmSync(out, { recursive: true, force: true });
        mkdirSync(out, { recursive: true });
        jobs.forEach((j, i) => writeFileSync(join(out, `${i}-${j.spec.lang}.png`), outputs[i]));
      }
      rmSync(cache, { recursive: true, force: true });
      done({ rev, load, ...result, outputs });
    });
    child.send({ jobs });
  });
}

const all = allSpecs();
const stride = all.length / count;
const specs = Array.from({ length: Math.min(count, all.length) }, (_, i) => all[Math.floor(i * stride)]);
console.log(`${specs.length} of ${all.length} cards of ${root} (${specs.filter((s) => s.lang === 'ar').length} Arabic); codes: ${codes.join(', ')}; ${rounds} round(s)`);
const firstOutputs = new Map();
for (let r = 0; r < rounds; r++) {
  for (const rev of codes) {
    const res = await run(rev, specs, `${rev.replace(/\W/g, '_')}-${r}`);
    const same = firstOutputs.has(rev) ? res.outputs.every((b, i) => b.equals(firstOutputs.get(rev)[i])) : undefined;
    if (!firstOutputs.has(rev)) firstOutputs.set(rev, res.outputs);
    const sameAsFirstCode = res.outputs.every((b, i) => b.equals(firstOutputs.get(codes[0])[i]));
    const bytes = res.outputs.reduce((a, b) => a + b.length, 0);
    const th = [...res.threads].sort((a, b) => b[1] - a[1]).map(([n, ms]) => `${n} ${(ms / specs.length).toFixed(2)}`).join(', ');
    console.log(
      `round ${r + 1} ${rev.padEnd(8)} ${(res.cpuMs / specs.length).toFixed(2)} ms CPU/card (wall ${(res.ms / specs.length).toFixed(2)} ms/card), load ${res.load}; ` +
        `${(bytes / specs.length / 1024).toFixed(1)} KiB/card; same bytes as its round 1: ${same ?? 'n/a'}, as ${codes[0]}: ${sameAsFirstCode}\n    per thread, whole process (ms/card): ${th}`,
    );
  }
}

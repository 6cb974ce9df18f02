// Shared helpers for the benchmarks in scripts/bench/ (not tests: none of this runs in `npm test`).
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { descendants } from '../lib/process-tree.mjs';

/** The project root (two levels above this file), whatever the working directory. */
export const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Everything the benchmarks generate lives here (gitignored). */
export const BENCH_DIR = join(PROJECT, '.tmp', 'bench');
/** The pinned Node 24 (never the system node). */
export const NODE = join(PROJECT, 'node_modules', '.bin', 'node');

/** The base a built site was made for, read from the first stylesheet link of its entry page. */
export const builtSiteBase = (root) => /href="([^"]*?)_astro\/[^"]+\.css"/.exec(readFileSync(join(root, 'index.html'), 'utf8'))?.[1] ?? '/';

/** The search pages the search benchmarks load: one query a language, the same as the Lighthouse test's. */
export const SEARCH_QUERIES = { en: 'Turkey', ar: 'تركيا' };
export const SEARCH_PAGES = Object.fromEntries(Object.entries(SEARCH_QUERIES).map(([lang, q]) => [lang, `/${lang}/search/?q=${encodeURIComponent(q)}`]));

export function ensureDir(dir) {
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Refuses to write anywhere but .tmp/bench/ (dist/ and .tmp/dist-subpath belong to the tests). */
export function assertBenchPath(path) {
  const abs = resolve(path);
  if (!(abs === BENCH_DIR || abs.startsWith(`${BENCH_DIR}/`))) throw new Error(`refusing to write outside ${BENCH_DIR}: ${abs}`);
  return abs;
}

/** Total bytes and file count under a directory. */
export function dirSize(dir) {
  let bytes = 0;
  let files = 0;
  if (!existsSync(dir)) return { bytes, files };
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop();
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) stack.push(p);
      else if (entry.isFile()) {
        bytes += statSync(p).size;
        files += 1;
      }
    }
  }
  return { bytes, files };
}

/** The machine the figures were measured on. */
export function machine() {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    cpu = /^model name\s*:\s*(.+)$/m.exec(info)?.[1]?.trim() ?? cpu;
  } catch {}
  let nproc = cpus().length;
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || nproc;
  } catch {}
  let commit = 'unknown';
  let dirty = false;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: PROJECT, encoding: 'utf8' }).trim();
    dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'astro.config.mjs', 'package.json'], { cwd: PROJECT, encoding: 'utf8' }).trim() !== '';
  } catch {}
  const pkg = (name) => {
    try {
      return JSON.parse(readFileSync(join(PROJECT, 'node_modules', name, 'package.json'), 'utf8')).version;
    } catch {
      return undefined;
    }
  };
  return {
    cpu,
    nproc,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    astro: pkg('astro'),
    pagefind: pkg('pagefind'),
    loadavg: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
    commit: dirty ? `${commit}+changes` : commit,
  };
}

const PAGE = 4096;

/**
 * What a process of a build is, from its command line: the steps of scripts/build.mjs and the
 * processes they start get names of their own, so CPU and memory can be told apart per phase.
 */
const ROLES = [
  [/astro\.mjs build/, 'astro build'],
  [/cards\/worker\.ts/, 'cards'],
  [/index-search\.mjs/, 'search index'],
  [/pagefind/, 'pagefind'],
  [/offline-manifest\.mjs/, 'offline manifest'],
  [/scripts\/build\.mjs/, 'build script'],
  [/esbuild/, 'esbuild'],
];
function roleOf(pid, comm) {
  if (comm === 'time') return comm;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    for (const [re, role] of ROLES) if (re.test(cmdline)) return role;
  } catch {}
  // A command line not readable yet (a process just started): its name may still say it.
  for (const [re, role] of ROLES) if (re.test(comm)) return role;
  return comm;
}
function rssOf(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
  } catch {
    return 0;
  }
}

/**
 * Runs a command, timing it and sampling the summed resident memory of its whole process tree
 * (Node, and the Pagefind binary it starts) every `interval` ms. GNU time, when present, adds
 * the largest single process's peak (ru_maxrss), which sampling can miss between polls.
 * `onLine(line, ms)` sees every output line with its arrival time since start.
 *
 * `memoryLimit` (bytes) emulates a build runner's memory limit (GitHub's standard runner for
 * private repositories has 7 GB): when the sampled tree exceeds it, the whole tree is killed, as
 * the runner's out-of-memory killer would, and the result says so (`memoryLimitExceeded`).
 */
export function measure(cmd, args, { env, cwd = PROJECT, interval = 100, log, onLine, memoryLimit } = {}) {
  const timeFile = log ? `${log}.time` : undefined;
  const useTime = existsSync('/usr/bin/time') && timeFile;
  const [file, argv] = useTime ? ['/usr/bin/time', ['-f', '%M %e', '-o', timeFile, cmd, ...args]] : [cmd, args];
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const child = spawn(file, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let peakTree = 0;
    let memoryLimitExceeded = false;
    const procs = new Map(); // pid -> { comm, cpuTicks, peakRss }
    const sample = () => {
      let sum = 0;
      for (const pid of descendants(child.pid)) {
        const rss = rssOf(pid);
        sum += rss;
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          // A child seen between fork and exec still has its parent's name and command line: its
          // role is read again once its name changes (Pagefind's processes were counted as Node's).
          const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          const known = procs.get(pid);
          const comm = known && known.name === name ? known.comm : roleOf(pid, name);
          const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          const p = known ?? { comm, name, cpuTicks: 0, peakRss: 0 };
          p.comm = comm;
          p.name = name;
          p.cpuTicks = Number(f[11]) + Number(f[12]);
          p.peakRss = Math.max(p.peakRss, rss);
          p.lastRss = rss;
          procs.set(pid, p);
        } catch {}
      }
      if (sum > peakTree) peakTree = sum;
      if (memoryLimit && sum > memoryLimit && !memoryLimitExceeded) {
        memoryLimitExceeded = true;
        for (const pid of descendants(child.pid).reverse()) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {}
        }
      }
      // About once a second: resident memory per program, to see which phase peaks.
      const now = performance.now() - start;
      if (!timeline.length || now - timeline[timeline.length - 1].ms >= 1000) {
        const byComm = {};
        for (const p of procs.values()) if (p.lastRss) byComm[p.comm] = Math.max(byComm[p.comm] ?? 0, p.lastRss);
        timeline.push({ ms: Math.round(now), tree: sum, rss: byComm });
      }
      for (const p of procs.values()) p.lastRss = 0;
    };
    const timeline = [];
    const timer = setInterval(sample, interval);
    const chunks = [];
    const lines = [];
    // The log is written as the build goes, so a long run can be followed with tail -f.
    const logStream = log ? createWriteStream(log) : null;
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (data) => {
        const ms = performance.now() - start;
        chunks.push(data);
        logStream?.write(data.replace(/\x1b\[[0-9;]*m/g, ''));
        const parts = (rest + data).split('\n');
        rest = parts.pop();
        for (const line of parts) {
          lines.push({ ms, line });
          onLine?.(line, ms);
        }
      });
      stream.on('end', () => {
        if (rest) lines.push({ ms: performance.now() - start, line: rest });
      });
    }
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', async (code) => {
      clearInterval(timer);
      const wallMs = performance.now() - start;
      const output = chunks.join('');
      let maxRssSingle;
      if (useTime) {
        try {
          const [kb] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ');
          maxRssSingle = Number(kb) * 1024;
        } catch {}
      }
      if (logStream) await new Promise((r) => logStream.end(r));
      // Per program (by command name): CPU seconds as last sampled and peak resident memory.
      const byComm = {};
      for (const p of procs.values()) {
        if (p.comm === 'time') continue;
        const e = (byComm[p.comm] ??= { processes: 0, cpuSec: 0, peakRss: 0 });
        e.processes += 1;
        e.cpuSec = Math.round((e.cpuSec + p.cpuTicks / 100) * 10) / 10;
        e.peakRss = Math.max(e.peakRss, p.peakRss);
      }
      resolvePromise({ code: memoryLimitExceeded ? 137 : code, memoryLimitExceeded, wallMs, peakTreeRss: peakTree, maxRssSingle, processes: byComm, timeline, output, lines });
    });
  });
}

export const fmtBytes = (n) => {
  if (n === undefined || n === null || Number.isNaN(n)) return 'n/a';
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
};
export { fmtMs } from './durations.mjs';

/** A plain text table: rows of cells, first row the header; numbers right-aligned. */
export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => (/^[\d.,]+( \w+)?$|^n\/a$/.test(String(c)) ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** Minimal argv parsing: --name value, --name=value and --flag. */
export function parseArgs(argv, flags = []) {
  const out = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      out._.push(a);
      continue;
    }
    const [k, v] = a.slice(2).split('=', 2);
    if (v !== undefined) out[k] = v;
    else if (flags.includes(k)) out[k] = true;
    else out[k] = argv[++i];
  }
  return out;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/**
 * The code a benchmark builds. Another engineer may be editing src/ while a long benchmark
 * runs, so by default the benchmarks build a frozen copy under .tmp/bench/code/:
 *   head      `git archive HEAD` (reproducible; the default for `npm run bench`)
 *   rev:<r>   `git archive <r>`, any revision (an old commit measured beside the new)
 *   worktree  a copy of the working tree as it is now (tracked and untracked, not ignored files)
 *   live      the project folder itself (edits during the run are picked up)
 *   dir:<path> a prepared copy, e.g. a candidate fix under .tmp/bench/code/
 * The copy gets a node_modules symlink to the project's. Returns { dir, label }.
 */
export function codeSnapshot(mode = 'head') {
  if (mode === 'live') return { dir: PROJECT, label: 'live working tree' };
  // dir:<path> — a prepared copy (e.g. a candidate fix tried under .tmp/bench/code/).
  if (mode.startsWith('dir:')) {
    const dir = resolve(PROJECT, mode.slice(4));
    if (!existsSync(join(dir, 'astro.config.mjs'))) throw new Error(`${dir} has no astro.config.mjs`);
    if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(PROJECT, 'node_modules'), join(dir, 'node_modules'));
    mkdirSync(join(dir, 'scripts', 'bench'), { recursive: true });
    copyFileSync(join(PROJECT, 'scripts', 'bench', 'astro.config.mjs'), join(dir, 'scripts', 'bench', 'astro.config.mjs'));
    return { dir, label: `code in ${relative(PROJECT, dir)}` };
  }
  const git = (...a) => execFileSync('git', a, { cwd: PROJECT, encoding: 'buffer', maxBuffer: 1 << 30 });
  let dir;
  let label;
  if (mode === 'worktree') {
    const files = git('ls-files', '-z', '-c', '-o', '--exclude-standard').toString().split('\0').filter((f) => f && existsSync(join(PROJECT, f)) && statSync(join(PROJECT, f)).isFile());
    const hash = createHash('sha256');
    for (const f of files.sort()) hash.update(f).update(readFileSync(join(PROJECT, f)));
    const id = hash.digest('hex').slice(0, 12);
    label = `working tree ${id}`;
    dir = join(BENCH_DIR, 'code', `wt-${id}`);
    if (!existsSync(join(dir, 'package.json'))) {
      for (const f of files) {
        mkdirSync(dirname(join(dir, f)), { recursive: true });
        copyFileSync(join(PROJECT, f), join(dir, f));
      }
    }
  } else {
    // head, or any revision git knows (rev:<name>, e.g. rev:1536356): that commit's tree.
    const rev = mode === 'head' ? 'HEAD' : mode.startsWith('rev:') ? mode.slice(4) : undefined;
    if (!rev) throw new Error(`unknown --code ${mode} (head, rev:<revision>, worktree, live or dir:<path>)`);
    const commit = git('rev-parse', '--verify', `${rev}^{commit}`).toString().trim();
    label = `${rev} ${commit.slice(0, 7)}`;
    dir = join(BENCH_DIR, 'code', commit.slice(0, 12));
    if (!existsSync(join(dir, 'package.json'))) {
      mkdirSync(dir, { recursive: true });
      execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C "${dir}"`], { cwd: PROJECT });
    }
  }
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(PROJECT, 'node_modules'), join(dir, 'node_modules'));
  // The benchmark's Astro config wrapper (it imports the snapshot's own astro.config.mjs).
  mkdirSync(join(dir, 'scripts', 'bench'), { recursive: true });
  copyFileSync(join(PROJECT, 'scripts', 'bench', 'astro.config.mjs'), join(dir, 'scripts', 'bench', 'astro.config.mjs'));
  return { dir, label };
}

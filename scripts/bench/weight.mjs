#!/usr/bin/env node
// `npm run bench:weight [-- <built site dir>]` — page weight of a built site (read-only).
//
// For a briefing, a topic and the search page in each language it reports the bytes of the HTML
// and of every CSS, JavaScript, font and image file the page references, raw and compressed
// with node:zlib (gzip at zlib's default level 6 and brotli at its default quality 11, each file
// compressed on its own as a server would send it). Budgets: HTML + CSS ≤ 14 KB compressed
// (the first round trip) and no JavaScript needed to read a briefing (its only scripts are
// enhancements: registering the offline worker, Escape closing a citation preview).
//
// Static analysis decides what a page references: <link rel=stylesheet> (and @import; print-only
// sheets excluded, as they do not block rendering), external
// and inline scripts with the static imports of module scripts, @font-face files whose
// unicode-range covers characters in the page (first src, woff2), <img>/<picture> and CSS
// images, and the first rel=icon. Unless --no-browser is given, Chromium then loads each page
// and the fonts and images it actually fetched are reported too (a font face is fetched only
// when text uses it, which static analysis cannot tell exactly).
//
// Options: --briefing <id> --topic <id> (default: the largest page of each kind)
//          --no-browser   --json <file> (default .tmp/bench/weight.json)
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { BENCH_DIR, PROJECT, ensureDir, fmtBytes, parseArgs, table } from './lib.mjs';
import { launchChromium, serve } from './server.mjs';

const args = parseArgs(process.argv.slice(2), ['no-browser']);
const DIR = resolve(PROJECT, args._[0] ?? 'dist');
const BUDGET = 14 * 1024;
// Scripts that add to a page that reads fully without them: the offline worker's registration and
// Escape-to-close for citation previews (its own component, so its built file has its name).
const ENHANCEMENTS = [/^sw-register\.js$/, /^CitePreviewDismiss\.astro_/];
const LANGS = ['ar', 'en'];

if (!existsSync(join(DIR, 'index.html'))) {
  console.error(`${DIR} has no index.html; build the site first (npm run build) or pass a built site directory.`);
  process.exit(1);
}

const sizeCache = new Map();
/** Raw, gzip and brotli bytes of one file. */
function sizes(file) {
  if (!sizeCache.has(file)) {
    const buf = readFileSync(file);
    sizeCache.set(file, { raw: buf.length, gzip: gzipSync(buf).length, br: brotliCompressSync(buf).length });
  }
  return sizeCache.get(file);
}
const sum = (files) => files.reduce((a, f) => ({ raw: a.raw + f.raw, gzip: a.gzip + f.gzip, br: a.br + f.br }), { raw: 0, gzip: 0, br: 0 });

// The base path the site was built for, read from the first stylesheet link of the home page.
const homeHtml = readFileSync(join(DIR, 'index.html'), 'utf8');
const sheet = /href="([^"]*?)_astro\/[^"]+\.css"/.exec(homeHtml);
const BASE = sheet ? sheet[1] : '/';

/** Maps a URL used in a page (root-relative under the base, or relative to `from`) to a file. */
function fileOf(url, from) {
  if (!url || /^(?:[a-z]+:)?\/\//i.test(url) || url.startsWith('data:') || url.startsWith('#')) return undefined;
  const clean = url.split(/[?#]/)[0];
  let p;
  if (clean.startsWith('/')) {
    if (!clean.startsWith(BASE)) return undefined;
    p = join(DIR, decodeURIComponent(clean.slice(BASE.length)));
  } else p = join(dirname(from), decodeURIComponent(clean));
  if (existsSync(p) && statSync(p).isDirectory()) p = join(p, 'index.html');
  return existsSync(p) ? p : undefined;
}

/** Code points covered by a unicode-range value; undefined = everything. */
function rangeTest(value) {
  if (!value) return () => true;
  const ranges = value.split(',').map((r) => r.trim().replace(/^U\+/i, '')).map((r) => {
    if (r.includes('?')) return [parseInt(r.replace(/\?/g, '0'), 16), parseInt(r.replace(/\?/g, 'F'), 16)];
    const [a, b] = r.split('-');
    return [parseInt(a, 16), parseInt(b ?? a, 16)];
  });
  return (cp) => ranges.some(([a, b]) => cp >= a && cp <= b);
}

/** Stylesheets (following @import) and the @font-face rules and images in them. */
function cssClosure(files) {
  const seen = new Set();
  const faces = [];
  const images = [];
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const css = readFileSync(file, 'utf8');
    for (const m of css.matchAll(/@import\s+(?:url\()?["']?([^"')\s;]+)/g)) {
      const f = fileOf(m[1], file);
      if (f) visit(f);
    }
    for (const m of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
      const body = m[1];
      const src = /src:\s*([^;]+)/.exec(body)?.[1] ?? '';
      const urls = [...src.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((u) => u[1]);
      const first = urls.find((u) => /\.woff2(?:$|[?#])/.test(u)) ?? urls[0];
      faces.push({
        family: /font-family:\s*([^;]+)/.exec(body)?.[1]?.trim().replace(/["']/g, ''),
        weight: /font-weight:\s*([^;]+)/.exec(body)?.[1]?.trim() ?? '400',
        covers: rangeTest(/unicode-range:\s*([^;]+)/.exec(body)?.[1]),
        file: first ? fileOf(first, file) : undefined,
      });
    }
    const withoutFaces = css.replace(/@font-face\s*{[^}]*}/g, '');
    for (const m of withoutFaces.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
      const f = fileOf(m[1], file);
      if (f && !/\.(woff2?|ttf|otf)$/.test(f)) images.push(f);
    }
  };
  files.forEach(visit);
  return { sheets: [...seen], faces, images };
}

/** Module scripts and their static imports (dynamic import() is loaded later, on use). */
function jsClosure(files) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const js = readFileSync(file, 'utf8');
    for (const m of js.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
      const f = fileOf(m[1], file);
      if (f) visit(f);
    }
  };
  files.forEach(visit);
  return [...seen];
}

function analyse(file) {
  const html = readFileSync(file, 'utf8');
  const root = parse(html, { comment: false });
  const linkFiles = (sel) => root.querySelectorAll(sel).map((el) => fileOf(el.getAttribute('href'), file)).filter(Boolean);
  // Print-only stylesheets (media="print") do not block the first render: they are not counted.
  const screenSheets = root.querySelectorAll('link[rel~="stylesheet"]').filter((el) => (el.getAttribute('media') ?? 'all').trim() !== 'print');
  const css = cssClosure(screenSheets.map((el) => fileOf(el.getAttribute('href'), file)).filter(Boolean));
  const scripts = root.querySelectorAll('script');
  const executable = scripts.filter((s) => {
    const type = (s.getAttribute('type') ?? '').toLowerCase();
    return type === '' || type === 'module' || /javascript|ecmascript/.test(type);
  });
  const external = executable.map((s) => fileOf(s.getAttribute('src'), file)).filter(Boolean);
  const inline = executable.filter((s) => !s.getAttribute('src'));
  const dataScripts = scripts.filter((s) => !executable.includes(s));
  const jsFiles = jsClosure([...external, ...linkFiles('link[rel="modulepreload"]')]);
  const handlers = (html.match(/\son[a-z]+\s*=\s*["']/gi) ?? []).length + (html.match(/href\s*=\s*["']\s*javascript:/gi) ?? []).length;
  const inlineJs = inline.reduce((a, s) => a + Buffer.byteLength(s.rawText), 0);

  // Text characters, to pick the font faces whose unicode-range the page needs.
  const text = root.querySelector('body')?.textContent ?? '';
  const cps = new Set([...text].map((c) => c.codePointAt(0)));
  const fonts = [...new Set(css.faces.filter((f) => f.file && [...cps].some((cp) => f.covers(cp))).map((f) => f.file))];

  const images = [];
  for (const img of root.querySelectorAll('img')) {
    const picture = img.parentNode?.tagName === 'PICTURE' ? img.parentNode : null;
    // Chromium takes the first <source> it supports (AVIF first, as the site writes them).
    const source = picture?.querySelectorAll('source')[0];
    const srcset = source?.getAttribute('srcset') ?? img.getAttribute('srcset');
    let chosen = img.getAttribute('src');
    if (srcset) {
      // A 1280 px wide desktop at 1×: the smallest candidate at least 800 px wide, else the largest.
      const cands = srcset.split(',').map((c) => c.trim().split(/\s+/)).map(([u, w]) => ({ u, w: parseInt(w ?? '0', 10) || 0 }));
      cands.sort((a, b) => a.w - b.w);
      chosen = (cands.find((c) => c.w >= 800) ?? cands[cands.length - 1])?.u ?? chosen;
    }
    const f = fileOf(chosen, file);
    if (f) images.push(f);
  }
  images.push(...css.images);
  const icon = linkFiles('link[rel="icon"]')[0];

  const entry = (f) => ({ file: relative(DIR, f), ...sizes(f) });
  const htmlSize = { file: relative(DIR, file), ...sizes(file) };
  return {
    html: htmlSize,
    css: css.sheets.map(entry),
    js: jsFiles.map(entry),
    inlineJsBytes: inlineJs,
    inlineScripts: inline.length,
    dataScripts: dataScripts.map((s) => s.getAttribute('type') ?? ''),
    handlers,
    fonts: fonts.map(entry),
    images: [...new Set(images)].map(entry),
    icon: icon ? entry(icon) : null,
  };
}

function pick(lang, kind, wanted) {
  const dir = join(DIR, lang, kind);
  if (wanted) return join(dir, wanted, 'index.html');
  if (!existsSync(dir)) return undefined;
  let best;
  for (const id of readdirSync(dir)) {
    const f = join(dir, id, 'index.html');
    if (existsSync(f) && (!best || statSync(f).size > statSync(best).size)) best = f;
  }
  return best;
}

/** What Chromium actually fetches when it loads the page (fonts and images), at 1280×800. */
async function browserLoads(pages) {
  const server = await serve(DIR, BASE);
  const browser = await launchChromium();
  const out = new Map();
  try {
    for (const p of pages) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const seen = [];
      page.on('requestfinished', (req) => seen.push({ url: req.url(), type: req.resourceType() }));
      const url = new URL(`${relative(DIR, dirname(p.file)).split('/').join('/')}/`, server.url).href;
      await page.goto(url, { waitUntil: 'networkidle' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.waitForTimeout(200);
      const toEntry = (r) => {
        const f = server.fileFor(new URL(r.url).pathname);
        return f ? { file: relative(DIR, f), type: r.type, ...sizes(f) } : null;
      };
      out.set(p.file, seen.map(toEntry).filter(Boolean));
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

const k = (n) => `${(n / 1024).toFixed(1)}`;

async function main() {
  const pages = [];
  for (const lang of LANGS) {
    for (const [kind, dir, wanted] of [['briefing', 'briefings', args.briefing], ['topic', 'topics', args.topic]]) {
      const f = pick(lang, dir, wanted);
      if (f && existsSync(f)) pages.push({ lang, kind, file: f });
      else console.warn(`no ${kind} page found for ${lang}${wanted ? ` (${wanted})` : ''}`);
    }
    const search = join(DIR, lang, 'search', 'index.html');
    if (existsSync(search)) pages.push({ lang, kind: 'search', file: search });
  }
  for (const p of pages) p.weight = analyse(p.file);

  let loaded = new Map();
  if (!args['no-browser']) {
    try {
      loaded = await browserLoads(pages);
    } catch (e) {
      console.warn(`browser check skipped: ${e.message.split('\n')[0]}`);
    }
  }

  console.log(`Page weight of ${relative(PROJECT, DIR) || DIR} (base ${BASE}); KB = 1024 bytes; gzip level 6 / brotli quality 11, per file\n`);
  const rows = [['page', 'HTML raw', 'HTML gz', 'HTML br', 'CSS gz', 'CSS br', 'HTML+CSS gz', 'HTML+CSS br', 'JS gz', 'JS br', 'fonts ref. br', 'fonts loaded', 'images gz', 'images loaded']];
  const checks = [];
  for (const p of pages) {
    const w = p.weight;
    const css = sum(w.css);
    const js = sum(w.js);
    const fonts = sum(w.fonts);
    const images = sum([...w.images, ...(w.icon ? [w.icon] : [])]);
    const hc = { gzip: w.html.gzip + css.gzip, br: w.html.br + css.br };
    const got = loaded.get(p.file);
    const gotFonts = got ? sum(got.filter((r) => r.type === 'font')) : null;
    const gotImages = got ? sum(got.filter((r) => r.type === 'image')) : null;
    p.summary = { html: w.html, css, js, fonts, images, htmlCss: hc, loadedFonts: gotFonts, loadedImages: gotImages, loaded: got ?? null };
    const id = basename(dirname(p.file));
    rows.push([
      `${p.lang} ${p.kind}${p.kind === 'search' ? '' : ` (${id})`}`,
      k(w.html.raw), k(w.html.gzip), k(w.html.br), k(css.gzip), k(css.br), k(hc.gzip), k(hc.br),
      w.js.length || w.inlineScripts ? `${k(js.gzip)}${w.inlineScripts ? ` +${w.inlineScripts} inline` : ''}` : '0', w.js.length ? k(js.br) : '0',
      `${k(fonts.br)} (${w.fonts.length})`,
      gotFonts ? `${k(gotFonts.raw)} (${got.filter((r) => r.type === 'font').length})` : 'n/a',
      `${k(images.gzip)} (${w.images.length + (w.icon ? 1 : 0)})`,
      gotImages ? `${k(gotImages.raw)} (${got.filter((r) => r.type === 'image').length})` : 'n/a',
    ]);
    checks.push({ page: `${p.lang} ${p.kind}`, name: 'HTML + CSS ≤ 14 KB gzip', pass: hc.gzip <= BUDGET, detail: `${k(hc.gzip)} KB (brotli ${k(hc.br)} KB)` });
    if (p.kind === 'briefing') {
      // The one script a reading page loads registers the offline service worker (public/sw-register.js);
      // the page reads the same without it.
      const enhancements = w.js.filter((f) => ENHANCEMENTS.some((e) => e.test(basename(f.file))));
      const count = w.js.length - enhancements.length + w.inlineScripts + w.handlers;
      const extra = enhancements.length ? ` (only enhancements: ${enhancements.map((f) => `${basename(f.file)} ${k(f.gzip)} KB gzip`).join(', ')})` : '';
      checks.push({ page: `${p.lang} ${p.kind}`, name: 'no JavaScript needed to read', pass: count === 0, detail: count === 0 ? `no other scripts, no inline handlers${extra}${w.dataScripts.length ? ` (data blocks: ${w.dataScripts.join(', ')})` : ''}` : `${w.js.length} script file(s), ${w.inlineScripts} inline script(s), ${w.handlers} handler attribute(s)` });
    }
  }
  console.log(table(rows));
  console.log('\nKB columns; (n) = number of files. "fonts ref." = @font-face files whose unicode-range covers the page text; "loaded" = what Chromium fetched at 1280×800 (raw bytes; woff2 and images are already compressed).');
  console.log('\nBudgets:');
  for (const c of checks) console.log(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.page}: ${c.name}: ${c.detail}`);

  const jsonFile = resolve(args.json ?? join(BENCH_DIR, 'weight.json'));
  ensureDir(dirname(jsonFile));
  writeFileSync(jsonFile, `${JSON.stringify({ generatedAt: new Date().toISOString(), dir: relative(PROJECT, DIR), base: BASE, budgetBytes: BUDGET, pages: pages.map((p) => ({ lang: p.lang, kind: p.kind, page: relative(DIR, p.file), ...p.weight, summary: p.summary })), budgets: checks }, null, 2)}\n`);
  console.log(`\nWrote ${relative(PROJECT, jsonFile)}`);
  process.exitCode = 0;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

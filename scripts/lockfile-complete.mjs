#!/usr/bin/env node
// The npm registry reachable from our machines omits some other-platform binaries (e.g. the
// darwin builds of Astro's compiler and of Pagefind), so `npm install` writes a lock file
// without them and `npm ci` then refuses it as "out of sync". This adds the missing optional
// entries with their os/cpu/libc, which npm ci skips on Linux, and changes nothing else.
// Run it after `npm install` changes package-lock.json. npm's own installer trips over these
// entries when it adds a package, so `--strip` removes them first:
//   npm run lockfile -- --strip && npm install <pkg> && npm run lockfile
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const packages = lock.packages;
const isStub = (entry) => entry.optional && !entry.integrity && !entry.resolved && !entry.link;

if (process.argv.includes('--strip')) {
  const stubs = Object.keys(packages).filter((k) => k && isStub(packages[k]));
  for (const k of stubs) delete packages[k];
  writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`lockfile-complete: removed ${stubs.length} other-platform optional entries`);
  process.exit(0);
}

function platformOf(name) {
  const n = name.split('/').pop();
  const os = /android/.test(n) ? 'android' : /darwin/.test(n) ? 'darwin' : /win32|windows/.test(n) ? 'win32' : /freebsd/.test(n) ? 'freebsd' : /wasm32|wasi/.test(n) ? undefined : /linux/.test(n) ? 'linux' : undefined;
  const cpu = /arm64|aarch64/.test(n) ? 'arm64' : /x64|x86_64/.test(n) ? 'x64' : /wasm32/.test(n) ? 'wasm32' : /ia32/.test(n) ? 'ia32' : /arm/.test(n) ? 'arm' : undefined;
  const libc = /musl/.test(n) ? 'musl' : /gnu/.test(n) ? 'glibc' : undefined;
  return { ...(os && { os: [os] }), ...(cpu && { cpu: [cpu] }), ...(libc && { libc: [libc] }) };
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const parentDir = path === '' ? '' : `${path}/`;
    if (packages[`${parentDir}node_modules/${name}`] || packages[`node_modules/${name}`]) continue;
    const platform = platformOf(name);
    if (!platform.os && !platform.cpu) continue; // not a platform binary: leave it to npm
    packages[`node_modules/${name}`] = { version: version.replace(/^[\^~]/, ''), optional: true, ...platform };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lockfile-complete: added ${added} other-platform optional entr${added === 1 ? 'y' : 'ies'}`);

#!/usr/bin/env node
// `npm run fonts` — writes the served Noto Naskh Arabic files (see src/lib/fonts/naskh-subsets.ts)
// into src/assets/fonts/noto-naskh-arabic/. Run it after changing a range there or upgrading
// @fontsource/noto-naskh-arabic, and commit the files.
import { copyFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { cutNaskhSubsets } from './lib/naskh-fonts.mjs';
import { NASKH_DIR } from '../src/lib/fonts/naskh-subsets.ts';

mkdirSync(NASKH_DIR, { recursive: true });
for (const { file, source, bytes } of await cutNaskhSubsets()) {
  writeFileSync(file, bytes);
  const from = createRequire(import.meta.url).resolve(source);
  console.log(`${file}: ${(bytes.length / 1024).toFixed(1)} KB (from ${(statSync(from).size / 1024).toFixed(1)} KB)`);
}
// The SIL Open Font License travels with the font files.
copyFileSync(join(dirname(createRequire(import.meta.url).resolve('@fontsource/noto-naskh-arabic/package.json')), 'LICENSE'), join(NASKH_DIR, 'OFL.txt'));

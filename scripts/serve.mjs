#!/usr/bin/env node
// Serves the built dist/ locally (under BASE_PATH, as a static host would) and prints the URL.
// For local reading only; production uses any static host.
import { resolve } from 'node:path';
import { serve } from './lib/static-server.mjs';

const root = resolve(process.env.OUT_DIR ?? 'dist');
const base = process.env.BASE_PATH ?? '/';
try {
  const site = await serve(root, base, { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? '127.0.0.1' });
  console.log(`Serving ${root} at ${site.url}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  console.error('Run npm run build first.');
  process.exit(1);
}

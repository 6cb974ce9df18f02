/**
 * Where the offline manifest keeps what it read of each built file (OFFLINE_CACHE, default
 * `.cache/offline`): scripts/offline-manifest.mjs reads and writes it, and scripts/build.mjs asks
 * whether it exists (without it every file is read again, which takes far more memory).
 */
import { join, resolve } from 'node:path';

export const offlineCacheFile = (env: NodeJS.ProcessEnv = process.env): string => join(resolve(env.OFFLINE_CACHE ?? '.cache/offline'), 'files.json');

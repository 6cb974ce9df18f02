import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const MINI = join(import.meta.dirname, '..', 'fixtures', 'mini');

/**
 * A throw-away copy of the mini fixture site, for tests that break content on purpose. `parent`
 * places it elsewhere than the system's temporary folder (the dev server's error overlay only
 * opens files inside the project, so dev server tests put it under .tmp/).
 */
export function copyFixture(parent = tmpdir()): { root: string; edit(file: string, fn: (text: string) => string): void; write(file: string, data: string | Buffer): void; remove(file: string): void; cleanup(): void } {
  mkdirSync(parent, { recursive: true });
  const root = mkdtempSync(join(parent, 'briefings-fixture-'));
  cpSync(MINI, root, { recursive: true });
  return {
    root,
    edit: (file, fn) => writeFileSync(join(root, file), fn(readFileSync(join(root, file), 'utf8'))),
    write: (file, data) => {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), data);
    },
    remove: (file) => rmSync(join(root, file)),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

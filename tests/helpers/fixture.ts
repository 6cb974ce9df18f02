import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const MINI = join(import.meta.dirname, '..', 'fixtures', 'mini');

/** A throw-away copy of the mini fixture site, for tests that break content on purpose. */
export function copyFixture(): { root: string; edit(file: string, fn: (text: string) => string): void; write(file: string, data: string | Buffer): void; remove(file: string): void; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), 'briefings-fixture-'));
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

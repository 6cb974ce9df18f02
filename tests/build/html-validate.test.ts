import { describe, expect, it } from 'vitest';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { BUILDS, readSite } from '../helpers/site.ts';

// Configuration: .htmlvalidaterc.json (recommended rules; the search results list keeps its
// ARIA listbox role on purpose, for combobox semantics).
const validator = new HtmlValidate(new FileSystemConfigLoader());

describe.each(BUILDS)('html-validate over $dir', ({ dir, base }) => {
  it('every page validates with zero errors', async () => {
    const site = readSite(dir, base);
    const errors: string[] = [];
    for (const path of site.pages.keys()) {
      const file = site.fileFor(`${base}${path.slice(1)}`)!;
      const report = await validator.validateFile(file);
      for (const result of report.results) for (const m of result.messages) if (m.severity === 2) errors.push(`${path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(errors).toEqual([]);
  }, 120_000);
});

// The command line on a real workspace folder: import with per-file outcomes, search,
// export to a file, and non-zero exits on failure.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { tempDir } from './helpers';

const FIXTURES = join(import.meta.dirname, '../fixtures/import');
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...argv, '--workspace', dir], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

it('imports files, reporting each, and fails when one cannot be imported', async () => {
  const ok = await cli(
    'import',
    join(FIXTURES, 'hostile-article.html'),
    join(FIXTURES, 'briefing.md'),
  );
  expect(ok.code).toBe(0);
  expect(ok.out).toContain('added “Court hears testimony on Gohardasht prison”');
  expect(ok.out).toContain('2 of 2 files imported.');
  const bad = await cli('import', join(FIXTURES, 'briefing.md'), join(dir, 'missing.txt'));
  expect(bad.code).toBe(1);
  expect(bad.err).toContain('missing.txt could not be read');
  expect(bad.out).toContain('1 of 2 files imported.');
});

it('searches with marked matches and exports every format to a file', async () => {
  await cli('import', join(FIXTURES, 'hostile-article.html'));
  const found = await cli('search', 'gohard', '--kind', 'block');
  expect(found.code).toBe(0);
  expect(found.out).toContain('«Gohardasht»');
  expect(found.out).toMatch(/\d+ of \d+ results\./);
  for (const format of ['md', 'csv', 'json', 'w3c']) {
    const out = join(dir, `export.${format}`);
    const result = await cli('export', '--format', format, '--out', out);
    expect(result.code, result.err).toBe(0);
    expect((await readFile(out, 'utf8')).length).toBeGreaterThan(50);
  }
  expect(await readFile(join(dir, 'export.md'), 'utf8')).toContain(
    'Court hears testimony on Gohardasht prison',
  );
});

it('explains bad usage and exits non-zero', async () => {
  expect((await cli('export', '--format', 'pdf', '--out', 'x')).code).toBe(1);
  expect((await cli('frobnicate')).err).toContain('Unknown command');
  expect((await cli('search', '--kind', 'nope', 'x')).code).toBe(1);
  expect((await cli('import')).code).toBe(1);
});

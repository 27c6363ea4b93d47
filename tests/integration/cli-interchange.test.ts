// The command line's interchange: research notes cited in a chosen style and locale, a
// bibliography and a REFI-QDA project written to files, and those files brought into other
// workspaces (the project whole, the bibliography's entries as sources when asked); a
// style it does not know is refused, naming the ones it knows.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { tempDir } from './helpers';

const ARTICLE = join(import.meta.dirname, '../fixtures/import/hostile-article.html');
let dirs: { dir: string; cleanup: () => Promise<void> }[] = [];
beforeEach(async () => {
  dirs = await Promise.all([tempDir(), tempDir(), tempDir()]);
});
afterEach(() => Promise.all(dirs.map((d) => d.cleanup())));

async function cli(workspace: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...argv, '--workspace', workspace], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

it('exports cited notes, a bibliography and a project, and imports them elsewhere', async () => {
  const [a, b, c] = dirs.map((d) => d.dir) as [string, string, string];
  expect((await cli(a, 'import', ARTICLE)).code).toBe(0);
  const notes = join(a, 'notes.md');
  const cited = await cli(
    a,
    'export',
    '--format',
    'md',
    '--style',
    'oscola',
    '--locale',
    'en-GB',
    '--out',
    notes,
  );
  expect(cited.code, cited.err).toBe(0);
  // OSCOLA in British English: "accessed 7 December 2026", never "December 7, 2026".
  expect(await readFile(notes, 'utf8')).toMatch(/accessed \d{1,2} [A-Z][a-z]+ \d{4}/);

  const project = join(a, 'project.qdpx');
  const bib = join(a, 'sources.bib');
  for (const [format, out] of [
    ['qdpx', project],
    ['bibtex', bib],
  ] as const)
    expect((await cli(a, 'export', '--format', format, '--out', out)).code).toBe(0);
  // A zip, written as bytes rather than as text.
  expect((await readFile(project)).subarray(0, 2).toString('latin1')).toBe('PK');

  const imported = await cli(b, 'import', project);
  expect(imported.code, imported.err).toBe(0);
  expect(imported.out).toContain('1 of 1 files imported.');
  const found = await cli(b, 'search', 'Gohardasht', '--kind', 'document');
  expect(found.out).toMatch(/\[document\] Court hears testimony on «Gohardasht» prison/);

  const filled = await cli(c, 'import', bib);
  expect(filled.code, filled.err).toBe(0);
  const added = await cli(c, 'import', bib, '--add-sources');
  expect(added.code, added.err).toBe(0);
  expect(filled.out).toContain(
    '0 added as sources without text, 0 unchanged, 1 matching no document',
  );
  expect(added.out).toMatch(
    /\+ added 1\. “Court hears testimony on Gohardasht prison” → .*\(by new\)/,
  );
  expect(added.out).toContain('1 added as sources without text');
});

it('refuses a style or locale it does not know, naming those it does', async () => {
  const [a] = dirs.map((d) => d.dir) as [string];
  const style = await cli(
    a,
    'export',
    '--format',
    'md',
    '--style',
    'mla',
    '--out',
    join(a, 'x.md'),
  );
  expect(style.code).toBe(1);
  expect(style.err).toMatch(/--style must be one of .*oscola/);
  const locale = await cli(
    a,
    'export',
    '--format',
    'md',
    '--locale',
    'fr-FR',
    '--out',
    join(a, 'x.md'),
  );
  expect(locale.code).toBe(1);
  expect(locale.err).toMatch(/--locale must be one of .*en-GB/);
});

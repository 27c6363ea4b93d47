// The backup with originals as a zip archive on disk, through the command line as a user
// runs it: `export --format json --with-originals` writes backup.json and each kept file
// under its hash; `import FILE.zip` restores it into an empty workspace with the files
// back byte for byte and counted. A changed original, or an archive cut short, is refused
// whole with the file named and why, and the workspace is left exactly as it was.
import { copyFile, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/core/originals/kept-files';
import { runCli } from '../../src/cli/run';
import { detentionPage, png } from '../fixtures/node/evidence-html';
import { importAs } from './evidence-helpers';
import { closeWorkbench, reopen, tempDir, unwrap } from './helpers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
async function folder(): Promise<string> {
  const made = await tempDir();
  cleanups.push(made.cleanup);
  return made.dir;
}

async function cli(dir: string, ...argv: string[]) {
  const out: string[] = [];
  const code = await runCli([...argv, '--workspace', dir], {
    out: (l) => out.push(l),
    err: (l) => out.push(l),
  });
  return { code, text: out.join('\n') };
}

const image = png(0x52);
const page = new TextEncoder().encode(detentionPage(image));

let written: Promise<string> | undefined;
afterAll(async () => {
  if (written) await rm(dirname(await written), { recursive: true, force: true });
});

/**
 * A copy of the archive of a workspace holding the page (an original and its figure),
 * for the test to change as it likes. The workspace and its archive are made once per file.
 */
async function archived(): Promise<{ archive: string }> {
  written ??= writeArchive();
  const archive = join(await folder(), 'case-backup.zip');
  await copyFile(await written, archive);
  return { archive };
}

async function writeArchive(): Promise<string> {
  const made = await tempDir();
  const from = join(made.dir, 'workspace');
  const wb = await reopen(from);
  await importAs(wb, 'detention.html', page);
  await closeWorkbench(from);
  const archive = join(made.dir, 'case-backup.zip');
  const exported = await cli(
    from,
    'export',
    '--format',
    'json',
    '--with-originals',
    '--out',
    archive,
  );
  expect(exported).toMatchObject({ code: 0 });
  expect(exported.text).toContain('1 originals and 1 images');
  return archive;
}

/** What a workspace folder holds besides its lock and caches: nothing after a refusal. */
async function keptFiles(dir: string): Promise<string[]> {
  const names: string[] = [];
  for (const sub of ['originals', 'media'])
    for (const f of await readdir(join(dir, sub)).catch(() => [])) names.push(`${sub}/${f}`);
  return names;
}

describe('a backup archive with the originals', () => {
  it('is restored with every kept file byte for byte, and counts them', async () => {
    const { archive } = await archived();
    const bytes = new Uint8Array(await readFile(archive));
    // Stored, not base64: the page's bytes are in the archive as they are.
    expect(Buffer.from(bytes).indexOf(Buffer.from(page))).toBeGreaterThan(0);

    const to = await folder();
    const restored = await cli(to, 'import', archive);
    expect(restored.text).toContain('restored 1 documents');
    expect(restored.text).toContain('2 original files');
    expect(restored.text).not.toContain('in neither');
    expect(restored.code).toBe(0);
    expect(new Uint8Array(await readFile(join(to, 'originals', sha256Hex(page))))).toEqual(page);
    expect(new Uint8Array(await readFile(join(to, 'media', sha256Hex(image))))).toEqual(image);
    const wb = await reopen(to);
    const [doc] = unwrap(await wb.call('documents.list', {}));
    const view = unwrap(await wb.call('documents.original', { id: doc!.id }));
    expect(new Uint8Array(view.bytes)).toEqual(page);
  });

  it('says plainly which kept files are in neither the archive nor the workspace', async () => {
    const { archive } = await archived();
    // The same archive without the figure's image: its record still names it.
    const entries = unzipSync(new Uint8Array(await readFile(archive)));
    delete entries[`media/${sha256Hex(image)}`];
    await writeFile(archive, zipSync(entries, { level: 0 }));
    const to = await folder();
    const restored = await cli(to, 'import', archive);
    expect(restored.code).toBe(0);
    expect(restored.text).toContain('1 original files');
    expect(restored.text).toContain(
      '1 original file (imported files or their images) is in neither the backup nor this workspace',
    );
  });

  it('is refused whole when one original was changed, naming it and why', async () => {
    const { archive } = await archived();
    const bytes = Buffer.from(await readFile(archive));
    const at = bytes.indexOf(Buffer.from(page));
    bytes[at + 100] = bytes[at + 100]! ^ 1;
    await writeFile(archive, bytes);

    const to = await folder();
    const refused = await cli(to, 'import', archive);
    expect(refused.code).toBe(1);
    expect(refused.text).toContain(`originals/${sha256Hex(page)}: its bytes hash to`);
    expect(refused.text).toContain('1 of the 2 files it carries was refused');
    // Neither the image (sound) nor the records were written, and no temp file is left.
    expect(await keptFiles(to)).toEqual([]);
    const wb = await reopen(to);
    expect(unwrap(await wb.call('documents.list', {}))).toEqual([]);
  });

  it('is refused when cut short, before anything is written', async () => {
    const { archive } = await archived();
    await truncate(archive, Math.floor((await stat(archive)).size / 2));
    const to = await folder();
    const refused = await cli(to, 'import', archive);
    expect(refused.code).toBe(1);
    expect(refused.text).toMatch(/case-backup\.zip could not be imported: it .*cut short/);
    expect(await keptFiles(to)).toEqual([]);
    const wb = await reopen(to);
    expect(unwrap(await wb.call('documents.list', {}))).toEqual([]);
  });
});

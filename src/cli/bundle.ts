// The command line's evidence bundle: `export --format bundle --out case.zip` writes one
// (`--reference-originals` names the originals by hash instead of including them), and
// `verify --bundle case.zip` checks one offline, with no workspace, naming every file that
// does not match and exiting 1 if any does.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Workbench } from '../core/index';
import type { Io } from './run';

export const BUNDLE_WORD = 'bundle';

export async function exportBundle(
  wb: Workbench,
  out: string,
  args: string[],
  io: Io,
): Promise<number> {
  const result = await wb.call('evidence.bundle', {
    includeOriginals: !args.includes('--reference-originals'),
  });
  if (!result.ok) {
    io.err(result.error.message);
    return 1;
  }
  const bundle = result.value;
  const { saveFileDurably } = await import('../core/index');
  await saveFileDurably(resolve(out), bundle.bytes);
  io.out(
    `Wrote an evidence bundle of ${bundle.documents} documents (${bundle.originals} originals` +
      `${bundle.custodyLog ? ', the custody log' : ''}) to ${out}: ${bundle.bytes.byteLength} bytes.`,
  );
  if (bundle.withoutOriginal)
    io.out(
      `${bundle.withoutOriginal} documents were imported before originals were kept: their files are named by SHA-256 only.`,
    );
  io.out(`Fingerprint (SHA-256 of its SHA256SUMS): ${bundle.fingerprint}`);
  io.out('Give the recipient this fingerprint by another way than the bundle itself.');
  return 0;
}

export async function verifyBundleCommand(file: string | undefined, io: Io): Promise<number> {
  if (!file) {
    io.err('verify --bundle needs the bundle file: verify --bundle case.zip');
    return 1;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    io.err(`${file} could not be read: ${(error as Error).message}`);
    return 1;
  }
  const { verifyBundleFile } = await import('../core/index');
  const check = await verifyBundleFile(bytes, file);
  for (const p of check.problems) io.err(`✗ ${p.file}: ${p.reason}`);
  io.out(
    `${check.files} files, ${check.documents} documents, ${check.highlights} highlights, ` +
      `custody log: ${check.custodyLines} lines; ${check.problems.length} problems.`,
  );
  if (check.fingerprint)
    io.out(
      `Fingerprint (SHA-256 of SHA256SUMS): ${check.fingerprint} — compare with the sender's.`,
    );
  io.out(
    check.ok
      ? '✓ Every file is as listed and every check passed.'
      : '✗ The bundle does not check out.',
  );
  return check.ok ? 0 : 1;
}

// Checking the workspace's files against its custody log: the log's chain is whole (every
// line parses and names the hash of the line before it), and every record file holds what
// the log last said it holds. A file changed by hand is named, with the records in it that
// differ from what the log recorded for them; a file the log never wrote, or one it wrote
// and is gone, is named too.
import { join } from 'node:path';
import type { VerifyMismatch } from '../../shared/methods/workspace';
import { sha256 } from '../hash';
import { CUSTODY_FILE, isVoid, lastWords, readCustody, type CustodyLine } from '../store/custody';
import type { StoreFs } from '../store/durable';

/** The records of a file, by id, with the hash the log gives a record. */
function recordHashes(bytes: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch {
    return out;
  }
  const visit = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const r of list) {
      const id = (r as { id?: unknown } | null)?.id;
      if (typeof id === 'string') out.set(id, sha256(JSON.stringify(r)));
    }
  };
  const d = data as Record<string, unknown>;
  visit(d.entities);
  visit(d.notes);
  visit(d.annotations);
  const document = d.document as { id?: unknown } | undefined;
  if (typeof document?.id === 'string') out.set(document.id, sha256(JSON.stringify(document)));
  return out;
}

/** What the log last said of each record in each file (null: the record went). */
function lastRecordWords(lines: readonly CustodyLine[]): Map<string, Map<string, string | null>> {
  const voided = new Set(lines.filter(isVoid).map((l) => l.void));
  const words = new Map<string, Map<string, string | null>>();
  for (const line of lines) {
    if (isVoid(line) || voided.has(line.seq)) continue;
    for (const change of line.changes) {
      const file = words.get(change.file) ?? new Map<string, string | null>();
      for (const r of change.records) file.set(r.id, r.after);
      words.set(change.file, file);
    }
  }
  return words;
}

export async function verifyCustody(
  fs: StoreFs,
  dir: string,
): Promise<{ lines: number; mismatches: VerifyMismatch[] }> {
  const mismatches: VerifyMismatch[] = [];
  let text = '';
  try {
    text = await fs.readFile(join(dir, CUSTODY_FILE), 'utf8');
  } catch {
    mismatches.push({
      kind: 'custody',
      file: CUSTODY_FILE,
      reason: 'there is no custody log: nothing vouches for how these files came to be',
    });
    return { lines: 0, mismatches };
  }
  const read = readCustody(text);
  for (const problem of read.problems)
    mismatches.push({
      kind: 'custody',
      file: CUSTODY_FILE,
      reason: `the chain is broken: ${problem}`,
    });
  const words = lastWords(read.lines);
  const records = lastRecordWords(read.lines);
  const onDisk = new Set<string>(['workspace.json']);
  for (const folder of ['documents', 'highlights', 'trash'])
    for (const name of await fs.readdir(join(dir, folder)).catch(() => [] as string[]))
      if (name.endsWith('.json')) onDisk.add(`${folder}/${name}`);
  for (const file of [...new Set([...onDisk, ...words.keys()])].sort()) {
    const said = words.get(file);
    let bytes: Buffer | null = null;
    try {
      bytes = await fs.readFile(join(dir, file));
    } catch {
      bytes = null;
    }
    const actual = bytes ? sha256(bytes) : null;
    if (said === undefined) {
      if (actual)
        mismatches.push({ kind: 'custody', file, reason: 'the custody log never wrote this file' });
      continue;
    }
    if (actual === said) continue;
    if (!bytes) {
      mismatches.push({
        kind: 'custody',
        file,
        reason: 'the custody log says it exists, but it is gone',
      });
      continue;
    }
    const expected = records.get(file) ?? new Map<string, string | null>();
    const found = recordHashes(bytes);
    const differ = [...new Set([...expected.keys(), ...found.keys()])].filter(
      (id) => (expected.get(id) ?? null) !== (found.get(id) ?? null) && expected.has(id),
    );
    const which = differ.length
      ? `; the records that differ from it: ${differ.slice(0, 10).join(', ')}${differ.length > 10 ? ' …' : ''}`
      : '';
    mismatches.push({
      kind: 'custody',
      file,
      reason: `it was changed outside the workbench: the custody log's last word on it is ${said ?? 'that it was removed'}, the file is ${actual}${which}`,
    });
  }
  return { lines: read.lines.length, mismatches };
}

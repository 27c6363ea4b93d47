// The custody log: one chained, synced line per change, naming every file and record with
// its SHA-256 before and after, written before the files; a change that does not land is
// voided; verify names any file or record changed behind the log, and any byte of the log
// itself changed. (Kills at random moments are in tests/integration/crash.test.ts.)
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256 } from '../../../src/core/hash';
import {
  CUSTODY_FILE,
  CustodyLog,
  readCustody,
  type CustodyEntry,
} from '../../../src/core/store/custody';
import { nodeFs, type StoreFs } from '../../../src/core/store/durable';
import { MANIFEST_FILE } from '../../../src/core/store/manifest';
import { verifyCustody } from '../../../src/core/workspace/verify-custody';
import {
  closeWorkbench,
  openSample,
  reopen,
  settle,
  tempDir,
  unwrap,
} from '../../integration/helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const lines = async (): Promise<CustodyEntry[]> =>
  readCustody(await readFile(join(dir, CUSTODY_FILE), 'utf8')).lines as CustodyEntry[];
const custodyMismatches = async () => (await verifyCustody(nodeFs, dir)).mismatches;

describe('the custody log', () => {
  it('logs each change as one chained line: files and records with their hashes, who and how', async () => {
    const wb = await openSample(dir);
    const docId = unwrap(await wb.call('documents.list', {}))[0]!.id;
    const before = (await lines()).length;
    const made = unwrap(
      await wb.call('annotations.create', { documentId: docId, start: 0, end: 7 }),
    );
    await settle(dir);
    const log = await lines();
    expect(log).toHaveLength(before + 1);
    const last = log.at(-1)!;
    expect(last).toMatchObject({
      action: 'Create highlight',
      tool: expect.stringMatching(/^Research Workbench \d/) as unknown,
    });
    const file = await readFile(join(dir, `highlights/${docId}.json`));
    expect(last.changes).toEqual([
      {
        file: `highlights/${docId}.json`,
        before: expect.stringMatching(/^sha256:/) as unknown,
        after: sha256(file),
        records: [{ id: made.id, before: null, after: sha256(JSON.stringify(made)) }],
      },
    ]);
    unwrap(await wb.call('history.undo', {}));
    expect((await lines()).at(-1)).toMatchObject({
      action: 'Undo: Create highlight',
      changes: [{ records: [{ id: made.id, before: sha256(JSON.stringify(made)), after: null }] }],
    });
    expect(await custodyMismatches()).toEqual([]);
  });

  it('names the file and the record when a note is changed by hand', async () => {
    const wb = await openSample(dir);
    const docId = unwrap(await wb.call('documents.list', {}))[0]!.id;
    const made = unwrap(
      await wb.call('annotations.create', { documentId: docId, start: 0, end: 7, note: 'as said' }),
    );
    await closeWorkbench(dir);
    const path = join(dir, `highlights/${docId}.json`);
    await writeFile(path, (await readFile(path, 'utf8')).replace('as said', 'as NOT said'));
    const found = await custodyMismatches();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'custody', file: `highlights/${docId}.json` });
    expect(found[0]!.reason).toContain(`the records that differ from it: ${made.id}`);
  });

  it('catches a change to any byte of the log before its newest line', async () => {
    const wb = await openSample(dir);
    unwrap(await wb.call('entities.create', { name: 'Evin prison', type: 'place' }));
    unwrap(await wb.call('entities.create', { name: 'Gohardasht prison', type: 'place' }));
    await closeWorkbench(dir);
    const path = join(dir, CUSTODY_FILE);
    const original = await readFile(path);
    // Every seventh byte of every line but the newest, each turned into another. (The newest
    // line is vouched for by the next one; until then only its file hashes are checked.)
    const end = original.lastIndexOf(10, original.length - 2);
    for (let at = 0; at < end; at += 7) {
      const changed = Buffer.from(original);
      changed[at] = changed[at] === 0x41 ? 0x42 : 0x41;
      await writeFile(path, changed);
      expect((await custodyMismatches()).length, `byte ${at}`).toBeGreaterThan(0);
    }
    await writeFile(path, original);
    expect(await custodyMismatches()).toEqual([]);
  });

  it('voids a change whose file could not be written, and keeps the chain whole', async () => {
    await openSample(dir);
    await closeWorkbench(dir);
    const failing: StoreFs = {
      ...nodeFs,
      rename: async (from, to) => {
        if (String(to).endsWith('workspace.json'))
          throw Object.assign(new Error('EIO: injected'), { code: 'EIO' });
        return nodeFs.rename(from, to);
      },
    };
    const wb = await reopen(dir, { fs: failing });
    const result = await wb.call('entities.create', { name: 'Evin prison', type: 'place' });
    expect(result).toMatchObject({ ok: false, error: { code: 'WRITE_FAILED' } });
    const log = readCustody(await readFile(join(dir, CUSTODY_FILE), 'utf8')).lines;
    expect(log.at(-1)).toMatchObject({ void: log.at(-2)!.seq });
    await closeWorkbench(dir);
    expect(await custodyMismatches()).toEqual([]);
  });

  it('voids at the next open a logged change whose files never landed', async () => {
    await openSample(dir);
    await closeWorkbench(dir);
    // As if the process died right after the line was synced, before the file was written.
    const ws = await readFile(join(dir, 'workspace.json'));
    const { log } = await CustodyLog.open(nodeFs, join(dir, CUSTODY_FILE));
    await log.append({
      at: new Date().toISOString(),
      by: 'test',
      tool: 'test',
      action: 'Create entity',
      changes: [
        { file: 'workspace.json', before: sha256(ws), after: sha256('never written'), records: [] },
      ],
    });
    await reopen(dir);
    const read = readCustody(await readFile(join(dir, CUSTODY_FILE), 'utf8'));
    expect(read.lines.at(-1)).toMatchObject({ void: read.lines.at(-2)!.seq });
    await closeWorkbench(dir);
    expect(await custodyMismatches()).toEqual([]);
  });

  it('keeps a last change whose files landed when it reads the whole log again', async () => {
    const wb = await openSample(dir);
    unwrap(await wb.call('entities.create', { name: 'Evin prison', type: 'place' }));
    await closeWorkbench(dir);
    // Without a manifest the log is read whole, and its last line is judged from the files.
    await rm(join(dir, MANIFEST_FILE));
    const before = (await lines()).length;
    await reopen(dir);
    await closeWorkbench(dir);
    expect(await lines()).toHaveLength(before);
    expect((await lines()).some((line) => 'void' in line)).toBe(false);
  });

  it('takes off a last line cut short by a crash', async () => {
    await openSample(dir);
    await closeWorkbench(dir);
    const path = join(dir, CUSTODY_FILE);
    const whole = await readFile(path, 'utf8');
    await appendFile(path, '{"seq":99,"at":"2026');
    await reopen(dir);
    await closeWorkbench(dir);
    expect(await readFile(path, 'utf8')).toBe(whole);
  });

  it('starts a workspace that had no log with a line naming every file as it was', async () => {
    const wb = await openSample(dir);
    const docId = unwrap(await wb.call('documents.list', {}))[0]!.id;
    await closeWorkbench(dir);
    await rm(join(dir, CUSTODY_FILE));
    await reopen(dir);
    await closeWorkbench(dir);
    const [first] = await lines();
    expect(first!.action).toMatch(/^Custody log started/);
    expect(first!.changes.map((c) => c.file)).toEqual([
      'workspace.json',
      `documents/${docId}.json`,
      `highlights/${docId}.json`,
    ]);
    expect(await custodyMismatches()).toEqual([]);
  });
});

// The custody line of a large commit (an import of thousands of highlights, a highlights
// file of megabytes) is hashed a slice at a time so it does not hold the serving thread;
// the line must still be exact: every record in order with the SHA-256 of its JSON before
// and after, and the file's SHA-256 as one hash of all its content (chunked on the way,
// with a surrogate pair across a chunk's edge). Compared with the hashes taken whole. A
// long text is also written to disk a chunk at a time (durable.ts): the same bytes.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../src/core/hash';
import { nodeFs, writeFileDurably } from '../../../src/core/store/durable';
import { custodyChanges } from '../../../src/core/store/custody-entry';
import type { Op } from '../../../src/core/store/tx';
import type { Annotation } from '../../../src/shared/model';

const file = 'highlights/doc_1.json';

function ops(count: number): Op[] {
  return Array.from({ length: count }, (_, i): Op => {
    // Only what the hash reads matters here: a record's JSON.
    const record = { id: `ann_${i}`, documentId: 'doc_1', note: `note ${i} 😀` } as Annotation;
    // Every third one replaces an earlier version; the rest are new.
    const before = i % 3 === 0 ? { ...record, note: `old ${i}` } : undefined;
    return {
      kind: 'annotation',
      documentId: 'doc_1',
      id: record.id,
      before,
      after: record,
      index: i,
    };
  });
}

describe('a custody line hashed in slices', () => {
  it('names every record and the whole file exactly as hashing them whole would', async () => {
    const made = ops(3_000);
    // Over a megabyte, with an emoji (a surrogate pair) straddling the first chunk's edge.
    const content = `${'x'.repeat((1 << 20) - 1)}😀${'y'.repeat(1_500_000)}`;
    // A record as long (a document of one long paragraph): its JSON is hashed in chunks too.
    made[1] = { ...made[1]!, after: { ...made[1]!.after!, note: content } } as Op;
    const [change, removed] = await custodyChanges(
      [
        { path: file, content },
        { path: 'trash/gone.json', content: null },
      ],
      made,
      new Map([[file, 'sha256:before']]),
    );
    expect(change!.file).toBe(file);
    expect(change!.before).toBe('sha256:before');
    expect(change!.after).toBe(sha256(content));
    expect(change!.records).toEqual(
      made.map((op) => ({
        id: op.id,
        before: op.before === undefined ? null : sha256(JSON.stringify(op.before)),
        after: sha256(JSON.stringify(op.after)),
      })),
    );
    expect(removed).toEqual({ file: 'trash/gone.json', before: null, after: null, records: [] });
  });
});

describe('a long text written in chunks', () => {
  it('lands as the same bytes as written in one go', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rw-durable-'));
    try {
      const content = `${'x'.repeat((1 << 20) - 1)}😀${'é'.repeat(1_500_000)}`;
      await writeFileDurably(nodeFs, join(dir, 'long.json'), content);
      expect((await readFile(join(dir, 'long.json'))).equals(Buffer.from(content))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

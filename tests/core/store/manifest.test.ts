// The manifest as lines: what is written reads back the same, it is read a slice of lines
// at a time, and every rule of its strict check refuses what breaks it (the workspace is
// then scanned instead, archive.test.ts). Each refusal below fails if its check is removed.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeFs } from '../../../src/core/store/durable';
import {
  MANIFEST_FILE,
  readManifest,
  writeManifest,
  type Manifest,
} from '../../../src/core/store/manifest';
import { SCHEMA_VERSION } from '../../../src/shared/model';
import { tempDir } from '../../integration/helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const HASH = `sha256:${'ab'.repeat(32)}`;

function manifestOf(count: number): Manifest {
  const documents = Array.from({ length: count }, (_, n) => ({
    document: {
      id: `doc_${n}`,
      title: `Report ${n} on the transfer to Gohardasht`,
      source: { publisher: 'Witness archive' },
      format: 'text' as const,
      contentHash: HASH,
      revision: 1,
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
      textLength: 1000 + n,
    },
    annotationIds: [`ann_${n}_0`, `ann_${n}_1`],
    entities: { ent_1: 2 },
    tags: { testimony: 1 },
  }));
  const files: Record<string, string | null> = { 'workspace.json': HASH };
  for (const d of documents) {
    files[`documents/${d.document.id}.json`] = HASH;
    files[`highlights/${d.document.id}.json`] = HASH;
  }
  files['documents/gone.json'] = null;
  return {
    schemaVersion: SCHEMA_VERSION,
    custody: { seq: 4, hash: HASH, offset: 1234 },
    files,
    documents,
    stamps: Object.fromEntries(
      documents.map((d, n): [string, [number, number, number, number]] => [
        d.document.id,
        [10, n, 20, n],
      ]),
    ),
  };
}

const path = (): string => join(dir, MANIFEST_FILE);

/** The manifest's lines as values, changed by `edit`, written back. */
async function edit(editLines: (lines: unknown[]) => void): Promise<void> {
  const lines = (await readFile(path(), 'utf8'))
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as unknown);
  editLines(lines);
  await writeFile(path(), `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
}

type DocumentLine = ['d', Record<string, unknown> & { document: Record<string, unknown> }, unknown];

describe('the manifest', () => {
  it('reads back what was written, as one line per document, a slice of lines at a time', async () => {
    const manifest = manifestOf(1200);
    await writeManifest(nodeFs, dir, manifest);
    const text = await readFile(path(), 'utf8');
    expect(text.split('\n')).toHaveLength(1 + 1200 + 3 + 1);
    // A document's highlight ids as one string, not a list of a value each.
    expect(text.split('\n')[1]).toContain('"annotationIds":"ann_0_0 ann_0_1"');
    let pauses = 0;
    const read = await readManifest(nodeFs, dir, () => {
      pauses += 1;
      return Promise.resolve();
    });
    expect(read).toEqual({ ok: true, manifest: JSON.parse(JSON.stringify(manifest)) as Manifest });
    // 1,204 lines with a pause every 500 at least (and whenever a slice ran 8 ms).
    expect(pauses).toBeGreaterThanOrEqual(2);
  });

  it('refuses each thing its strict check is for, naming it', async () => {
    const cases: [string, (lines: unknown[]) => void, RegExp][] = [
      [
        'a highlight id no id may be',
        (l) => ((l[1] as DocumentLine)[1].annotationIds = ['constructor']),
        /line 2: highlight id "constructor" is invalid/,
      ],
      [
        'a highlight id no id may be, in the ids saved as one string',
        (l) => ((l[1] as DocumentLine)[1].annotationIds = 'ann_0_0 __proto__'),
        /line 2: highlight id "__proto__" is invalid/,
      ],
      [
        'an empty highlight id between two spaces',
        (l) => ((l[1] as DocumentLine)[1].annotationIds = 'ann_0_0  ann_0_1'),
        /line 2: highlight id "" is invalid/,
      ],
      [
        'a count that is not a positive whole number',
        (l) => ((l[2] as DocumentLine)[1].entities = { ent_1: 0 }),
        /line 3: entity count "ent_1" is not a positive whole number/,
      ],
      [
        'a tag count that is a fraction',
        (l) => ((l[2] as DocumentLine)[1].tags = { testimony: 1.5 }),
        /tag count "testimony"/,
      ],
      [
        'a field the summary does not have',
        (l) => ((l[1] as DocumentLine)[1].colour = 'red'),
        /unknown field "colour"/,
      ],
      [
        "a document's record the model refuses",
        (l) => ((l[1] as DocumentLine)[1].document.revision = 0),
        /its document: revision/,
      ],
      [
        'a stamp that is not four numbers',
        (l) => ((l[1] as DocumentLine)[2] = [1, 2, 3]),
        /the stamp is not four numbers/,
      ],
      [
        'a file hash that is not a SHA-256',
        (l) => ((l[4] as ['f', Record<string, unknown>])[1]['workspace.json'] = 'sha256:00'),
        /the hash of workspace.json is not a SHA-256/,
      ],
      ['a document line missing', (l) => l.splice(2, 1), /lines, not what its header counts/],
      ['a document twice', (l) => (l[2] = l[1]), /document doc_0 comes twice/],
      [
        'file hashes the header does not count',
        (l) => ((l[0] as { files: number }).files -= 1),
        /holds 8 file hashes, its header says 7/,
      ],
      [
        'a header from another schema version',
        (l) => ((l[0] as { schemaVersion: number }).schemaVersion = 2),
        /its first line is not a manifest's/,
      ],
    ];
    for (const [what, change, reason] of cases) {
      await writeManifest(nodeFs, dir, manifestOf(3));
      await edit(change);
      const read = await readManifest(nodeFs, dir);
      expect(read.ok, what).toBe(false);
      expect(read.ok ? '' : read.reason, what).toMatch(reason);
    }
  });

  it('refuses a file cut short or not UTF-8, and says when there is none', async () => {
    expect(await readManifest(nodeFs, dir)).toEqual({ ok: false, reason: 'there is none' });
    await writeManifest(nodeFs, dir, manifestOf(2));
    const text = await readFile(path());
    await writeFile(path(), text.subarray(0, text.length - 1));
    expect(await readManifest(nodeFs, dir)).toMatchObject({ reason: /cut short/ });
    await writeFile(path(), Buffer.concat([Buffer.from([0xff]), text]));
    expect(await readManifest(nodeFs, dir)).toMatchObject({ reason: /not valid UTF-8/ });
  });
});

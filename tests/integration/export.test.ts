// Exports: golden files from a fixed snapshot of the sample article (set UPDATE_GOLDEN=1
// to rewrite them after an intended change), the CSV read back by an RFC 4180 parser, the
// W3C collection's shape, and the JSON backup's lossless round trip.
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORTERS } from '../../src/core/export/exporters';
import type { ExportOptions } from '../../src/core/export/snapshot';
import { exportFormat } from '../../src/shared/concepts/export-formats';
import { csvCell } from '../../src/shared/csv';
import type { ExportFormat } from '../../src/shared/api';
import { describeRange } from '../../src/shared/anchoring';
import { fixedSnapshot } from './export-fixture';
import { openSample, reopen, tempDir, unwrap } from './helpers';
import { readCsv } from '../fixtures/read-csv';

const CHICAGO: ExportOptions = { style: 'chicago-author-date', locale: 'en-US' };
const text = async (format: ExportFormat, snapshot = fixedSnapshot()): Promise<string> =>
  (await EXPORTERS[format](snapshot, CHICAGO)) as string;

describe.each(['markdown', 'csv', 'w3c'] as ExportFormat[])('the %s export', (format) => {
  it('matches its golden file', async () => {
    const output = await text(format);
    const golden = join(
      import.meta.dirname,
      `../fixtures/golden/sample.${exportFormat(format).extension}`,
    );
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, output);
    expect(output).toBe(readFileSync(golden, 'utf8'));
  });
});

describe('CSV', () => {
  it('parses back to one row per highlight and entity, with quotes, commas and breaks intact', async () => {
    const snapshot = fixedSnapshot();
    const rows = readCsv(await text('csv', snapshot));
    const [header, ...body] = rows;
    expect(header).toContain('quote');
    expect(body).toHaveLength(5);
    const quote = header!.indexOf('quote');
    const note = header!.indexOf('note');
    expect(body.map((r) => r[quote])).toContain(
      'Judiciary Chief Gholam Hossein Mohseni Ejei chaired the meeting',
    );
    expect(body.find((r) => r[0] === 'ann_chair')![note]).toBe(
      'Confirms Ejei **chaired** the session, with "six officials" present.',
    );
    expect(body.find((r) => r[0] === 'ann_question')![note]).toBe(
      `'=HYPERLINK("http://evil.example")`,
    );
    expect(body.every((r) => r.length === header!.length)).toBe(true);
  });

  it('neutralises formulas and quotes what needs quoting', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('-3')).toBe("'-3");
    expect(csvCell('- a list')).toBe("'- a list");
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
  });
});

describe('W3C Web Annotation', () => {
  it('is an AnnotationCollection with quote and position selectors, entity and note bodies', async () => {
    const collection = JSON.parse(await text('w3c')) as {
      type: string;
      total: number;
      first: {
        id: string;
        partOf: string;
        items: {
          body: { type: string; purpose: string; source?: { id: string }; value?: string }[];
          target: { source: Record<string, unknown>; selector: { type: string }[] };
        }[];
      };
    };
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(5);
    expect(collection.first.id).toMatch(/^urn:research-workbench:collection:.*:page:1$/);
    const [chair, noury] = collection.first.items;
    expect(chair!.target.source).toMatchObject({
      id: 'https://example.org/iran-rights',
      'rw:sourceSha256': expect.stringMatching(/^sha256:[0-9a-f]{64}$/) as unknown,
      'rw:textSha256': expect.stringMatching(/^sha256:[0-9a-f]{64}$/) as unknown,
      'rw:revision': 1,
    });
    expect(chair!.target.selector.map((s) => s.type)).toEqual([
      'TextQuoteSelector',
      'TextPositionSelector',
    ]);
    expect(chair!.body).toEqual(
      expect.arrayContaining([
        {
          type: 'SpecificResource',
          purpose: 'identifying',
          source: {
            id: 'http://www.wikidata.org/entity/Q5967431',
            label: 'Gholam Hossein Mohseni Ejei',
            'rw:entityType': 'person',
          },
        },
        expect.objectContaining({ type: 'TextualBody', purpose: 'commenting' }),
      ]),
    );
    const entityTags = noury!.body.filter((b) => b.type === 'SpecificResource');
    expect(entityTags.map((b) => [b.purpose, b.source?.id])).toEqual([
      ['tagging', 'urn:research-workbench:entity:ent_evin'],
      ['tagging', 'urn:research-workbench:entity:ent_1988'],
    ]);
  });

  it('counts positions in code points', async () => {
    const snapshot = fixedSnapshot();
    const doc = snapshot.documents[0]!;
    doc.document = { ...doc.document, text: `😀${doc.document.text}` };
    doc.annotations = doc.annotations.map((a) => ({
      ...a,
      target: describeRange(
        doc.document.text,
        a.target.position.start + 2,
        a.target.position.end + 2,
      ),
    }));
    const items = (
      JSON.parse(await text('w3c', snapshot)) as {
        first: { items: { target: { selector: { start?: number }[] } }[] };
      }
    ).first.items;
    expect(items[0]!.target.selector[1]!.start).toBe(doc.annotations[0]!.target.position.start - 1);
  });
});

describe('JSON backup', () => {
  let dirs: { dir: string; cleanup: () => Promise<void> }[] = [];
  beforeEach(async () => {
    dirs = [await tempDir(), await tempDir()];
  });
  afterEach(async () => Promise.all(dirs.map((d) => d.cleanup())));

  it('restores into an empty workspace as an identical workspace', async () => {
    const source = await openSample(dirs[0]!.dir);
    const [doc] = unwrap(await source.call('documents.list', {}));
    const evin = unwrap(
      await source.call('entities.create', {
        name: 'Evin prison',
        type: 'place',
        aliases: ['زندان اوین'],
      }),
    );
    unwrap(
      await source.call('annotations.create', {
        documentId: doc!.id,
        start: 10,
        end: 40,
        entityIds: [evin.id],
        note: 'n',
        tags: ['t'],
      }),
    );
    unwrap(
      await source.call('notes.create', { title: 'Lead', body: 'Follow up', entityIds: [evin.id] }),
    );
    unwrap(await source.call('documents.paste', { title: 'فارسی', text: 'گزارش زندان اوین 😀' }));
    const backup = unwrap(await source.call('export.create', { format: 'json' }));

    const target = await reopen(dirs[1]!.dir);
    const outcome = unwrap(
      await target.call('documents.import', {
        fileName: backup.fileName,
        dataBase64: Buffer.from(backup.content).toString('base64'),
      }),
    );
    expect(outcome).toMatchObject({ kind: 'backup', documents: 2, entities: 1, highlights: 1 });
    const again = unwrap(await target.call('export.create', { format: 'json' }));
    const parse = (s: string) => ({ ...(JSON.parse(s) as object), exportedAt: undefined });
    expect(parse(again.content)).toEqual(parse(backup.content));
    await source.settled();
    await target.settled();
    const files = async (d: string) =>
      JSON.parse(await readFile(join(d, 'workspace.json'), 'utf8')) as unknown;
    expect(await files(dirs[1]!.dir)).toEqual(await files(dirs[0]!.dir));

    // Restoring the same backup twice is refused whole: nothing is duplicated.
    const twice = await target.call('documents.import', {
      fileName: backup.fileName,
      dataBase64: Buffer.from(backup.content).toString('base64'),
    });
    expect(twice.ok).toBe(false);
    expect(unwrap(await target.call('documents.list', {}))).toHaveLength(2);
  });
});

// Every kind of record replicated between two real workspaces (their documents merged as
// the relay would): documents with their texts and kept files, highlights with their tags,
// entity links and notes, the codebook, links between highlights. Remote records that break
// the schema or the integrity rules are held apart, listed, and never written; and the three
// semantic conflicts a CRDT cannot see are settled by their stated rules (remote-rules.ts).
import type * as A from '@automerge/automerge';
import * as Amr from '@automerge/automerge';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toAmRecord, type AmRecord } from '../../../src/core/sync/workspace-doc';
import { bodyBlob } from '../../../src/core/sync/synced-records';
import type { Annotation, Document } from '../../../src/shared/model';
import { unwrap } from '../../integration/helpers';
import { exchange, type Replica, type Team, openPair, type Pair } from './replicas';

let pair: Pair;
let t: Team;
let a: Replica;
let b: Replica;
let docId: string;

async function state(r: Replica) {
  const docs = unwrap(await r.wb.call('documents.list', {}));
  const documents = await Promise.all(
    docs.map(async (d) => {
      const view = unwrap(await r.wb.call('documents.get', { id: d.id }));
      // A document's highlights as a set: two made in the same millisecond may be listed
      // in either order, and their order is not part of the record.
      const annotations = [...view.annotations].sort((x, y) => x.id.localeCompare(y.id));
      return { document: view.document, annotations };
    }),
  );
  return {
    documents,
    entities: unwrap(await r.wb.call('entities.list', {})).map(({ usage: _u, ...e }) => e),
    notes: unwrap(await r.wb.call('notes.list', {})),
    codebook: unwrap(await r.wb.call('codebook.get', {})),
    links: unwrap(await r.wb.call('links.list', {})),
  };
}

const highlight = async (r: Replica, start: number, extra: Partial<Annotation> = {}) => {
  const text = unwrap(await r.wb.call('documents.get', { id: docId })).document.text;
  const end = text.indexOf(' ', start + 5);
  return unwrap(await r.wb.call('annotations.create', { documentId: docId, start, end, ...extra }));
};

beforeEach(async () => {
  pair = await openPair({ sample: true });
  ({ t, a, b } = pair);
  docId = unwrap(await a.wb.call('documents.list', {}))[0]!.id;
  await exchange(a, b);
});
afterEach(() => pair.close());

describe('replicating every record', () => {
  it('brings documents, highlights with tags, entities and notes, the codebook and links to the other replica', async () => {
    const ada = unwrap(
      await a.wb.call('entities.create', { name: 'Ada Lovelace', type: 'person' }),
    );
    unwrap(await a.wb.call('codebook.createCode', { name: 'testimony', colour: '#336699' }));
    const first = await highlight(a, 0, {
      entityIds: [ada.id],
      tags: ['testimony'],
      note: 'Opening',
    });
    const second = await highlight(a, 40);
    unwrap(
      await a.wb.call('links.create', { from: first.id, to: second.id, relation: 'corroborates' }),
    );
    unwrap(
      await a.wb.call('documents.updateMetadata', { id: docId, patch: { title: 'Renamed on A' } }),
    );
    await exchange(a, b);
    const there = await state(b);
    expect(there).toEqual(await state(a));
    expect(there.documents[0]!.annotations.map((h) => h.id).sort()).toEqual(
      [first.id, second.id].sort(),
    );
    expect(there.documents[0]!.document.title).toBe('Renamed on A');
    // The kept original came with it, byte for byte.

    // An imported file's original is kept on the other side too, byte for byte.
    const bytes = Buffer.from('Minutes of the hearing.\n\nThe witness spoke first.\n');
    const imported = unwrap(
      await a.wb.call('documents.import', {
        fileName: 'minutes.txt',
        dataBase64: bytes.toString('base64'),
      }),
    );
    await exchange(a, b);
    const id = imported.kind === 'document' ? imported.documentId : '';
    const original = unwrap(await b.wb.call('documents.get', { id })).document.original!;
    expect(await readFile(join(b.dir, 'originals', original.sha256))).toEqual(bytes);

    // And back: an edit and a deletion on B reach A.
    unwrap(await b.wb.call('annotations.update', { id: second.id, patch: { tags: ['from-b'] } }));
    unwrap(await b.wb.call('annotations.delete', { id: first.id }));
    await exchange(a, b);
    expect(await state(a)).toEqual(await state(b));
    expect((await state(a)).links).toEqual([]);
  });

  it('keeps texts out of the CRDT: a document is its metadata and the name of its body blob', async () => {
    const record = a.handle.doc().documents[docId]!;
    const view = unwrap(await a.wb.call('documents.get', { id: docId })).document;
    expect(record.text).toBeUndefined();
    expect((record.body as A.ImmutableString).val).toBe(bodyBlob(view).sha256);
    expect(await t.blobs.has(bodyBlob(view).sha256)).toBe(true);
  });
});

describe('the document format', () => {
  it("holds a highlight's target and lists as JSON bytes, its other fields each on its own", async () => {
    const made = await highlight(a, 0, { tags: ['opening'] });
    await exchange(a, b);
    const held = b.handle.doc().highlights[made.id]!;
    expect(held.target).toBeInstanceOf(Uint8Array);
    expect(JSON.parse(new TextDecoder().decode(held.tags as Uint8Array))).toEqual(['opening']);
    expect((held.documentId as A.ImmutableString).val).toBe(docId);
  });

  it('reads records written before, with nested maps and lists, as the same records', async () => {
    const made = await highlight(a, 0, { tags: ['opening'] });
    const nested = (value: unknown): AmRecord[string] =>
      typeof value === 'string'
        ? new Amr.ImmutableString(value)
        : Array.isArray(value)
          ? value.map(nested)
          : value && typeof value === 'object'
            ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nested(v)]))
            : (value as number);
    a.handle.change((d) => {
      d.highlights['h-older'] = nested({
        ...made,
        id: 'h-older',
        note: 'Written before',
      }) as AmRecord;
    });
    await exchange(a, b);
    const there = (await state(b)).documents[0]!.annotations.find((h) => h.id === 'h-older');
    expect(there).toMatchObject({ target: made.target, tags: ['opening'], note: 'Written before' });
    expect(b.replicator.quarantined.size).toBe(0);
  });
});

describe('a hostile or broken peer', () => {
  it('has highlights that break the schema or the integrity rules refused, and listed, while the valid ones apply', async () => {
    const good = await highlight(a, 0);
    const { id: _id, ...fields } = good;
    const forged = (id: string, patch: Partial<Record<keyof Annotation, unknown>>): AmRecord =>
      toAmRecord({ ...fields, id, ...patch });
    a.handle.change((d) => {
      d.highlights['h-bad-kind-field'] = forged('h-bad-kind-field', { status: 'everywhere' });
      d.highlights['h-past-end'] = forged('h-past-end', {
        target: {
          ...good.target,
          position: { type: 'TextPositionSelector', start: 0, end: 10_000_000 },
        },
      });
      d.highlights['h-no-document'] = forged('h-no-document', { documentId: 'nowhere' });
      // A list's bytes that are not JSON (here not even UTF-8).
      d.highlights['h-garbled'] = {
        ...forged('h-garbled', {}),
        entityIds: new Uint8Array([0xff, 0x5b]),
      };
      d.highlights['h-ok'] = forged('h-ok', {});
    });
    await exchange(a, b);
    const ids = (await state(b)).documents[0]!.annotations.map((h) => h.id);
    expect(ids.sort()).toEqual([good.id, 'h-ok'].sort());
    const refused = Object.fromEntries(
      [...b.replicator.quarantined.values()].map((q) => [q.id, q.reason]),
    );
    expect(refused['h-bad-kind-field']).toMatch(/^status: /);
    expect(refused['h-past-end']).toMatch(/past the end of the text/);
    expect(refused['h-no-document']).toMatch(/"nowhere"/);
    expect(refused['h-garbled']).toBe('entityIds: its bytes are not JSON');
    // Never written into B's files.
    const file = await readFile(join(b.dir, 'highlights', `${docId}.json`), 'utf8');
    expect(file).not.toMatch(/h-bad-kind-field|h-past-end|h-no-document|h-garbled/);
  });

  it('has a document whose body blob does not match its name held until the right one arrives', async () => {
    const view = unwrap(await a.wb.call('documents.get', { id: docId })).document;
    const { text: _t, blocks: _b, marks: _m, ...meta } = view;
    const body: Pick<Document, 'text' | 'blocks' | 'marks'> = {
      text: 'Planted text.',
      blocks: [],
      marks: [],
    };
    const honest = bodyBlob({ ...view, ...body, id: 'doc-forged' });
    a.handle.change((d) => {
      d.documents['doc-forged'] = toAmRecord({
        ...meta,
        id: 'doc-forged',
        body: honest.sha256,
      });
    });
    // The blob store holds other bytes under that name: the check of the name refuses them.
    const { writeFile, mkdir } = await import('node:fs/promises');
    await mkdir(join(pair.root, 'blobs'), { recursive: true });
    const swapped = bodyBlob({ ...view, text: 'Swapped text.', blocks: [], marks: [] });
    await writeFile(join(pair.root, 'blobs', honest.sha256), swapped.bytes);
    await exchange(a, b);
    expect((await state(b)).documents.map((d) => d.document.id)).toEqual([docId]);
    expect(b.replicator.quarantined.get('documents/doc-forged')).toMatchObject({ waiting: true });
  });

  it('has a document whose text carries a script link refused, as an import would refuse it', async () => {
    const view = unwrap(await a.wb.call('documents.get', { id: docId })).document;
    const { text: _t, blocks: _b, marks: _m, ...meta } = view;
    const text = 'Click here for the report.';
    const hostile = bodyBlob({
      ...view,
      text,
      blocks: [{ kind: 'paragraph', start: 0, end: text.length }],
      marks: [{ kind: 'link', start: 0, end: 10, href: 'javascript:alert(1)' }],
    });
    await t.blobs.put(hostile.sha256, hostile.bytes);
    a.handle.change((d) => {
      d.documents['doc-script'] = toAmRecord({
        ...meta,
        id: 'doc-script',
        body: hostile.sha256,
      });
    });
    await exchange(a, b);
    expect((await state(b)).documents.map((d) => d.document.id)).toEqual([docId]);
    const held = b.replicator.quarantined.get('documents/doc-script');
    expect(held?.waiting).toBeUndefined();
    expect(held?.reason).toMatch(/link/);
  });
});

describe('semantic conflicts, each settled by its rule', () => {
  it('a highlight tagged to an entity another member deleted: the tag is dropped, the highlight kept, and it is listed', async () => {
    const ada = unwrap(
      await a.wb.call('entities.create', { name: 'Ada Lovelace', type: 'person' }),
    );
    await exchange(a, b);
    unwrap(await a.wb.call('entities.delete', { id: ada.id, confirmUsage: 0 }));
    const tagged = await highlight(b, 0, { entityIds: [ada.id] });
    await exchange(a, b);
    for (const r of [a, b]) {
      const s = await state(r);
      expect(s.entities.map((e) => e.id)).not.toContain(ada.id);
      expect(s.documents[0]!.annotations.find((h) => h.id === tagged.id)?.entityIds).toEqual([]);
    }
    expect(a.replicator.resolved).toContainEqual(
      expect.objectContaining({ id: tagged.id, rule: 'entity-deleted' }),
    );
  });

  it('a highlight on a document another member deleted: the deletion stands, the highlight is held and listed, and kept in trash where it was made', async () => {
    unwrap(await a.wb.call('documents.delete', { id: docId, confirmHighlights: 0 }));
    const made = await highlight(b, 0);
    await exchange(a, b);
    for (const r of [a, b]) expect((await state(r)).documents).toEqual([]);
    expect(a.replicator.resolved).toContainEqual(
      expect.objectContaining({ id: made.id, rule: 'document-deleted' }),
    );
    const trash = await readdir(join(b.dir, 'trash'));
    const kept = await Promise.all(trash.map((f) => readFile(join(b.dir, 'trash', f), 'utf8')));
    expect(kept.some((content) => content.includes(made.id))).toBe(true);
  });

  it('a merge on one side while the other edits the merged-away entity: the merge stands, the edit is carried into the survivor, tags follow', async () => {
    const ada = unwrap(
      await a.wb.call('entities.create', { name: 'Ada Lovelace', type: 'person' }),
    );
    const augusta = unwrap(
      await a.wb.call('entities.create', { name: 'Augusta King', type: 'person' }),
    );
    await exchange(a, b);
    unwrap(
      await a.wb.call('entities.merge', { targetId: ada.id, sourceIds: [augusta.id], choose: {} }),
    );
    unwrap(
      await b.wb.call('entities.update', {
        id: augusta.id,
        patch: { description: 'Countess of Lovelace' },
      }),
    );
    const tagged = await highlight(b, 0, { entityIds: [augusta.id] });
    await exchange(a, b);
    for (const r of [a, b]) {
      const s = await state(r);
      expect(s.entities.map((e) => e.id)).toEqual([ada.id]);
      expect(s.entities[0]!.description).toContain('Countess of Lovelace');
      expect(s.entities[0]!.aliases).toContain('Augusta King');
      expect(s.documents[0]!.annotations.find((h) => h.id === tagged.id)?.entityIds).toEqual([
        ada.id,
      ]);
    }
    expect([...a.replicator.resolved, ...b.replicator.resolved].map((r) => r.rule)).toEqual(
      expect.arrayContaining(['merge-and-edit']),
    );
  });
});

// W3C round trip: a workspace with entities (with and without a Wikidata QID, one with
// another identifier), notes, tags and highlights of all four kinds is exported as W3C
// JSON-LD and imported into another workspace holding the same documents. The same
// highlights come back at the same places with the same entity tags, tags and notes;
// entities already there are reused by name, missing ones are created.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import type { Annotation, Entity } from '../../src/shared/model';
import { openSample, tempDir, unwrap } from './helpers';
import { workspaceFiles } from './snapshot-files';

const SAMPLE_URL = 'https://example.org/iran-rights';
const SECOND_URL = 'https://example.org/second-report';
const SECOND_TEXT =
  'Witnesses 😀 described the hearing at Evin prison.\n\nThe court refused to hear the defence lawyer, and the verdict was read in under ten minutes.';

let dirs: { dir: string; cleanup: () => Promise<void> }[] = [];
beforeEach(async () => {
  dirs = [await tempDir(), await tempDir()];
});
afterEach(() => Promise.all(dirs.map((d) => d.cleanup())));

/** The sample article and a second document (with an emoji before its quotes), both with URLs. */
async function documents(wb: Workbench): Promise<{ sample: string; second: string }> {
  const sample = unwrap(await wb.call('documents.list', {}))[0]!.id;
  unwrap(
    await wb.call('documents.updateMetadata', {
      id: sample,
      patch: { source: { url: SAMPLE_URL } },
    }),
  );
  const pasted = unwrap(
    await wb.call('documents.paste', {
      title: 'Second report',
      text: SECOND_TEXT,
      source: { url: SECOND_URL },
    }),
  );
  if (pasted.kind !== 'document') throw new Error(pasted.kind);
  return { sample, second: pasted.documentId };
}

async function highlight(
  wb: Workbench,
  documentId: string,
  exact: string,
  rest: Partial<Pick<Annotation, 'kind' | 'entityIds' | 'tags' | 'note'>>,
): Promise<void> {
  const { text } = unwrap(await wb.call('documents.get', { id: documentId })).document;
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`not in the text: ${exact}`);
  unwrap(
    await wb.call('annotations.create', { documentId, start, end: start + exact.length, ...rest }),
  );
}

/** Every highlight as what it means, independent of ids: place, quote, kind, tags, note, entities. */
async function meaning(wb: Workbench): Promise<unknown[]> {
  const entities = new Map<string, Entity>(
    unwrap(await wb.call('entities.list', {})).map((e) => [e.id, e]),
  );
  const out: unknown[] = [];
  for (const { id } of unwrap(await wb.call('documents.list', {}))) {
    const { document, annotations } = unwrap(await wb.call('documents.get', { id }));
    for (const a of annotations)
      out.push({
        url: document.source.url,
        position: a.target.position,
        quote: a.target.quote,
        kind: a.kind,
        status: a.status,
        tags: a.tags,
        note: a.note,
        entities: a.entityIds.map((e) => {
          const { name, type, externalId } = entities.get(e)!;
          return { name, type, externalId };
        }),
      });
  }
  return out.sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
}

describe('W3C export, then import into a workspace with the same documents', () => {
  it('recreates the same highlights, entity tags, tags and notes, as one undoable step', async () => {
    const source = await openSample(dirs[0]!.dir);
    const a = await documents(source);
    const ejei = unwrap(
      await source.call('entities.create', {
        name: 'Gholam Hossein Mohseni Ejei',
        type: 'person',
        externalId: 'Q5967431',
      }),
    );
    const evin = unwrap(
      await source.call('entities.create', { name: 'Evin prison', type: 'place' }),
    );
    const court = unwrap(
      await source.call('entities.create', {
        name: 'Revolutionary Court',
        type: 'organization',
        externalId: 'court-15',
      }),
    );
    await highlight(source, a.sample, 'Judiciary Chief Gholam Hossein Mohseni Ejei', {
      kind: 'evidence',
      entityIds: [ejei.id],
      note: 'Chaired the meeting, per **two** accounts.',
      tags: ['judiciary'],
    });
    await highlight(source, a.sample, 'what is the regime worried about', { kind: 'question' });
    await highlight(source, a.sample, 'involved in the 1988 massacre', {
      kind: 'claim',
      entityIds: [evin.id, ejei.id],
      tags: ['1988', 'massacre'],
    });
    await highlight(source, a.second, 'described the hearing at Evin prison', {
      kind: 'quote',
      entityIds: [evin.id, court.id],
      note: 'Second-hand.',
    });
    await highlight(source, a.second, 'the verdict was read in under ten minutes', {
      kind: 'evidence',
      entityIds: [court.id],
      tags: ['fair trial'],
    });
    const exported = unwrap(await source.call('export.create', { format: 'w3c' })).content;

    const target = await openSample(dirs[1]!.dir);
    await documents(target);
    // Already here under the same name (another id and case): reused, not duplicated.
    const here = unwrap(
      await target.call('entities.create', { name: 'evin Prison', type: 'place' }),
    );
    const before = await workspaceFiles(dirs[1]!.dir);

    const report = unwrap(await target.call('annotations.import', { json: exported }));
    expect(report.format).toBe('w3c');
    expect(report.counts).toEqual({
      anchored: 5,
      fuzzy: 0,
      orphaned: 0,
      duplicate: 0,
      'over-budget': 0,
      skipped: 0,
    });
    expect(report.entitiesCreated.sort()).toEqual([
      'Gholam Hossein Mohseni Ejei',
      'Revolutionary Court',
    ]);
    const theirs = (await meaning(source)) as { entities: { name: string }[] }[];
    // The reused entity keeps its own name here.
    const expected = theirs.map((m) => ({
      ...m,
      entities: m.entities.map((e) =>
        e.name === 'Evin prison' ? { name: here.name, type: 'place' } : e,
      ),
    }));
    expect(await meaning(target)).toEqual(expected);
    expect(unwrap(await target.call('workspace.info', {})).problems).toEqual([]);

    // One step back takes every highlight and entity of the import away.
    expect(unwrap(await target.call('history.info', {})).undoLabel).toBe('Import annotations');
    unwrap(await target.call('history.undo', {}));
    expect(await workspaceFiles(dirs[1]!.dir)).toEqual(before);
  });

  it('into the workspace it came from, finds every highlight already there', async () => {
    const wb = await openSample(dirs[0]!.dir);
    const { sample } = await documents(wb);
    await highlight(wb, sample, 'what is the regime worried about', { kind: 'question' });
    const exported = unwrap(await wb.call('export.create', { format: 'w3c' })).content;
    const report = unwrap(await wb.call('annotations.import', { json: exported }));
    expect(report.counts).toEqual({
      anchored: 0,
      fuzzy: 0,
      orphaned: 0,
      duplicate: 1,
      'over-budget': 0,
      skipped: 0,
    });
  });

  it('brings a user’s own kind back as itself where the codebook has it, and keeps it in the note where not', async () => {
    const source = await openSample(dirs[0]!.dir);
    const { sample } = await documents(source);
    const kind = unwrap(
      await source.call('codebook.createKind', { label: 'Contradiction', colour: '#d55e00' }),
    );
    await highlight(source, sample, 'what is the regime worried about', {
      kind: kind.id,
      note: 'Against the official account.',
    });
    const exported = unwrap(await source.call('export.create', { format: 'w3c' })).content;
    // Every other export names the kind too: its id and label in the spreadsheet, a code
    // under "Highlight kinds" in the REFI-QDA codebook.
    const csv = unwrap(await source.call('export.create', { format: 'csv' })).content;
    expect(csv).toContain(`${kind.id},Contradiction`);
    const qdc = unwrap(await source.call('export.create', { format: 'qdc' })).content;
    expect(qdc).toMatch(/<Code [^>]*name="Contradiction"/);

    // Where the codebook has the kind (this workspace, after the highlight is gone).
    const [made] = unwrap(await source.call('documents.get', { id: sample })).annotations;
    unwrap(await source.call('annotations.delete', { id: made!.id }));
    unwrap(await source.call('annotations.import', { json: exported }));
    const back = unwrap(await source.call('documents.get', { id: sample })).annotations;
    expect(back.map((a) => [a.kind, a.note])).toEqual([[kind.id, 'Against the official account.']]);

    // Where it does not: the first kind, with the kind's id kept in the note.
    const target = await openSample(dirs[1]!.dir);
    await documents(target);
    unwrap(await target.call('annotations.import', { json: exported }));
    const there = unwrap(
      await target.call('documents.get', {
        id: unwrap(await target.call('documents.list', {}))[0]!.id,
      }),
    ).annotations;
    expect(there.map((a) => [a.kind, a.note])).toEqual([
      ['quote', `Against the official account.\n\n${kind.id}`],
    ]);
  });
});

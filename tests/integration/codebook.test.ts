// The codebook: highlight kinds of the user's own, codes in a hierarchy, link relations and
// links between highlights, each change one undoable command that leaves the files exactly
// as they were when undone; filtering by a code takes in the codes under it everywhere
// (highlights by tag, search, exports, co-occurrence); a hand-edited codebook with a loop or
// a link to nothing is reported when the workspace opens.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import { codePath } from '../../src/shared/codebook/code-tree';
import type { Codebook } from '../../src/shared/model';
import { openSample, reopen, tempDir, unwrap } from './helpers';
import { workspaceFiles } from './snapshot-files';

let dir: string;
let cleanup: () => Promise<void>;
let wb: Workbench;
let docId: string;
let text: string;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  wb = await openSample(dir);
  docId = unwrap(await wb.call('documents.list', {}))[0]!.id;
  text = unwrap(await wb.call('documents.get', { id: docId })).document.text;
});
afterEach(() => cleanup());

async function highlight(exact: string, extra: { kind?: string; tags?: string[] } = {}) {
  const start = text.indexOf(exact);
  return unwrap(
    await wb.call('annotations.create', {
      documentId: docId,
      start,
      end: start + exact.length,
      ...extra,
    }),
  );
}
const codebook = async (): Promise<Codebook> => unwrap(await wb.call('codebook.get', {}));
const tree = async (): Promise<string[]> => {
  const cb = await codebook();
  return cb.codes.map((c) => codePath(cb, c.name)).sort();
};
const tagsOf = async (id: string): Promise<string[]> =>
  unwrap(await wb.call('annotations.byIds', { ids: [id] }))[0]!.annotation.tags;

describe('highlight kinds', () => {
  it('adds a kind of the user own, highlights with it, and deletes it by reassigning', async () => {
    const before = await workspaceFiles(dir);
    const kind = unwrap(
      await wb.call('codebook.createKind', { label: 'Testimony', colour: '#D55E00' }),
    );
    expect(kind).toMatchObject({ label: 'Testimony', colour: '#d55e00' });
    const a = await highlight('chaired the meeting', { kind: kind.id });
    expect(a.kind).toBe(kind.id);
    const refused = await wb.call('codebook.deleteKind', {
      id: kind.id,
      reassignTo: 'claim',
      confirmUsage: 0,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'IN_USE' } });
    unwrap(
      await wb.call('codebook.deleteKind', { id: kind.id, reassignTo: 'claim', confirmUsage: 1 }),
    );
    expect(unwrap(await wb.call('annotations.byIds', { ids: [a.id] }))[0]!.annotation.kind).toBe(
      'claim',
    );
    for (let i = 0; i < 3; i++) unwrap(await wb.call('history.undo', {}));
    expect(await workspaceFiles(dir)).toEqual(before);
  });

  it('refuses a kind the codebook does not have, and a second kind of one name', async () => {
    const start = text.indexOf('chaired');
    const unknown = await wb.call('annotations.create', {
      documentId: docId,
      start,
      end: start + 7,
      kind: 'kind_nope',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const twice = await wb.call('codebook.createKind', { label: 'quote', colour: '#000000' });
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const css = await wb.call('codebook.createKind', { label: 'x', colour: 'red;}body{' });
    expect(css).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('codes', () => {
  it('files, renames, moves, merges and deletes codes, each undone to the same files', async () => {
    const a = await highlight('chaired the meeting', { tags: ['trial'] });
    const b = await highlight('six officials', { tags: ['Sanctions', 'EU'] });
    const start = await workspaceFiles(dir);
    const steps: [string, () => Promise<unknown>, string[]][] = [
      [
        'file a free tag under a new parent',
        () => wb.call('codebook.moveCode', { name: 'trial', parent: 'Accountability' }),
        ['Accountability', 'Accountability / trial'],
      ],
      [
        'rename it, and the tag on its highlight',
        () => wb.call('codebook.renameCode', { name: 'trial', to: 'Trial' }),
        ['Accountability', 'Accountability / Trial'],
      ],
      [
        'add a child',
        () => wb.call('codebook.createCode', { name: 'Sanctions', parent: 'Accountability' }),
        ['Accountability', 'Accountability / Sanctions', 'Accountability / Trial'],
      ],
      [
        'file EU under Sanctions',
        () => wb.call('codebook.moveCode', { name: 'EU', parent: 'Sanctions' }),
        [
          'Accountability',
          'Accountability / Sanctions',
          'Accountability / Sanctions / EU',
          'Accountability / Trial',
        ],
      ],
      [
        'merge Sanctions into Trial',
        () => wb.call('codebook.mergeCodes', { names: ['Sanctions'], into: 'Trial' }),
        ['Accountability', 'Accountability / Trial', 'Accountability / Trial / EU'],
      ],
    ];
    for (const [, step, expected] of steps) {
      unwrap((await step()) as never);
      expect(await tree()).toEqual(expected);
    }
    expect(await tagsOf(a.id)).toEqual(['Trial']);
    expect(await tagsOf(b.id)).toEqual(['Trial', 'EU']);
    // Deleting Trial and lifting EU up: Trial leaves both highlights, EU stays on b.
    const usage = unwrap(await wb.call('codebook.codeUsage', { name: 'Trial', children: 'lift' }));
    expect(usage).toEqual({ codes: ['Trial'], highlights: 2 });
    unwrap(
      await wb.call('codebook.deleteCode', { name: 'Trial', children: 'lift', confirmUsage: 2 }),
    );
    expect(await tree()).toEqual(['Accountability', 'Accountability / EU']);
    expect(await tagsOf(b.id)).toEqual(['EU']);
    // With its children: Accountability and EU go, and EU leaves b.
    unwrap(
      await wb.call('codebook.deleteCode', {
        name: 'Accountability',
        children: 'delete',
        confirmUsage: 1,
      }),
    );
    expect(await tree()).toEqual([]);
    expect(await tagsOf(b.id)).toEqual([]);
    for (let i = 0; i < steps.length + 2; i++) unwrap(await wb.call('history.undo', {}));
    expect(await workspaceFiles(dir)).toEqual(start);
  });

  it('refuses a loop, a rename onto another code and a delete not confirmed', async () => {
    unwrap(await wb.call('codebook.createCode', { name: 'A' }));
    unwrap(await wb.call('codebook.createCode', { name: 'B', parent: 'A' }));
    expect(await wb.call('codebook.moveCode', { name: 'A', parent: 'B' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await wb.call('codebook.renameCode', { name: 'A', to: 'b' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await highlight('chaired', { tags: ['B'] });
    expect(
      await wb.call('codebook.deleteCode', { name: 'A', children: 'delete', confirmUsage: 0 }),
    ).toMatchObject({ ok: false, error: { code: 'IN_USE' } });
  });

  it('keeps the files byte for byte after any sequence of changes is undone', async () => {
    await highlight('chaired the meeting', { tags: ['t1'] });
    await highlight('six officials', { tags: ['t2', 't3'] });
    const start = await workspaceFiles(dir);
    const name = fc.constantFrom('t1', 't2', 't3', 'n1', 'n2');
    const op = fc.oneof(
      fc.record({ op: fc.constant('create'), name, parent: fc.option(name, { nil: undefined }) }),
      fc.record({ op: fc.constant('move'), name, parent: fc.option(name, { nil: null }) }),
      fc.record({ op: fc.constant('rename'), name, to: name }),
      fc.record({ op: fc.constant('merge'), name, to: name }),
      fc.record({ op: fc.constant('delete'), name, lift: fc.boolean() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
        let done = 0;
        for (const o of ops) {
          let r: { ok: boolean };
          if (o.op === 'create')
            r = await wb.call('codebook.createCode', {
              name: o.name,
              ...(o.parent ? { parent: o.parent } : {}),
            });
          else if (o.op === 'move')
            r = await wb.call('codebook.moveCode', { name: o.name, parent: o.parent });
          else if (o.op === 'rename')
            r = await wb.call('codebook.renameCode', { name: o.name, to: o.to });
          else if (o.op === 'merge')
            r = await wb.call('codebook.mergeCodes', { names: [o.name], into: o.to });
          else {
            const children = o.lift ? 'lift' : 'delete';
            const usage = await wb.call('codebook.codeUsage', { name: o.name, children });
            r = usage.ok
              ? await wb.call('codebook.deleteCode', {
                  name: o.name,
                  children,
                  confirmUsage: usage.value.highlights,
                })
              : usage;
          }
          if (r.ok) done++;
        }
        const problems = unwrap(await wb.call('workspace.info', {})).problems;
        for (let i = 0; i < done; i++) unwrap(await wb.call('history.undo', {}));
        expect(problems).toEqual([]);
        expect(await workspaceFiles(dir)).toEqual(start);
      }),
      { numRuns: 12 },
    );
  });
});

describe('filtering by a code takes in the codes under it', () => {
  beforeEach(async () => {
    unwrap(await wb.call('codebook.createCode', { name: 'Accountability' }));
    unwrap(await wb.call('codebook.createCode', { name: 'Trial', parent: 'Accountability' }));
    const ejei = unwrap(await wb.call('entities.create', { name: 'Ejei', type: 'person' }));
    const evin = unwrap(await wb.call('entities.create', { name: 'Evin', type: 'place' }));
    const start = text.indexOf('Judiciary Chief');
    unwrap(
      await wb.call('annotations.create', {
        documentId: docId,
        start,
        end: start + 40,
        tags: ['Trial'],
        entityIds: [ejei.id, evin.id],
      }),
    );
    await highlight('six officials', { tags: ['other'] });
  });

  it('in highlights by tag, search, exports and co-occurrence', async () => {
    expect(unwrap(await wb.call('annotations.byTag', { tag: 'Accountability' }))).toHaveLength(1);
    expect(unwrap(await wb.call('annotations.byTag', { tag: 'accountability' }))).toHaveLength(1);
    const hits = unwrap(
      await wb.call('search.query', {
        query: 'judiciary',
        kinds: ['highlight'],
        code: 'Accountability',
      }),
    );
    expect(hits.hits).toHaveLength(1);
    const none = unwrap(
      await wb.call('search.query', { query: 'judiciary', kinds: ['highlight'], code: 'other' }),
    );
    expect(none.hits).toHaveLength(0);
    const csv = unwrap(
      await wb.call('export.create', { format: 'csv', code: 'Accountability' }),
    ).content;
    expect(csv).toContain('Accountability / Trial');
    expect(csv).not.toContain('six officials');
    const pairs = unwrap(
      await wb.call('analysis.cooccurrence', { scope: 'highlight', code: 'Accountability' }),
    );
    expect(pairs.pairs).toHaveLength(1);
    const nothing = unwrap(
      await wb.call('analysis.cooccurrence', { scope: 'highlight', code: 'other' }),
    );
    expect(nothing.pairs).toHaveLength(0);
  });
});

describe('links between highlights', () => {
  it('links two highlights, and deleting one removes its links in the same undoable command', async () => {
    const a = await highlight('chaired the meeting');
    const b = await highlight('six officials');
    const link = unwrap(
      await wb.call('links.create', { from: a.id, to: b.id, relation: 'corroborates' }),
    );
    expect(
      await wb.call('links.create', { from: a.id, to: a.id, relation: 'corroborates' }),
    ).toMatchObject({ ok: false });
    expect(await wb.call('links.create', { from: a.id, to: b.id, relation: 'nope' })).toMatchObject(
      { ok: false, error: { code: 'NOT_FOUND' } },
    );
    const before = await workspaceFiles(dir);
    unwrap(await wb.call('annotations.delete', { id: b.id }));
    expect(unwrap(await wb.call('links.list', {}))).toEqual([]);
    await wb.settled();
    expect(JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8'))).not.toHaveProperty(
      'links',
    );
    unwrap(await wb.call('history.undo', {}));
    expect(unwrap(await wb.call('links.list', {}))).toEqual([link]);
    expect(await workspaceFiles(dir)).toEqual(before);
  });

  it('deletes a relation with the links that say it, when confirmed', async () => {
    const a = await highlight('chaired the meeting');
    const b = await highlight('six officials');
    unwrap(await wb.call('links.create', { from: a.id, to: b.id, relation: 'contradicts' }));
    expect(
      await wb.call('codebook.deleteRelation', { id: 'contradicts', confirmUsage: 0 }),
    ).toMatchObject({ ok: false, error: { code: 'IN_USE' } });
    unwrap(await wb.call('codebook.deleteRelation', { id: 'contradicts', confirmUsage: 1 }));
    expect(unwrap(await wb.call('links.list', {}))).toEqual([]);
  });
});

describe('a hand-edited codebook', () => {
  it('is reported when the workspace opens: a loop of codes and a link to nothing', async () => {
    const a = await highlight('chaired the meeting');
    const b = await highlight('six officials');
    unwrap(await wb.call('codebook.createCode', { name: 'A' }));
    unwrap(await wb.call('links.create', { from: a.id, to: b.id, relation: 'corroborates' }));
    await wb.close();
    const path = join(dir, 'workspace.json');
    const ws = JSON.parse(await readFile(path, 'utf8')) as {
      codebook: Codebook;
      links: { to: string }[];
    };
    const code = ws.codebook.codes[0]!;
    ws.codebook.codes.push({ id: 'code_b', name: 'B', parentId: code.id });
    code.parentId = 'code_b';
    ws.links[0]!.to = 'ann_gone';
    await writeFile(path, JSON.stringify(ws, null, 2));
    wb = await reopen(dir);
    const problems = unwrap(await wb.call('workspace.info', {})).problems.map((p) => p.reason);
    expect(problems).toEqual(
      expect.arrayContaining([
        'it is filed under itself (through the codes above it)',
        'it links "ann_gone", not a highlight here',
      ]),
    );
  });
});

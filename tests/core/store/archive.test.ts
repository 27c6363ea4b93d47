// An archive, not a folder: opening reads the manifest, not the documents; a document is
// read when something asks for it and kept while memory allows; damage in a document not
// read yet is found when it is read and by the background check, and never written over;
// the manifest is rebuilt from the files when it is missing or damaged, and what a
// workspace answers does not depend on how much of it is in memory.
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../../src/core/workbench';
import { MANIFEST_FILE } from '../../../src/core/store/manifest';
import { closeWorkbench, openSample, reopen, tempDir, unwrap } from '../../integration/helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const TEXT = (n: number): string =>
  `Report ${n} on Evin prison.\n\nWitness ${n} described the transfer to Gohardasht in 1988.\n\nThe court in Stockholm heard testimony ${n}.`;

/** A workspace of `count` pasted documents, each with one highlight tagged to an entity. */
async function archive(count: number): Promise<{ ids: string[]; entity: string }> {
  const wb = await reopen(dir);
  const entity = unwrap(await wb.call('entities.create', { name: 'Evin prison', type: 'place' }));
  const ids: string[] = [];
  for (let n = 0; n < count; n++) {
    const r = unwrap(await wb.call('documents.paste', { title: `Report ${n}`, text: TEXT(n) }));
    if (r.kind !== 'document') throw new Error('expected a document');
    ids.push(r.documentId);
    const at = TEXT(n).indexOf('Evin prison');
    unwrap(
      await wb.call('annotations.create', {
        documentId: r.documentId,
        start: at,
        end: at + 11,
        entityIds: [entity.id],
        tags: [`t${n % 3}`],
      }),
    );
  }
  await closeWorkbench(dir);
  return { ids, entity: entity.id };
}

describe('opening an archive', () => {
  it('reads no document to open, lists them all, and reads one only when asked', async () => {
    const { ids } = await archive(12);
    const wb = await reopen(dir);
    expect(wb.documentsHeld()).toMatchObject({ listed: 12, inMemory: 0, reads: 0, manifest: true });
    const list = unwrap(await wb.call('documents.list', {}));
    expect(list.map((d) => [d.title, d.annotationCount])).toEqual(
      ids.map((_, n) => [`Report ${n}`, 1]),
    );
    expect(unwrap(await wb.call('entities.list', {}))[0]!.usage).toBe(12);
    expect(unwrap(await wb.call('tags.list', {}))).toEqual([
      { tag: 't0', count: 4 },
      { tag: 't1', count: 4 },
      { tag: 't2', count: 4 },
    ]);
    expect(wb.documentsHeld().reads).toBe(0);
    const view = unwrap(await wb.call('documents.get', { id: ids[5]! }));
    expect(view.document.text).toBe(TEXT(5));
    expect(wb.documentsHeld()).toMatchObject({ inMemory: 1, reads: 1 });
  });

  it('evicts what memory cannot hold and reads it again, the same', async () => {
    const { ids } = await archive(10);
    // Room for about two of these documents at a time.
    const wb = await reopen(dir, { cacheBytes: 4000 });
    for (const id of [...ids, ...ids]) {
      const view = unwrap(await wb.call('documents.get', { id }));
      expect(view.document.id).toBe(id);
    }
    const held = wb.documentsHeld();
    expect(held.inMemory).toBeLessThanOrEqual(3);
    expect(held.reads).toBe(20);
    // A save on a document that was let go reads it again first, and lands.
    const made = unwrap(
      await wb.call('annotations.create', { documentId: ids[0]!, start: 0, end: 6 }),
    );
    expect(unwrap(await wb.call('documents.get', { id: ids[0]! })).annotations).toContainEqual(
      made,
    );
  });

  it('rebuilds a missing or damaged manifest from the files', async () => {
    await archive(5);
    let wb: Workbench = await reopen(dir);
    const before = unwrap(await wb.call('documents.list', {}));
    await closeWorkbench(dir);
    for (const damage of [
      () => rm(join(dir, MANIFEST_FILE)),
      () => writeFile(join(dir, MANIFEST_FILE), '{"schemaVersion": 3, "custody": 7}'),
    ]) {
      await damage();
      wb = await reopen(dir);
      expect(wb.documentsHeld().manifest).toBe(false);
      expect(unwrap(await wb.call('documents.list', {}))).toEqual(before);
      expect(unwrap(await wb.call('workspace.info', {})).problems).toEqual([]);
      await closeWorkbench(dir);
      // Rebuilt and saved: the next open uses it.
      wb = await reopen(dir);
      expect(wb.documentsHeld()).toMatchObject({ manifest: true, reads: 0 });
      await closeWorkbench(dir);
    }
  });

  it('brings a manifest saved before more changes up to date from the custody log', async () => {
    const { ids } = await archive(4);
    const manifest = await readFile(join(dir, MANIFEST_FILE));
    let wb = await reopen(dir);
    unwrap(await wb.call('annotations.create', { documentId: ids[2]!, start: 0, end: 6 }));
    unwrap(await wb.call('documents.delete', { id: ids[3]!, confirmHighlights: 1 }));
    await closeWorkbench(dir);
    // As if the workbench had been killed before saving the manifest again.
    await writeFile(join(dir, MANIFEST_FILE), manifest);
    wb = await reopen(dir);
    expect(wb.documentsHeld().manifest).toBe(true);
    expect(unwrap(await wb.call('documents.list', {})).map((d) => d.annotationCount)).toEqual([
      1, 1, 2,
    ]);
  });

  it('finds damage in a document not read yet when it is read, and never writes over it', async () => {
    const { ids } = await archive(3);
    const path = join(dir, 'highlights', `${ids[1]}.json`);
    const file = JSON.parse(await readFile(path, 'utf8')) as {
      annotations: { target: { position: { end: number } } }[];
    };
    file.annotations[0]!.target.position.end = 99_999;
    const damaged = `${JSON.stringify(file, null, 2)}\n`;
    await writeFile(path, damaged);
    // Opened without waiting for the background check: the damage shows on first reading.
    const { openWorkbench } = await import('../../../src/core/workbench');
    await closeWorkbench(dir);
    const wb = await openWorkbench(dir, { host: 'test' });
    try {
      const got = await wb.call('documents.get', { id: ids[1]! });
      expect(got).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
      const problems = unwrap(await wb.call('workspace.info', {})).problems;
      expect(problems).toContainEqual(
        expect.objectContaining({ file: `highlights/${ids[1]}.json` }),
      );
      const write = await wb.call('annotations.create', { documentId: ids[1]!, start: 0, end: 6 });
      expect(write).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
      await wb.checked;
      expect(await readFile(path, 'utf8')).toBe(damaged);
    } finally {
      await wb.close();
    }
  });

  it('the background check finds a file changed behind its back without anything asking', async () => {
    const { ids } = await archive(3);
    const path = join(dir, 'documents', `${ids[2]}.json`);
    await writeFile(
      path,
      (await readFile(path, 'utf8')).replace('"title": "Report 2"', '"title": ""'),
    );
    const wb = await reopen(dir);
    expect(unwrap(await wb.call('workspace.info', {})).problems).toContainEqual(
      expect.objectContaining({ file: `documents/${ids[2]}.json` }),
    );
  });

  it('reads again at open two documents its manifest says share a highlight id', async () => {
    const { ids } = await archive(3);
    // The second document's highlights file made to reuse the first's highlight id, and the
    // manifest made to agree with it (its stamp too), so nothing but the shared id tells.
    const [first, second] = [ids[0]!, ids[1]!].map((id) => join(dir, 'highlights', `${id}.json`));
    const idOf = async (file: string): Promise<string> =>
      (JSON.parse(await readFile(file, 'utf8')) as { annotations: { id: string }[] })
        .annotations[0]!.id;
    const [taken, own] = [await idOf(first!), await idOf(second!)];
    await writeFile(second!, (await readFile(second!, 'utf8')).replaceAll(own, taken));
    const { size, mtimeMs } = await stat(second!);
    const lines = (await readFile(join(dir, MANIFEST_FILE), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown[]);
    const line = lines.find(
      (l) => l[0] === 'd' && (l[1] as { document: { id: string } }).document.id === ids[1],
    )!;
    (line[1] as { annotationIds: string[] }).annotationIds = [taken];
    const stamp = line[2] as number[];
    line[2] = [stamp[0], stamp[1], size, mtimeMs];
    await writeFile(
      join(dir, MANIFEST_FILE),
      `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`,
    );
    const wb = await reopen(dir);
    expect(wb.documentsHeld().manifest).toBe(true);
    const problems = unwrap(await wb.call('workspace.info', {})).problems;
    // Whichever of the two is read second gives its highlight a new id.
    expect(problems.map((p) => [p.file, p.reason])).toEqual([
      [expect.stringMatching(/^highlights\/doc_/), 'its id is used by another highlight'],
    ]);
    expect([ids[0], ids[1]].map((id) => `highlights/${id}.json`)).toContain(problems[0]!.file);
  });
});

describe('research views at archive size', () => {
  it('reads whole only the documents that name or tag the entity, the others by their text', async () => {
    const wb = await reopen(dir);
    const entity = unwrap(await wb.call('entities.create', { name: 'Evin prison', type: 'place' }));
    const paste = async (title: string, text: string): Promise<string> => {
      const r = unwrap(await wb.call('documents.paste', { title, text }));
      if (r.kind !== 'document') throw new Error('expected a document');
      return r.documentId;
    };
    const tagged = await paste('Tagged', 'Evin prison held them in 1988.');
    // Both words in one paragraph, so the index names it, but never as the name.
    await paste('Near', 'The prison near Evin was emptied.');
    const named = await paste('Named', 'Families waited outside Evin prison for news.');
    await paste('Elsewhere', 'The court in Stockholm heard testimony.');
    unwrap(
      await wb.call('annotations.create', {
        documentId: tagged,
        start: 0,
        end: 11,
        entityIds: [entity.id],
      }),
    );
    await closeWorkbench(dir);
    const lazy = await reopen(dir, { cacheBytes: 1 });
    await lazy.indexed;
    const mentions = unwrap(await lazy.call('mentions.find', { entityId: entity.id }));
    expect(mentions.map((m) => [m.documentId, m.exact, m.tagged])).toEqual([
      [tagged, 'Evin prison', true],
      [named, 'Evin prison', false],
    ]);
    // The index's three candidates looked at as bytes; "Near", whose bytes cannot hold the
    // name, never parsed; the other two read as texts, then whole.
    expect(lazy.documentsHeld()).toMatchObject({ reads: 2, recordReads: 2, screens: 3 });
    const dossier = unwrap(await lazy.call('entities.dossier', { id: entity.id }));
    expect(dossier.sources.map((s) => [s.title, s.passages.length, s.mentions])).toEqual([
      ['Tagged', 1, 1],
      ['Named', 0, 1],
    ]);
    // Only the tagging document read whole again; the other two not at all: find mentions
    // kept their counts (src/core/mentions/count-store.ts).
    expect(lazy.documentsHeld()).toMatchObject({ reads: 3, recordReads: 2, screens: 3 });
  });
});

describe('answers that do not depend on what is in memory', () => {
  it('search, exports and research views answer the same with every document evicted', async () => {
    const { ids, entity } = await archive(8);
    await openSample(dir);
    await closeWorkbench(dir);
    const ask = async (wb: Workbench) => ({
      search: unwrap(await wb.call('search.query', { query: 'witness gohardasht' })),
      prefix: unwrap(await wb.call('search.query', { query: 'stock' })),
      byEntity: unwrap(await wb.call('search.query', { query: 'evin', entityId: entity })),
      markdown: unwrap(await wb.call('export.create', { format: 'markdown' })).content,
      csv: unwrap(await wb.call('export.create', { format: 'csv' })).content,
      mentions: unwrap(await wb.call('mentions.find', { entityId: entity })),
      dossier: unwrap(await wb.call('entities.dossier', { id: entity })),
      cooccurrence: unwrap(await wb.call('analysis.cooccurrence', { scope: 'paragraph' })),
      passages: unwrap(await wb.call('annotations.byEntity', { entityId: entity })),
      verify: unwrap(await wb.call('workspace.verify', {})).mismatches,
      one: unwrap(await wb.call('documents.get', { id: ids[3]! })),
    });
    // Everything read at open (no manifest) and kept...
    await rm(join(dir, MANIFEST_FILE));
    let wb = await reopen(dir);
    await wb.indexed;
    const whole = await ask(wb);
    await closeWorkbench(dir);
    // ...and nothing kept: each answer reads what it needs, a document at a time.
    wb = await reopen(dir, { cacheBytes: 1 });
    await wb.indexed;
    const lazy = await ask(wb);
    const dated = (s: string) => s.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T');
    expect({ ...lazy, markdown: dated(lazy.markdown), csv: dated(lazy.csv) }).toEqual({
      ...whole,
      markdown: dated(whole.markdown),
      csv: dated(whole.csv),
    });
    expect(lazy.search.hits.length).toBeGreaterThan(0);
    expect(lazy.mentions.length).toBe(8);
  });
});

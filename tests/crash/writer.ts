// A child process for the crash test: it opens a workspace through the core and writes as
// fast as it can, printing one line per acknowledged command, until its parent kills it
// with SIGKILL at a random moment. The parent then checks what reached the disk.
import { openWorkbench } from '../../src/core/workbench';
import type { Envelope } from '../../src/shared/api';

const [dir, tag] = process.argv.slice(2) as [string, string];
let seed = [...tag].reduce((n, c) => (n * 31 + c.charCodeAt(0)) >>> 0, 7);
const random = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];
const ack = (line: object): void => void process.stdout.write(`${JSON.stringify(line)}\n`);
const ok = <T>(e: Envelope<T>): T | undefined => (e.ok ? e.value : undefined);

function backup(n: number): string {
  const now = '2026-11-24T00:00:00.000Z';
  const text = `Backup ${tag} ${n}: testimony about Evin prison and the 1988 massacre.`;
  const entity = {
    id: `ent_${tag}_${n}`,
    name: `Entity ${tag} ${n}`,
    type: 'person',
    aliases: [],
    description: '',
    createdAt: now,
    updatedAt: now,
  };
  const documents = [0, 1, 2].map((k) => ({
    document: {
      id: `doc_${tag}_${n}_${k}`,
      title: `Backup ${tag} ${n} ${k}`,
      text,
      blocks: [{ kind: 'paragraph', start: 0, end: text.length }],
      marks: [],
      source: {},
      format: 'text',
      contentHash: `sha256:${'0'.repeat(64)}`,
      revision: 1,
      createdAt: now,
      updatedAt: now,
    },
    annotations: [
      {
        id: `ann_${tag}_${n}_${k}`,
        documentId: `doc_${tag}_${n}_${k}`,
        target: {
          position: { type: 'TextPositionSelector', start: 0, end: 6 },
          quote: {
            type: 'TextQuoteSelector',
            exact: 'Backup',
            prefix: '',
            suffix: text.slice(6, 38),
          },
        },
        entityIds: [entity.id],
        tags: [],
        kind: 'quote',
        note: '',
        status: 'anchored',
        anchoredRevision: 1,
        createdAt: now,
        updatedAt: now,
      },
    ],
  }));
  return JSON.stringify({
    format: 'research-workbench-backup',
    version: 2,
    exportedAt: now,
    entities: [entity],
    notes: [],
    documents,
  });
}

async function main(): Promise<void> {
  const wb = await openWorkbench(dir, { host: 'crash writer' });
  if (wb.readOnly) throw new Error('the crash writer could not take the lock');
  ack({ ready: true });
  for (let n = 0; ; n++) {
    const docs = ok(await wb.call('documents.list', {}))?.filter((d) => !d.problem) ?? [];
    const entities = ok(await wb.call('entities.list', {})) ?? [];
    const roll = random();
    if (roll < 0.3) {
      const e = ok(
        await wb.call('entities.create', { name: `Official ${tag} ${n}`, type: 'person' }),
      );
      if (e) ack({ created: e.id });
    } else if (roll < 0.6 && docs.length) {
      const doc = pick(docs)!;
      const entity = pick(entities);
      const a = ok(
        await wb.call('annotations.create', {
          documentId: doc.id,
          start: 0,
          end: 6,
          entityIds: entity ? [entity.id] : [],
        }),
      );
      if (a) ack({ created: a.id, documentId: doc.id });
    } else if (roll < 0.7 && entities.length) {
      const e = pick(entities)!;
      const r = ok(await wb.call('entities.delete', { id: e.id, confirmUsage: e.usage }));
      if (r) ack({ deleted: e.id });
    } else if (roll < 0.85) {
      const r = ok(
        await wb.call('documents.import', {
          fileName: 'backup.json',
          dataBase64: Buffer.from(backup(n)).toString('base64'),
        }),
      );
      if (r) ack({ restored: `${tag}_${n}` });
    } else if (docs.some((d) => d.id.endsWith('_0'))) {
      // Only the first document of a restored backup is deleted, so the other two still
      // show whether the restore landed whole.
      const doc = pick(docs.filter((d) => d.id.endsWith('_0')))!;
      const r = ok(
        await wb.call('documents.delete', { id: doc.id, confirmHighlights: doc.annotationCount }),
      );
      if (r) ack({ deleted: doc.id });
    } else {
      const r = ok(await wb.call('history.undo', {}));
      if (r) ack({ undone: r.done });
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(2);
});

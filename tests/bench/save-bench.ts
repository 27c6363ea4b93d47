// What one change costs, and whether it grows with the workspace or the document: a
// highlight's save on a 10 KB and a 500 KB document, in a 10-document and a 2,000-document
// workspace; editing a highlight and an entity; deleting an entity tagged on ~60
// highlights. Each through the real API, files written and fsynced.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openWorkbench, type Workbench } from '../../src/core/workbench';
import type { Envelope } from '../../src/shared/api';
import { writeWorkspace } from './corpus';

export interface Timing {
  p50: number;
  p95: number;
}

const unwrap = <T>(e: Envelope<T>): T => {
  if (!e.ok) throw new Error(e.error.message);
  return e.value;
};

export function summary(values: number[]): Timing {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

async function time(runs: number, fn: (i: number) => Promise<unknown>): Promise<Timing> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  return summary(times);
}

/** A pasted document of about `bytes` characters, with `highlights` highlights on it. */
async function documentOf(wb: Workbench, bytes: number, highlights: number): Promise<string> {
  const paragraph =
    'Witnesses told the tribunal that prisoners were moved from Evin to Gohardasht in the summer of 1988, and that the commission met in secret. ';
  const text = Array.from({ length: Math.ceil(bytes / (paragraph.length * 4)) }, () =>
    paragraph.repeat(4),
  ).join('\n\n');
  const outcome = unwrap(await wb.call('documents.paste', { title: `Doc ${bytes}`, text }));
  if (outcome.kind !== 'document') throw new Error('expected a document');
  for (let i = 0; i < highlights; i++)
    unwrap(
      await wb.call('annotations.create', {
        documentId: outcome.documentId,
        start: i * 7,
        end: i * 7 + 40,
      }),
    );
  return outcome.documentId;
}

/** Saves of one highlight on a 10 KB and a 500 KB document (each with 100 highlights). */
async function saves(wb: Workbench): Promise<{ small: Timing; large: Timing }> {
  const small = await documentOf(wb, 10_000, 100);
  const large = await documentOf(wb, 500_000, 100);
  const save = (id: string) => (i: number) =>
    wb.call('annotations.create', { documentId: id, start: 1000 + i * 3, end: 1040 + i * 3 });
  return { small: await time(40, save(small)), large: await time(40, save(large)) };
}

export interface SaveFigures {
  at10: { small: Timing; large: Timing };
  at2000: { small: Timing; large: Timing };
  updateHighlight: Timing;
  updateEntity: Timing;
  deleteEntity: { ms: number; untagged: number };
}

/** `big` is the 2,000-document workspace, already open. */
export async function benchSaves(big: Workbench): Promise<SaveFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'rw-bench-small-'));
  let at10: SaveFigures['at10'];
  try {
    await writeWorkspace(dir, 10);
    const small = await openWorkbench(dir, { host: 'benchmark' });
    at10 = await saves(small);
    await small.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const at2000 = await saves(big);
  const docs = unwrap(await big.call('documents.list', {}));
  const view = unwrap(await big.call('documents.get', { id: docs[0]!.id }));
  const highlight = view.annotations[0]!;
  const updateHighlight = await time(30, (i) =>
    big.call('annotations.update', { id: highlight.id, patch: { note: `note ${i}` } }),
  );
  const entities = unwrap(await big.call('entities.list', {})).sort((a, b) => b.usage - a.usage);
  const updateEntity = await time(30, (i) =>
    big.call('entities.update', { id: entities[1]!.id, patch: { description: `described ${i}` } }),
  );
  const target = entities.find((e) => e.usage >= 55 && e.usage <= 70) ?? entities[0]!;
  const t = performance.now();
  unwrap(await big.call('entities.delete', { id: target.id, confirmUsage: target.usage }));
  return {
    at10,
    at2000,
    updateHighlight,
    updateEntity,
    deleteEntity: { ms: performance.now() - t, untagged: target.usage },
  };
}

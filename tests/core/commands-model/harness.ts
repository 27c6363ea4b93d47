// The commands of the command-queue property test, run against a real workspace folder
// through `workbench.call`, and the check made after each: every record, the text, the
// tag counts and the history as the model says, and the files byte for byte where the
// model knows them (a refused command leaves them alone; undo gives back those from
// before its step, redo those from after it; a reopen rewrites nothing).
import type fc from 'fast-check';
import { expect } from 'vitest';
import type { Workbench, WorkbenchOptions } from '../../../src/core/workbench';
import type { Envelope, Input, MethodName, Output } from '../../../src/shared/api';
import type { ErrorCode } from '../../../src/shared/errors';
import type { Annotation } from '../../../src/shared/model';
import { reopen, unwrap } from '../../integration/helpers';
import { unstableFiles, workspaceFiles } from '../../integration/snapshot-files';
import { allHighlights, usage, type Files, type Model, type ModelState } from './model';

/**
 * How many times each kind of step ran, across sequences: commands whose plan is null are
 * skipped by fast-check, so a generator gone wrong could leave a run that checks nothing.
 * The test asserts every kind ran.
 */
export const ran = new Map<string, number>();
const tally = (kind: string): void => {
  ran.set(kind, (ran.get(kind) ?? 0) + 1);
};

export interface Real {
  dir: string;
  wb: Workbench;
  /** How the folder is opened, at the start and on every reopen (the cache's size). */
  options: WorkbenchOptions;
}

/** What one call should do from a model state: change it as a step, or be refused. */
export interface Plan {
  label: string;
  refused?: ErrorCode;
  /** Makes the call; the value is the model after it (none for a call to be refused). */
  send(wb: Workbench): Promise<Envelope<ModelState | undefined>>;
}

/** A call that makes an undoable step; `next` is the model after it, given the result. */
export function step<M extends MethodName>(
  label: string,
  method: M,
  input: Input<M>,
  next: (value: Output<M>) => ModelState,
): Plan {
  return {
    label,
    send: async (wb) => {
      const envelope = await wb.call(method, input);
      return envelope.ok ? { ok: true, value: next(envelope.value) } : envelope;
    },
  };
}

/** A call the core must refuse with `code`, changing nothing. */
export function refused<M extends MethodName>(method: M, input: Input<M>, code: ErrorCode): Plan {
  return {
    label: method,
    refused: code,
    send: async (wb) => {
      const envelope = await wb.call(method, input);
      return envelope.ok ? { ok: true, value: undefined } : envelope;
    },
  };
}

/** Paths whose content differs between two snapshots: a short message before the long diff. */
function changedPaths(a: Files, b: Files): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((p) => a[p] !== b[p]).sort();
}

/** The files are byte for byte `expected`: first which differ, then how. */
export function expectFiles(actual: Files, expected: Files): void {
  expect(changedPaths(actual, expected)).toEqual([]);
  expect(actual).toEqual(expected);
}

async function expectUnchanged(m: Model, r: Real, before: Awaited<ReturnType<typeof history>>) {
  expectFiles(await workspaceFiles(r.dir), m.files);
  expect(await history(r)).toEqual(before);
}

const history = async (r: Real) => unwrap(await r.wb.call('history.info', {}));

/** A command of the API, made from a model state by `plan` (null: not possible there). */
export class ApiCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    private readonly name: string,
    private readonly plan: (state: ModelState) => Plan | null,
  ) {}
  check(m: Readonly<Model>): boolean {
    return this.plan(m.state) !== null;
  }
  async run(m: Model, r: Real): Promise<void> {
    const plan = this.plan(m.state)!;
    const historyBefore = await history(r);
    const readsBefore = r.wb.documentsHeld().reads;
    const envelope = await plan.send(r.wb);
    tally(plan.refused ? `refused ${plan.label}` : plan.label);
    // With a one-document cache, a command on the other document reads it from its files.
    if (r.wb.documentsHeld().reads > readsBefore) tally('document read by a command');
    if (plan.refused) {
      expect(envelope.ok ? 'done' : envelope.error.code).toBe(plan.refused);
      await expectUnchanged(m, r, historyBefore);
    } else {
      if (!envelope.ok)
        throw new Error(`refused: ${envelope.error.code}: ${envelope.error.message}`);
      const next = envelope.value!;
      const files = await workspaceFiles(r.dir);
      m.undo.push({
        label: plan.label,
        before: m.state,
        after: next,
        filesBefore: m.files,
        filesAfter: files,
      });
      m.redo = [];
      m.state = next;
      m.files = files;
    }
    await compare(m, r);
  }
  toString(): string {
    return this.name;
  }
}

/** history.undo or history.redo: the model's state and files from before or after the step. */
export class HistoryCommand implements fc.AsyncCommand<Model, Real> {
  constructor(private readonly direction: 'undo' | 'redo') {}
  check(): boolean {
    return true;
  }
  async run(m: Model, r: Real): Promise<void> {
    const [from, to] = this.direction === 'undo' ? [m.undo, m.redo] : [m.redo, m.undo];
    const step = from[from.length - 1];
    const historyBefore = await history(r);
    const envelope = await r.wb.call(`history.${this.direction}`, {});
    if (!step) {
      expect(envelope.ok ? 'done' : envelope.error.code).toBe('NOT_FOUND');
      await expectUnchanged(m, r, historyBefore);
    } else {
      expect(unwrap(envelope).done).toBe(step.label);
      tally(this.direction);
      from.pop();
      to.push(step);
      const [state, files] =
        this.direction === 'undo' ? [step.before, step.filesBefore] : [step.after, step.filesAfter];
      expectFiles(await workspaceFiles(r.dir), files);
      m.state = state;
      m.files = files;
    }
    await compare(m, r);
  }
  toString(): string {
    return this.direction;
  }
}

/** Closing the workbench and opening the folder again, as a restart of the app does. */
export class ReopenCommand implements fc.AsyncCommand<Model, Real> {
  check(): boolean {
    return true;
  }
  async run(m: Model, r: Real): Promise<void> {
    r.wb = await reopen(r.dir, r.options);
    tally('reopen');
    expectFiles(await workspaceFiles(r.dir), m.files);
    expect(unwrap(await r.wb.call('workspace.info', {})).problems).toEqual([]);
    // The history lives in the core process that was closed: the new one starts empty.
    m.undo = [];
    m.redo = [];
    await compare(m, r);
  }
  toString(): string {
    return 'reopen';
  }
}

/** A stored highlight as the model describes one. */
export function highlightFields(a: Annotation) {
  return {
    id: a.id,
    kind: a.kind,
    note: a.note,
    tags: a.tags,
    entityIds: a.entityIds,
    start: a.target.position.start,
    end: a.target.position.end,
    exact: a.target.quote.exact,
    prefix: a.target.quote.prefix,
    suffix: a.target.quote.suffix,
    status: a.status,
    anchoredRevision: a.anchoredRevision,
    ...(a.confidence !== undefined ? { confidence: a.confidence } : {}),
  };
}

const byId = <T extends { id: string }>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => a.id.localeCompare(b.id));

/** The workbench, read through its API and its files, holds what the model says. */
export async function compare(m: Model, r: Real): Promise<void> {
  const { state } = m;
  expect(unstableFiles(m.files)).toEqual([]);
  const call = async <M extends MethodName>(method: M, input: Input<M>) =>
    unwrap(await r.wb.call(method, input));
  for (const doc of state.docs) {
    const view = await call('documents.get', { id: doc.id });
    expect(view.document.revision).toBe(doc.revision);
    expect(view.document.text).toBe(doc.text);
    expect(view.annotations.map(highlightFields)).toEqual(doc.highlights);
  }
  const entities = await call('entities.list', {});
  expect(byId(entities).map(({ createdAt: _c, updatedAt: _u, ...e }) => e)).toEqual(
    byId(state.entities).map((e) => ({ ...e, usage: usage(state, e.id) })),
  );
  const notes = await call('notes.list', {});
  expect(notes.map(({ createdAt: _c, updatedAt: _u, ...n }) => n)).toEqual(state.notes);
  // workspace.json keeps entities in the order they were made (a restored one in its place).
  const stored = JSON.parse(m.files['workspace.json']!) as { entities: { id: string }[] };
  expect(stored.entities.map((e) => e.id)).toEqual(state.entities.map((e) => e.id));

  const counts = new Map<string, number>();
  for (const h of allHighlights(state))
    for (const tag of h.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  const tags = await call('tags.list', {});
  expect(Object.fromEntries(tags.map((t) => [t.tag, t.count]))).toEqual(Object.fromEntries(counts));

  const undo = m.undo[m.undo.length - 1];
  const redo = m.redo[m.redo.length - 1];
  expect(await history(r)).toEqual({
    canUndo: undo !== undefined,
    canRedo: redo !== undefined,
    ...(undo ? { undoLabel: undo.label } : {}),
    ...(redo ? { redoLabel: redo.label } : {}),
  });
}

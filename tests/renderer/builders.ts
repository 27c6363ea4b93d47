// Records and a fake core for the renderer's tests: real prose for the document, and an
// API whose every call is recorded, so a test can say exactly what was fetched.
import {
  METHOD_NAMES,
  type DocumentListItem,
  type DocumentView,
  type EntityWithUsage,
  type Input,
  type MethodName,
  type Output,
  type WorkbenchApi,
  type WorkbenchEvent,
} from '../../src/shared/api';
import { emptyEvent } from '../../src/shared/change-event';
import { describeRange } from '../../src/shared/anchoring';
import type { Annotation, Note } from '../../src/shared/model';
import { documentFromText, FIXED_TIME } from '../fixtures/documents';

export const TEXT =
  'Ebrahim Raisi served on the “death committee” that sent thousands of political prisoners to the gallows in 1988.\n\nAmnesty International called for an investigation.';

export function makeView(id: string, annotations: Annotation[] = []): DocumentView {
  return {
    document: { ...documentFromText(TEXT, id, `Document ${id}`), revision: 1 },
    annotations,
    readOnly: false,
  };
}

export function makeAnnotation(
  id: string,
  documentId: string,
  entityIds: string[] = [],
  [start, end]: [number, number] = [0, 13],
  text = TEXT,
): Annotation {
  return {
    id,
    documentId,
    target: describeRange(text, start, end),
    entityIds,
    tags: [],
    kind: 'quote',
    note: '',
    status: 'anchored',
    anchoredRevision: 1,
    createdAt: FIXED_TIME,
    updatedAt: FIXED_TIME,
  };
}

export const note = (id: string, body = '', fields: Partial<Note> = {}): Note => ({
  id,
  title: `Note ${id}`,
  body,
  entityIds: [],
  documentIds: [],
  annotationIds: [],
  createdAt: FIXED_TIME,
  updatedAt: FIXED_TIME,
  ...fields,
});

export const listItem = (id: string, annotationCount = 0, problem?: string): DocumentListItem => ({
  id,
  title: `Document ${id}`,
  createdAt: FIXED_TIME,
  annotationCount,
  ...(problem ? { problem } : {}),
});

export const entity = (id: string, usage = 0, type = 'person'): EntityWithUsage => ({
  id,
  name: `Entity ${id}`,
  type,
  aliases: [],
  description: '',
  createdAt: FIXED_TIME,
  updatedAt: FIXED_TIME,
  usage,
});

export type Handlers = { [M in MethodName]?: (input: Input<M>) => Output<M> | Promise<Output<M>> };

/** A WorkbenchApi answering from `handlers`; `calls` lists every method called, in order. */
export function fakeApi(handlers: Handlers): { api: WorkbenchApi; calls: MethodName[] } {
  const calls: MethodName[] = [];
  const api = Object.fromEntries(
    METHOD_NAMES.map((method) => [
      method,
      async (input: unknown) => {
        calls.push(method);
        const handler = handlers[method] as ((input: unknown) => unknown) | undefined;
        if (!handler) throw new Error(`unexpected call: ${method}`);
        // Answer asynchronously even when the handler does not, as the core does.
        return await Promise.resolve(handler(input));
      },
    ]),
  ) as WorkbenchApi;
  return { api, calls };
}

/** A change event as the core sends it, with nothing changed but what `parts` says. */
export function changed(parts: Partial<Omit<WorkbenchEvent, 'type'>> = {}): WorkbenchEvent {
  return {
    ...emptyEvent({ canUndo: true, canRedo: false, undoLabel: 'Edit highlight' }),
    ...parts,
  };
}

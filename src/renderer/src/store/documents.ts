// The documents concern: the library's list, which document the user opened, and the
// open document's view (its text and highlights as the core stored them).
import type { DocumentListItem, DocumentView, WorkbenchEvent } from '../../../shared/api';
import type { Annotation } from '../../../shared/model';
import { patchList } from './changes';
import type { Action, State } from './index';

export interface DocumentsState {
  list: DocumentListItem[] | undefined;
  /** The document the user chose; null means "the first readable one". */
  chosenId: string | null;
  view: DocumentView | undefined;
  /** Why the open document could not be shown, if it could not. */
  viewError: string | undefined;
}

export type DocumentsAction =
  | { type: 'documents/listLoaded'; list: DocumentListItem[] }
  | { type: 'documents/opened'; id: string | null }
  | { type: 'documents/viewLoaded'; view: DocumentView }
  | { type: 'documents/viewFailed'; id: string; message: string }
  /** The highlights `ids` of a document as they are now: those not in `annotations` are gone. */
  | {
      type: 'documents/annotationsPatched';
      documentId: string;
      ids: string[];
      annotations: Annotation[];
    };

export const initialDocuments: DocumentsState = {
  list: undefined,
  chosenId: null,
  view: undefined,
  viewError: undefined,
};

export function documentsReducer(state: DocumentsState, action: Action): DocumentsState {
  switch (action.type) {
    case 'documents/listLoaded': {
      // A chosen document that was listed and no longer is (deleted, here or elsewhere) is
      // let go; one not listed yet (just imported, the list still on its way) is kept.
      const listed = (list: DocumentListItem[] | undefined): boolean =>
        list?.some((d) => d.id === state.chosenId) ?? false;
      const chosenGone = state.chosenId !== null && listed(state.list) && !listed(action.list);
      return { ...state, list: action.list, ...(chosenGone ? { chosenId: null } : {}) };
    }
    case 'core/changed':
      return followChanges(state, action.event);
    case 'documents/opened':
      return state.chosenId === action.id ? state : { ...state, chosenId: action.id };
    case 'documents/viewLoaded':
      return { ...state, view: action.view, viewError: undefined };
    case 'documents/viewFailed':
      return { ...state, viewError: action.message };
    case 'documents/annotationsPatched': {
      const view = state.view;
      if (!view || view.document.id !== action.documentId) return state;
      const now = new Map(
        action.annotations.filter((a) => a.documentId === action.documentId).map((a) => [a.id, a]),
      );
      const changed = new Set(action.ids);
      const kept: Annotation[] = [];
      for (const a of view.annotations) {
        if (!changed.has(a.id)) kept.push(a);
        else if (now.has(a.id)) {
          kept.push(now.get(a.id)!);
          now.delete(a.id);
        }
      }
      return { ...state, view: { ...view, annotations: [...kept, ...now.values()] } };
    }
    default:
      return state;
  }
}

const byCreation = (a: DocumentListItem, b: DocumentListItem): number =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** The library and the open view, patched with a change's records. */
function followChanges(state: DocumentsState, event: WorkbenchEvent): DocumentsState {
  let next = state;
  const { put, removed } = event.documents;
  if (state.list && (put.length || removed.length)) {
    // Damaged documents (listed with a problem) keep their place at the end.
    const readable = state.list.filter((d) => d.problem === undefined);
    const broken = state.list.filter((d) => d.problem !== undefined);
    const list = [...patchList(readable, put, removed, (d) => d.id, byCreation), ...broken];
    const chosenGone = state.chosenId !== null && removed.includes(state.chosenId);
    next = { ...next, list, ...(chosenGone ? { chosenId: null } : {}) };
  }
  const view = state.view;
  if (!view) return next;
  const id = view.document.id;
  const record = event.documentRecords.find((d) => d.id === id);
  const mine = event.annotations.put.filter((a) => a.documentId === id);
  const gone = event.annotations.removed.filter((r) => r.documentId === id).map((r) => r.id);
  if (!record && !mine.length && !gone.length) return next;
  return {
    ...next,
    view: {
      ...view,
      document: record ?? view.document,
      annotations: patchList(view.annotations, mine, gone, (a) => a.id),
    },
  };
}

/** The document the reader shows: the chosen one, else the first that can be read. */
export function selectCurrentDocumentId(state: State): string | null {
  const { chosenId, list } = state.documents;
  return chosenId ?? list?.find((d) => d.problem === undefined)?.id ?? null;
}

export const selectDocumentList = (state: State): DocumentListItem[] | undefined =>
  state.documents.list;

/** The view of the current document only: never a stale view of the previous one. */
export function selectView(state: State): DocumentView | undefined {
  const view = state.documents.view;
  return view && view.document.id === selectCurrentDocumentId(state) ? view : undefined;
}

export function selectViewError(state: State): string | undefined {
  return selectView(state) ? undefined : state.documents.viewError;
}

export interface TextLanguage {
  lang?: string;
  dir: 'ltr' | 'rtl' | 'auto';
}
const UNKNOWN: TextLanguage = { dir: 'auto' };
const languages = new WeakMap<DocumentListItem, TextLanguage>();

/**
 * The language and direction of a document's words, for the lang and dir of every list
 * and panel that quotes it (one object per list item, so a selector may return it).
 */
export function selectDocumentLanguage(state: State, documentId: string | undefined): TextLanguage {
  const item = state.documents.list?.find((d) => d.id === documentId);
  if (!item?.language && !item?.direction) return UNKNOWN;
  let found = languages.get(item);
  if (!found) {
    found = {
      ...(item.language ? { lang: item.language } : {}),
      dir: item.direction ?? 'auto',
    };
    languages.set(item, found);
  }
  return found;
}

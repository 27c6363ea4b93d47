// The model the command-queue property test holds the workbench to: the documents' text,
// what highlights, entities and notes exist with which fields, and the undo and redo
// stacks. States are immutable values, so undo in the model is "take the state from before
// the step back"; the workbench instead applies inverted operations, and the test checks
// that the two agree, down to the bytes of the files.
export const CONTEXT = 32;

export interface ModelHighlight {
  id: string;
  kind: string;
  note: string;
  tags: readonly string[];
  entityIds: readonly string[];
  start: number;
  end: number;
  exact: string;
  /** The stored context: set when the highlight is made, kept through text edits. */
  prefix: string;
  suffix: string;
  status: 'anchored' | 'moved';
  anchoredRevision: number;
}

export interface ModelDoc {
  id: string;
  text: string;
  revision: number;
  highlights: readonly ModelHighlight[];
}

export interface ModelEntity {
  id: string;
  name: string;
  type: string;
  aliases: readonly string[];
  description: string;
}

export interface ModelNote {
  id: string;
  title: string;
  body: string;
  entityIds: readonly string[];
  documentIds: readonly string[];
  annotationIds: readonly string[];
}

export interface ModelState {
  docs: readonly ModelDoc[];
  entities: readonly ModelEntity[];
  notes: readonly ModelNote[];
}

/** The workspace's files by path, as tests/integration/snapshot-files.ts reads them. */
export type Files = Record<string, string>;

export interface ModelStep {
  label: string;
  before: ModelState;
  after: ModelState;
  filesBefore: Files;
  filesAfter: Files;
}

export interface Model {
  state: ModelState;
  /** The history lives in the core process: a reopen starts both stacks empty. */
  undo: ModelStep[];
  redo: ModelStep[];
  /** The files as they were after the last step; what a refused command must leave. */
  files: Files;
}

export const unique = (ids: readonly string[]): string[] => [...new Set(ids)];
const fold = (s: string): string => s.replace(/\s+/g, ' ');

/** The selection as the core tidies it: white space at either end dropped. */
export function tidy(text: string, start: number, end: number): [number, number] | null {
  let s = start;
  let e = Math.min(end, text.length);
  while (s < e && /\s/.test(text[s]!)) s += 1;
  while (e > s && /\s/.test(text[e - 1]!)) e -= 1;
  return s < e ? [s, e] : null;
}

/** True when `quote` occurs once in `text`, white space folded as the anchoring folds it. */
export function occursOnce(text: string, quote: string): boolean {
  const t = fold(text);
  const q = fold(quote);
  const at = t.indexOf(q);
  return at >= 0 && t.indexOf(q, at + 1) < 0;
}

export function newHighlight(
  doc: ModelDoc,
  id: string,
  [start, end]: [number, number],
  fields: Pick<ModelHighlight, 'kind' | 'note' | 'tags' | 'entityIds'>,
): ModelHighlight {
  const { text } = doc;
  return {
    id,
    ...fields,
    tags: unique(fields.tags),
    entityIds: unique(fields.entityIds),
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
    status: 'anchored',
    anchoredRevision: doc.revision,
  };
}

/** The state with one document replaced by `change` applied to it. */
export function withDoc(
  state: ModelState,
  docId: string,
  change: (doc: ModelDoc) => ModelDoc,
): ModelState {
  return { ...state, docs: state.docs.map((d) => (d.id === docId ? change(d) : d)) };
}

export function allHighlights(state: ModelState): ModelHighlight[] {
  return state.docs.flatMap((d) => d.highlights);
}

export function usage(state: ModelState, entityId: string): number {
  return allHighlights(state).filter((h) => h.entityIds.includes(entityId)).length;
}

/** Drops a highlight, and every note's link to it. */
export function deleteHighlight(state: ModelState, id: string): ModelState {
  return {
    docs: state.docs.map((d) => ({ ...d, highlights: d.highlights.filter((h) => h.id !== id) })),
    entities: state.entities,
    notes: state.notes.map((n) => ({
      ...n,
      annotationIds: n.annotationIds.filter((a) => a !== id),
    })),
  };
}

/** Entity ids in `from` replaced by `to`, or dropped without one; duplicates removed. */
const swap = (ids: readonly string[], from: ReadonlySet<string>, to?: string): string[] =>
  unique(ids.flatMap((id) => (from.has(id) ? (to ? [to] : []) : [id])));

/** Every reference to the entities `from` pointed at `to`, or dropped; the entities go. */
export function rewriteEntities(state: ModelState, from: ReadonlySet<string>, to?: string) {
  return {
    docs: state.docs.map((d) => ({
      ...d,
      highlights: d.highlights.map((h) => ({ ...h, entityIds: swap(h.entityIds, from, to) })),
    })),
    entities: state.entities.filter((e) => !from.has(e.id)),
    notes: state.notes.map((n) => ({ ...n, entityIds: swap(n.entityIds, from, to) })),
  };
}

/** An entity's aliases as the core keeps them: trimmed, once each, never its own name. */
export const cleanAliases = (aliases: readonly string[], name: string): string[] =>
  unique(aliases.map((a) => a.trim())).filter((a) => a && a !== name);

export const nameTaken = (state: ModelState, name: string, exceptId?: string): boolean =>
  state.entities.some(
    (e) => e.id !== exceptId && e.name.toLocaleLowerCase() === name.toLocaleLowerCase(),
  );

/**
 * A document's text after an edit that replaced [at, at + removed) by `inserted`, with each
 * highlight where the anchoring must put it: unmoved ones "anchored", shifted ones "moved".
 * Null when the model cannot say: the edit cuts into a highlight, leaves one with neither
 * side of its stored context intact, or makes its quote occur twice (then anchoring may
 * rightly call it fuzzy, which the anchoring baselines pin, not this test).
 */
export function editDoc(
  doc: ModelDoc,
  at: number,
  removed: number,
  inserted: string,
): ModelDoc | null {
  const text = doc.text.slice(0, at) + inserted + doc.text.slice(at + removed);
  const shift = inserted.length - removed;
  const revision = doc.revision + 1;
  const highlights: ModelHighlight[] = [];
  for (const h of doc.highlights) {
    if (h.start < at + removed && h.end > at) return null;
    const start = h.start >= at + removed ? h.start + shift : h.start;
    const end = start + (h.end - h.start);
    const prefixIntact = text.slice(Math.max(0, start - h.prefix.length), start) === h.prefix;
    const suffixIntact = text.slice(end, end + h.suffix.length) === h.suffix;
    if (!prefixIntact && !suffixIntact) return null;
    // A quote found twice is placed by its context alone: also beyond what the model says.
    if (!occursOnce(text, h.exact)) return null;
    highlights.push({
      ...h,
      start,
      end,
      status: start === h.start ? 'anchored' : 'moved',
      anchoredRevision: revision,
    });
  }
  return { ...doc, text, revision, highlights };
}

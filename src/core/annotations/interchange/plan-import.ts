// What an annotations import will do, decided from the workspace as it is when the import
// starts and before anything is anchored: which document each annotation is for, which
// cannot be imported at all (no quote, no document), and which are duplicates, of an
// earlier annotation in the same file or of a highlight already there, so that a file of
// ten copies of one long quote is anchored once, not ten times. What is left becomes the
// placement tasks, with the texts and revisions they are placed against. The quotes are
// folded for comparing first, a slice at a time (quoteKeys): folding a megabyte of quotes
// inside the plan's read held the serving thread tens of milliseconds.
import type { ImportedAnnotation } from '../../../shared/methods/annotations';
import type { Annotation, DocumentFile } from '../../../shared/model';
import type { Tx } from '../../store/tx';
import type { ForeignAnnotation, ForeignQuote } from './foreign';
import { documentMatcher, type ChosenDocument } from './match-documents';
import { foldWhiteSpace, type PlaceDocument, type PlaceTask } from './place';
import type { AnnotationsFile } from './read-annotations';
import { inSlices } from './slices';

/** An annotation of the file and what was decided for it before placing. */
export interface PlannedItem {
  annotation: ForeignAnnotation;
  /** The report's entry so far. */
  item: ImportedAnnotation;
  /** Placed by a task (its `index`), unless already decided. */
  task?: PlaceTask;
  /** The earlier annotation of this file it repeats (its index). */
  sameAs?: number;
}

export interface ImportPlan {
  items: PlannedItem[];
  tasks: PlaceTask[];
  documents: PlaceDocument[];
  /** Each document's revision when planned: the import is stored only against these. */
  revisions: Map<string, number>;
}

/** Context this close to a quote tells two places of it apart (our own highlights keep 32). */
const NEAR = 16;
const tail = (s: string): string => foldWhiteSpace(s).trim().slice(-NEAR);
const head = (s: string): string => foldWhiteSpace(s).trim().slice(0, NEAR);

/** A quote as duplicates are told apart: white space folded, and the context next to it. */
export interface QuoteKey {
  exact: string;
  tail: string;
  head: string;
  hasContext: boolean;
}

const quoteKey = (q: ForeignQuote): QuoteKey => ({
  exact: foldWhiteSpace(q.exact).trim(),
  tail: tail(q.prefix),
  head: head(q.suffix),
  hasContext: q.prefix.trim() !== '' || q.suffix.trim() !== '',
});

/** Each annotation's quote key, by its index in the file, worked out a slice at a time. */
export async function quoteKeys(file: AnnotationsFile): Promise<Map<number, QuoteKey>> {
  const keys = new Map<number, QuoteKey>();
  await inSlices(file.annotations, (a) => {
    if (a.quote) keys.set(a.index, quoteKey(a.quote));
  });
  return keys;
}

/** The same passage, as far as can be told without anchoring: quote and inner context. */
const passageKey = (documentId: string, k: QuoteKey): string =>
  [documentId, k.exact, k.tail, k.head].join('\u0000');

/** The highlights of a document by their folded text, built once per document. */
type ByText = Map<string, Annotation[]>;

function byText(file: DocumentFile): ByText {
  const map: ByText = new Map();
  const { text } = file.document;
  for (const h of file.annotations) {
    if (h.status === 'orphaned') continue;
    const key = foldWhiteSpace(text.slice(h.target.position.start, h.target.position.end)).trim();
    map.set(key, [...(map.get(key) ?? []), h]);
  }
  return map;
}

/** A highlight already there with this quote and context (or position, if no context). */
function existingSame(
  file: DocumentFile,
  index: ByText,
  a: ForeignAnnotation,
  key: QuoteKey,
): Annotation | undefined {
  const { text } = file.document;
  return index.get(key.exact)?.find((h) => {
    const { start, end } = h.target.position;
    if (!key.hasContext) return a.position?.start === start && a.position.end === end;
    const before = foldWhiteSpace(text.slice(Math.max(0, start - 4 * NEAR), start)).trim();
    const after = foldWhiteSpace(text.slice(end, end + 4 * NEAR)).trim();
    return before.endsWith(key.tail) && after.startsWith(key.head);
  });
}

export function planImport(
  tx: Tx,
  file: AnnotationsFile,
  chosen: readonly ChosenDocument[],
  keys: ReadonlyMap<number, QuoteKey>,
): ImportPlan {
  const find = documentMatcher(tx, chosen);
  const seen = new Map<string, number>();
  const documents = new Map<string, PlaceDocument>();
  const revisions = new Map<string, number>();
  const tasks: PlaceTask[] = [];
  const indexes = new Map<string, ByText>();
  const indexOf = (doc: DocumentFile): ByText => {
    let index = indexes.get(doc.document.id);
    if (!index) indexes.set(doc.document.id, (index = byText(doc)));
    return index;
  };
  const items = file.annotations.map((a): PlannedItem => {
    const item: ImportedAnnotation = {
      index: a.index,
      ...(a.sourceId ? { sourceId: a.sourceId } : {}),
      url: a.url,
      quote: a.quote?.exact.slice(0, 200) ?? '',
      status: 'skipped',
    };
    if (a.unusable) return { annotation: a, item: { ...item, reason: a.unusable } };
    const doc = find(a.url);
    if (!doc)
      return {
        annotation: a,
        item: { ...item, reason: `no document here has the address ${a.url || '(none)'}` },
      };
    const documentId = doc.document.id;
    if (!a.quote?.exact.trim())
      return {
        annotation: a,
        item: {
          ...item,
          documentId,
          reason: 'it has no quote (TextQuoteSelector) to find its passage by',
        },
      };
    const quote = keys.get(a.index) ?? quoteKey(a.quote);
    const key = passageKey(documentId, quote);
    const earlier = seen.get(key);
    if (earlier !== undefined)
      return {
        annotation: a,
        item: {
          ...item,
          documentId,
          status: 'duplicate',
          reason: `the same passage as annotation ${earlier} of this file`,
        },
        sameAs: earlier,
      };
    seen.set(key, a.index);
    const same = existingSame(doc, indexOf(doc), a, quote);
    if (same)
      return {
        annotation: a,
        item: {
          ...item,
          documentId,
          status: 'duplicate',
          annotationId: same.id,
          reason: 'a highlight of the same passage is already there',
        },
      };
    if (!documents.has(documentId)) {
      const { id, title, text, revision } = doc.document;
      documents.set(id, { id, title, text });
      revisions.set(id, revision);
    }
    const task: PlaceTask = {
      index: a.index,
      documentId,
      quote: a.quote,
      ...(a.position ? { position: a.position } : {}),
    };
    tasks.push(task);
    return { annotation: a, item: { ...item, documentId }, task };
  });
  return { items, tasks, documents: [...documents.values()], revisions };
}

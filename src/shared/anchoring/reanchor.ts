// A highlight re-anchored against a text revision: where it now is, how sure that is, and
// which revision that holds for. Stored with the highlight, so the reader, the exports
// and search all use this one result instead of anchoring again on every read.
import type { Annotation } from '../model';
import { anchor, type Anchor } from './anchor';
import { driftHints } from './anchor-all';

function withAnchor(a: Annotation, placed: Anchor, revision: number): Annotation {
  // The keys in the schema's order (confidence before the dates), as loading gives them,
  // so the highlights file is written with the same bytes in every session.
  const { confidence: _previous, createdAt, updatedAt, ...rest } = a;
  return {
    ...rest,
    target: {
      ...a.target,
      position: { ...a.target.position, start: placed.start, end: placed.end },
    },
    status: placed.status,
    anchoredRevision: revision,
    ...(placed.confidence !== undefined ? { confidence: placed.confidence } : {}),
    createdAt,
    updatedAt,
  };
}

/**
 * One highlight against `text`; `hint` is where it is expected when the caller knows
 * (reanchorAll does), else its stored position is.
 */
export function reanchor(a: Annotation, text: string, revision: number, hint?: number): Annotation {
  if (a.target.region) return regionKept(a, text, revision);
  return withAnchor(a, anchor(text, a.target, hint), revision);
}

/**
 * An area highlight is a region of a page of the original, which never changes: it stays
 * anchored through any edit of the text, its place in the text kept inside it.
 */
function regionKept(a: Annotation, text: string, revision: number): Annotation {
  const at = Math.min(a.target.position.start, text.length);
  return withAnchor(a, { start: at, end: at, status: 'anchored' }, revision);
}

/** A document's highlights against its new text, each hinted by its sure neighbours. */
export function reanchorAll(
  annotations: readonly Annotation[],
  text: string,
  revision: number,
): Annotation[] {
  const { settled, hints } = driftHints(
    text,
    annotations.map((a) => a.target),
  );
  return annotations.map((a, i) => {
    if (a.target.region) return regionKept(a, text, revision);
    const done = settled[i];
    return done ? withAnchor(a, done, revision) : reanchor(a, text, revision, hints[i]);
  });
}

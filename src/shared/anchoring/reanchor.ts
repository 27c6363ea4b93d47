// A highlight re-anchored against a text revision: where it now is, how sure that is, and
// which revision that holds for. Stored with the highlight, so the reader, the exports
// and search all use this one result instead of anchoring again on every read.
import type { Annotation } from '../model';
import { anchor } from './anchor';

export function reanchor(a: Annotation, text: string, revision: number): Annotation {
  const placed = anchor(text, a.target);
  const { confidence: _previous, ...rest } = a;
  return {
    ...rest,
    target: {
      ...a.target,
      position: { ...a.target.position, start: placed.start, end: placed.end },
    },
    status: placed.status,
    anchoredRevision: revision,
    ...(placed.confidence !== undefined ? { confidence: placed.confidence } : {}),
  };
}

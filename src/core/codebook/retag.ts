// Rewriting the tags on highlights when codes are renamed, merged or deleted: one sweep in
// the command that changes the codebook, so the codebook and the highlights never disagree.
// Tags are compared without case, as code names are.
import { codeKey } from '../../shared/codebook/code-tree';
import type { Annotation } from '../../shared/model';
import type { Tx } from '../store/tx';

/**
 * The documents holding a highlight with any tag in `keys` (folded names), from the
 * catalog's tag counts: only those documents are read.
 */
export function documentsTaggedUnder(tx: Tx, keys: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const summary of tx.summaries())
    if (Object.keys(summary.tags).some((t) => keys.has(codeKey(t)))) out.push(summary.document.id);
  return out;
}

/** The highlights carrying any tag in `keys` (folded names). */
export function highlightsTagged(tx: Tx, keys: ReadonlySet<string>): Annotation[] {
  const out: Annotation[] = [];
  for (const id of documentsTaggedUnder(tx, keys))
    for (const a of tx.document(id).annotations)
      if (a.tags.some((t) => keys.has(codeKey(t)))) out.push(a);
  return out;
}

/**
 * Replaces every tag in `keys` by `to` (or removes it when `to` is undefined) on every
 * highlight carrying one; returns how many highlights changed.
 */
export function retag(tx: Tx, keys: ReadonlySet<string>, to?: string): number {
  const hits = highlightsTagged(tx, keys);
  for (const a of hits) {
    const tags: string[] = [];
    const seen = new Set<string>();
    for (const t of a.tags) {
      const next = keys.has(codeKey(t)) ? to : t;
      if (next === undefined || seen.has(codeKey(next))) continue;
      seen.add(codeKey(next));
      tags.push(next);
    }
    tx.setAnnotation(a.documentId, a.id, { ...a, tags, updatedAt: tx.now });
  }
  return hits.length;
}

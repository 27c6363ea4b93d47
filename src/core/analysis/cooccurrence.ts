// Which entities are tagged together, at the scope the user picks: in one highlight, in
// one paragraph (block), or in one document. Each pair is counted once per unit that holds
// both, so "3 at paragraph scope" reads as "three paragraphs name both".
import type { EntityPassage } from '../../shared/api';
import type { Annotation, DocumentFile, Entity } from '../../shared/model';
import type {
  Cooccurrence,
  CooccurrencePair,
  CooccurrenceScope,
} from '../../shared/methods/analysis';
import { paragraphNumber } from '../export/snapshot';
import type { DocumentSummary } from '../store/catalog';

export interface Unit {
  file: DocumentFile;
  annotations: Annotation[];
  entityIds: Set<string>;
}

/** The units of a scope that hold at least one tag. */
export function* unitsOf(files: Iterable<DocumentFile>, scope: CooccurrenceScope): Iterable<Unit> {
  for (const file of files) {
    const tagged = file.annotations.filter((a) => a.entityIds.length > 0);
    if (!tagged.length) continue;
    if (scope === 'document') {
      yield { file, annotations: tagged, entityIds: new Set(tagged.flatMap((a) => a.entityIds)) };
      continue;
    }
    if (scope === 'highlight') {
      for (const a of tagged) yield { file, annotations: [a], entityIds: new Set(a.entityIds) };
      continue;
    }
    const paragraphs = new Map<string, Annotation[]>();
    for (const a of tagged) {
      // An orphaned highlight has no paragraph: it stands alone.
      const where =
        a.status === 'orphaned'
          ? `orphan:${a.id}`
          : String(paragraphNumber(file.document.blocks, a.target.position.start));
      paragraphs.set(where, [...(paragraphs.get(where) ?? []), a]);
    }
    for (const annotations of paragraphs.values())
      yield { file, annotations, entityIds: new Set(annotations.flatMap((a) => a.entityIds)) };
  }
}

/**
 * Document-scope units from the catalog's summaries, which say which entities each
 * document's highlights carry: the same units `unitsOf` gives, without reading a document.
 */
export function* documentUnits(
  summaries: Iterable<DocumentSummary>,
): Iterable<Pick<Unit, 'entityIds'>> {
  for (const summary of summaries) {
    const ids = Object.keys(summary.entities);
    if (ids.length) yield { entityIds: new Set(ids) };
  }
}

export function cooccurrence(
  units: Iterable<Pick<Unit, 'entityIds'>>,
  entities: readonly Entity[],
  options: { scope: CooccurrenceScope; types?: readonly string[]; minCount: number },
): Cooccurrence {
  const types = options.types?.length ? new Set(options.types) : undefined;
  const allowed = new Map(
    entities.filter((e) => !types || types.has(e.type)).map((e) => [e.id, e]),
  );
  const counts = new Map<string, number>();
  const pairs = new Map<string, CooccurrencePair>();
  for (const unit of units) {
    const ids = [...unit.entityIds].filter((id) => allowed.has(id)).sort();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const k = `${ids[i]}\u0000${ids[j]}`;
        const pair = pairs.get(k);
        if (pair) pair.count++;
        else pairs.set(k, { a: ids[i]!, b: ids[j]!, count: 1 });
      }
    }
  }
  const kept = [...pairs.values()]
    .filter((p) => p.count >= options.minCount)
    .sort((x, y) => y.count - x.count || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  const degree = new Map<string, number>();
  for (const p of kept) {
    degree.set(p.a, (degree.get(p.a) ?? 0) + p.count);
    degree.set(p.b, (degree.get(p.b) ?? 0) + p.count);
  }
  const nodes = [...degree.keys()]
    .map((id) => {
      const e = allowed.get(id)!;
      return { id, name: e.name, type: e.type, count: counts.get(id) ?? 0 };
    })
    .sort((x, y) => degree.get(y.id)! - degree.get(x.id)! || x.name.localeCompare(y.name));
  return { scope: options.scope, nodes, pairs: kept };
}

/** The passages that connect two entities at a scope: tagged to either, in a unit with both. */
export function connections(
  files: Iterable<DocumentFile>,
  a: string,
  b: string,
  scope: CooccurrenceScope,
): EntityPassage[] {
  const out: EntityPassage[] = [];
  for (const unit of unitsOf(files, scope)) {
    if (!unit.entityIds.has(a) || !unit.entityIds.has(b)) continue;
    for (const annotation of unit.annotations) {
      if (annotation.entityIds.includes(a) || annotation.entityIds.includes(b))
        out.push({ annotation, documentTitle: unit.file.document.title });
    }
  }
  return out;
}

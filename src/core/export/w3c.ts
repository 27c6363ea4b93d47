// W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/): one
// AnnotationCollection whose single embedded AnnotationPage holds every highlight.
// Each highlight targets its document with a TextQuoteSelector and a TextPositionSelector
// (counted in Unicode code points, as the model says, not the UTF-16 units used inside
// the workbench); a highlight on one page of a PDF also gets a FragmentSelector "page=N"
// (RFC 3778) refined by its quote. Entity tags are SpecificResource bodies whose source is
// the entity's IRI (Wikidata when it has a QID), since a body with an IRI is a web resource
// and only a SpecificResource may carry a purpose (model 3.3.5, 4); free tags, the kind
// and the note are TextualBody values without an id. The target's source names the file
// and what a reader needs to check a quote against it: the SHA-256 of the bytes imported,
// of the text the offsets count in, and its revision, under a small vocabulary of ours.
// A link between two highlights is an annotation of its own with the two highlights as its
// targets and the motivation "linking" (model 3.3.5), its relation a classifying body. The
// page describes its collection in place (id, label, total), as the model's examples do.
import { relationOf } from '../../shared/codebook/codebook';
import { kindMotivation } from '../../shared/concepts/highlight-kinds';
import type { Annotation, Codebook, Document, Entity, HighlightLink } from '../../shared/model';
import { sha256 } from '../hash';
import { documentMediaType } from '../../shared/concepts/import-formats';
import { regionFragment } from '../../shared/regions';
import { pageAt, type Snapshot } from './snapshot';

export const URN = 'urn:research-workbench';
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Our own terms ("rw:textSha256"), declared in the export's @context so JSON-LD expands them. */
export const RW_VOCAB = `${URN}:vocab#`;
export const WIKIDATA_ENTITY = 'http://www.wikidata.org/entity/';

const codePoints = (text: string, offset: number): number => [...text.slice(0, offset)].length;

const isQid = (id: string | undefined): id is string => !!id && /^Q\d+$/.test(id);

function entityBody(entity: Entity): Record<string, unknown> {
  const qid = isQid(entity.externalId) ? entity.externalId : undefined;
  return {
    type: 'SpecificResource',
    // A Wikidata item identifies what the passage is about; our own entity tags it.
    purpose: qid ? 'identifying' : 'tagging',
    source: {
      id: qid ? `${WIKIDATA_ENTITY}${qid}` : `${URN}:entity:${entity.id}`,
      label: entity.name,
      'rw:entityType': entity.type,
      ...(entity.externalId && !qid ? { 'rw:externalId': entity.externalId } : {}),
    },
  };
}

const PDF_FRAGMENT = 'http://tools.ietf.org/rfc/rfc3778';

/** The page selector of a highlight that lies on one page, refined by its quote. */
function pageSelector(a: Annotation, doc: Document): Record<string, unknown>[] {
  const { start, end } = a.target.position;
  const page = pageAt(doc.blocks, start);
  if (a.status === 'orphaned' || page === undefined || pageAt(doc.blocks, end - 1) !== page)
    return [];
  const { exact, prefix, suffix } = a.target.quote;
  return [
    {
      type: 'FragmentSelector',
      conformsTo: PDF_FRAGMENT,
      value: `page=${page}`,
      refinedBy: { type: 'TextQuoteSelector', exact, prefix, suffix },
    },
  ];
}

/** The document as the target's source: its address and the hashes that pin its text. */
function sourceOf(doc: Document, textHash: string): Record<string, unknown> {
  return {
    id: doc.source.url ?? `${URN}:document:${doc.id}`,
    type: 'Text',
    format: documentMediaType(doc.format),
    // The model's own properties for an external resource's language and direction (3.2.4).
    ...(doc.source.language ? { language: doc.source.language } : {}),
    ...(doc.source.direction ? { textDirection: doc.source.direction } : {}),
    'rw:title': doc.title,
    'rw:sourceSha256': doc.contentHash,
    'rw:textSha256': textHash,
    'rw:revision': doc.revision,
  };
}

function toW3c(
  a: Annotation,
  doc: Document,
  source: Record<string, unknown>,
  entities: Map<string, Entity>,
): Record<string, unknown> {
  const body: Record<string, unknown>[] = [];
  for (const id of a.entityIds) {
    const entity = entities.get(id);
    if (entity) body.push(entityBody(entity));
  }
  for (const tag of a.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  body.push({ type: 'TextualBody', purpose: 'classifying', value: a.kind });
  if (a.note.trim())
    body.push({
      type: 'TextualBody',
      purpose: 'commenting',
      value: a.note,
      format: 'text/markdown',
    });
  const { start, end } = a.target.position;
  // An area of a page is named by its page and box; it has no words to quote.
  const region = a.target.region;
  const selector = region
    ? [{ type: 'FragmentSelector', conformsTo: PDF_FRAGMENT, value: regionFragment(region) }]
    : undefined;
  return {
    id: annotationIri(a.id),
    type: 'Annotation',
    motivation: kindMotivation(a.kind),
    created: a.createdAt,
    modified: a.updatedAt,
    body,
    target: {
      type: 'SpecificResource',
      source,
      selector: selector ?? [
        {
          type: 'TextQuoteSelector',
          exact: a.target.quote.exact,
          prefix: a.target.quote.prefix,
          suffix: a.target.quote.suffix,
        },
        // An orphaned highlight has no place in the current text: only its quote is given.
        ...(a.status === 'orphaned'
          ? []
          : [
              {
                type: 'TextPositionSelector',
                start: codePoints(doc.text, start),
                end: codePoints(doc.text, end),
              },
            ]),
        ...pageSelector(a, doc),
      ],
    },
  };
}

const annotationIri = (id: string): string => `${URN}:annotation:${id}`;

function linkToW3c(link: HighlightLink, codebook: Codebook): Record<string, unknown> {
  const body: Record<string, unknown>[] = [
    {
      type: 'TextualBody',
      purpose: 'classifying',
      value: relationOf(codebook, link.relation).label,
    },
  ];
  if (link.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: link.note });
  return {
    id: `${URN}:link:${link.id}`,
    type: 'Annotation',
    motivation: 'linking',
    created: link.createdAt,
    modified: link.updatedAt,
    body,
    target: [annotationIri(link.from), annotationIri(link.to)],
  };
}

export function exportW3c(snapshot: Snapshot): string {
  const entities = new Map(snapshot.entities.map((e) => [e.id, e]));
  const highlights = snapshot.documents.flatMap(({ document, annotations }) => {
    const source = sourceOf(document, sha256(document.text));
    return annotations.map((a) => toW3c(a, document, source, entities));
  });
  const present = new Set(snapshot.documents.flatMap((d) => d.annotations.map((a) => a.id)));
  const links = snapshot.links
    .filter((l) => present.has(l.from) && present.has(l.to))
    .map((l) => linkToW3c(l, snapshot.codebook));
  const items = [...highlights, ...links];
  const id = `${URN}:collection:${snapshot.exportedAt}`;
  const page = `${id}:page:1`;
  const label = 'Research Workbench highlights';
  const collection = {
    '@context': [ANNO_CONTEXT, { rw: RW_VOCAB }],
    id,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    // A collection with no annotations has no pages (model 5.1: first only when there are any).
    ...(items.length
      ? {
          first: {
            id: page,
            type: 'AnnotationPage',
            // Described in place, as the model's example 45 does: id, label and total.
            partOf: { id, label, total: items.length },
            startIndex: 0,
            items,
          },
          last: page,
        }
      : {}),
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

// W3C Web Annotation JSON-LD: an AnnotationCollection whose annotations target their
// document with a TextQuoteSelector and a TextPositionSelector. Entity tags are bodies
// (identifying when the entity has an external identifier, else tagging) and notes are
// TextualBody with purpose commenting. Positions are converted from the UTF-16 offsets
// used inside the workbench to the Unicode code points the model counts. A highlight on
// one page of a PDF also gets a FragmentSelector "page=N" (RFC 3778) refined by its quote.
import type { Annotation, Document, Entity } from '../../shared/model';
import { locate, type Snapshot } from './snapshot';

const URN = 'urn:research-workbench';

const codePoints = (text: string, offset: number): number => [...text.slice(0, offset)].length;

function entityBody(entity: Entity): Record<string, string> {
  const qid = entity.externalId && /^Q\d+$/.test(entity.externalId) ? entity.externalId : undefined;
  if (qid)
    return {
      type: 'SpecificResource',
      purpose: 'identifying',
      source: `http://www.wikidata.org/entity/${qid}`,
    };
  return {
    type: 'TextualBody',
    purpose: 'tagging',
    value: entity.name,
    id: `${URN}:entity:${entity.id}`,
  };
}

const PDF_FRAGMENT = 'http://tools.ietf.org/rfc/rfc3778';

/** The page selector of a highlight that lies on one page, refined by its quote. */
function pageSelector(a: Annotation, doc: Document): Record<string, unknown>[] {
  const { start, end } = a.target.position;
  const { page } = locate(doc.blocks, start);
  if (a.status === 'orphaned' || page === undefined || locate(doc.blocks, end - 1).page !== page)
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

function toW3c(
  a: Annotation,
  doc: Document,
  entities: Map<string, Entity>,
): Record<string, unknown> {
  const body: Record<string, string>[] = [];
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
  return {
    id: `${URN}:annotation:${a.id}`,
    type: 'Annotation',
    motivation: a.kind === 'question' ? 'questioning' : 'highlighting',
    created: a.createdAt,
    modified: a.updatedAt,
    body,
    target: {
      source: doc.source.url ?? `${URN}:document:${doc.id}`,
      selector: [
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

export function exportW3c(snapshot: Snapshot): string {
  const entities = new Map(snapshot.entities.map((e) => [e.id, e]));
  const items = snapshot.documents.flatMap(({ document, annotations }) =>
    annotations.map((a) => toW3c(a, document, entities)),
  );
  const collection = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `${URN}:collection:${snapshot.exportedAt}`,
    type: 'AnnotationCollection',
    label: 'Research Workbench highlights',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

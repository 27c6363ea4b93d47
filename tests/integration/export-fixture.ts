// A fixed snapshot of the sample article for the export tests: a filled-in source (author,
// site, address, dates), three entities (an event with its date, place and a participant),
// highlights of three kinds and a user-defined one, codes in a hierarchy, a link between
// two highlights and a free-standing note. Built by hand, so golden files do not depend
// on ids or clocks.
import { readFileSync } from 'node:fs';
import { defaultCodebook } from '../../src/shared/codebook/codebook';
import type { Snapshot } from '../../src/core/export/snapshot';
import { importText } from '../../src/core/importers/text-formats';
import { describeRange } from '../../src/shared/anchoring';
import type { Annotation, Codebook, Document, Entity } from '../../src/shared/model';
import { SAMPLE } from './helpers';

export const T = '2026-11-20T10:00:00.000Z';

export function sampleDocument(overrides: Partial<Document['source']> = {}): Document {
  const content = importText(readFileSync(SAMPLE), 'sample-article.txt');
  return {
    ...content,
    id: 'doc_sample',
    source: {
      ...content.source,
      author: 'Staff writer',
      publisher: 'Iran Focus',
      url: 'https://example.org/iran-rights',
      publishedDate: '2021-12-20',
      accessedDate: '2026-11-20',
      ...overrides,
    },
    revision: 1,
    createdAt: T,
    updatedAt: T,
  };
}

export const entity = (
  id: string,
  name: string,
  type: string,
  extra: Partial<Entity> = {},
): Entity => ({
  id,
  name,
  type,
  aliases: [],
  description: '',
  createdAt: T,
  updatedAt: T,
  ...extra,
});

export function annotate(
  document: Document,
  id: string,
  exact: string,
  kind: string,
  entityIds: string[],
  extra: Partial<Annotation> = {},
): Annotation {
  const start = document.text.indexOf(exact);
  if (start < 0) throw new Error(`not in the text: ${exact}`);
  return {
    id,
    documentId: document.id,
    target: describeRange(document.text, start, start + exact.length),
    entityIds,
    tags: [],
    kind,
    note: '',
    status: 'anchored',
    anchoredRevision: 1,
    createdAt: T,
    updatedAt: T,
    ...extra,
  };
}

export function sampleCodebook(): Codebook {
  const base = defaultCodebook();
  return {
    ...base,
    kinds: [...base.kinds, { id: 'kind_testimony', label: 'Testimony', colour: '#d55e00' }],
    codes: [
      { id: 'code_accountability', name: 'Accountability', colour: '#0072b2' },
      { id: 'code_trial', name: 'Trial', parentId: 'code_accountability' },
      { id: 'code_sanctions', name: 'Sanctions', parentId: 'code_accountability' },
    ],
  };
}

export function fixedSnapshot(): Snapshot {
  const document = sampleDocument();
  const entities = [
    entity('ent_ejei', 'Gholam Hossein Mohseni Ejei', 'person', {
      aliases: ['Ejei', 'Judiciary Chief'],
      description: 'Head of the judiciary.',
      externalId: 'Q5967431',
    }),
    entity('ent_evin', 'Evin prison', 'place'),
    entity('ent_1988', '1988 massacre', 'event', {
      date: { start: '1988', precision: 'year' },
      placeId: 'ent_evin',
      participants: [{ entityId: 'ent_ejei', role: 'official' }],
    }),
  ];
  const annotations = [
    annotate(
      document,
      'ann_chair',
      'Judiciary Chief Gholam Hossein Mohseni Ejei chaired the meeting',
      'evidence',
      ['ent_ejei'],
      { note: 'Confirms Ejei **chaired** the session, with "six officials" present.' },
    ),
    annotate(
      document,
      'ann_noury',
      'a former deputy prosecutor in Gohardasht and Evin prisons, involved in the 1988 massacre',
      'claim',
      ['ent_evin', 'ent_1988'],
      { tags: ['Trial'] },
    ),
    annotate(document, 'ann_question', 'what is the regime worried about', 'question', [], {
      note: '=HYPERLINK("http://evil.example")',
    }),
    annotate(
      document,
      'ann_sanctions',
      'six officials who have been sanctioned by the U.S. and the EU',
      'kind_testimony',
      ['ent_ejei'],
      { tags: ['Sanctions', 'follow up'] },
    ),
  ];
  return {
    entities,
    notes: [
      {
        id: 'note_lead',
        title: 'Lead',
        body: '# Next steps\n\nAsk the [UN](https://www.ohchr.org) for the *1988* files.',
        entityIds: ['ent_ejei'],
        documentIds: [],
        annotationIds: ['ann_chair'],
        createdAt: T,
        updatedAt: T,
      },
    ],
    documents: [{ document, annotations }],
    codebook: sampleCodebook(),
    codebookChanged: true,
    links: [
      {
        id: 'link_1',
        from: 'ann_sanctions',
        to: 'ann_chair',
        relation: 'corroborates',
        createdAt: T,
        updatedAt: T,
      },
    ],
    exportedAt: T,
  };
}

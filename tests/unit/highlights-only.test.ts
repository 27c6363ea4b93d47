// When a highlights file may be taken without its document's text
// (src/core/store/highlights-only.ts): each thing the catalog knows of it must hold, or the
// document is read whole and checked.
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type Annotation, type HighlightsFile } from '../../src/shared/model';
import { withHighlights, type DocumentStamp } from '../../src/core/store/catalog';
import { vouchedHighlights } from '../../src/core/store/highlights-only';

const T = '2026-12-07T10:00:00.000Z';
const highlight = (id: string, entityIds: string[], tags: string[]): Annotation => ({
  id,
  documentId: 'doc1',
  target: {
    quote: { type: 'TextQuoteSelector', exact: 'Evin prison', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 10, end: 21 },
  },
  entityIds,
  tags,
  kind: 'highlight',
  note: '',
  status: 'anchored',
  anchoredRevision: 2,
  createdAt: T,
  updatedAt: T,
});
const annotations = [highlight('ann1', ['ent1'], ['t0']), highlight('ann2', ['ent1', 'ent2'], [])];
const summary = withHighlights(
  { id: 'doc1', title: 'Report', revision: 2, textLength: 40 } as Parameters<
    typeof withHighlights
  >[0],
  annotations,
);
const stamp: DocumentStamp = [900, 1000.5, 400, 1001.5];
const entityIds = new Set(['ent1', 'ent2']);
const file = (list: Annotation[], documentId = 'doc1'): HighlightsFile => ({
  schemaVersion: SCHEMA_VERSION,
  documentId,
  annotations: list,
});
const vouch = (
  over: {
    list?: Annotation[];
    documentId?: string;
    version?: number;
    onDisk?: DocumentStamp;
    known?: DocumentStamp | undefined;
    entities?: Set<string>;
  } = {},
) =>
  vouchedHighlights(
    'doc1',
    {
      file: file(over.list ?? annotations, over.documentId),
      version: over.version ?? SCHEMA_VERSION,
    },
    over.onDisk ?? stamp,
    { summary, stamp: 'known' in over ? over.known : stamp },
    over.entities ?? entityIds,
  );

describe('highlights read without their text', () => {
  it('are taken when the file is what the catalog says it is', () => {
    expect(vouch()).toEqual(annotations);
  });

  it('are refused on any difference from what the store checked', () => {
    const [a, b] = annotations as [Annotation, Annotation];
    const refused = {
      'no stamp kept': vouch({ known: undefined }),
      'highlights file changed': vouch({ onDisk: [900, 1000.5, 400, 1002] }),
      'text file changed': vouch({ onDisk: [901, 1000.5, 400, 1001.5] }),
      'older schema': vouch({ version: SCHEMA_VERSION - 1 }),
      'another document': vouch({ documentId: 'doc2' }),
      'a highlight missing': vouch({ list: [a] }),
      'in another order': vouch({ list: [b, a] }),
      'another id': vouch({ list: [a, { ...b, id: 'ann9' }] }),
      'names another document': vouch({ list: [a, { ...b, documentId: 'doc2' }] }),
      'another revision': vouch({ list: [a, { ...b, anchoredRevision: 1 }] }),
      'past the text': vouch({
        list: [
          a,
          {
            ...b,
            target: { ...b.target, position: { type: 'TextPositionSelector', start: 10, end: 41 } },
          },
        ],
      }),
      'an unknown entity': vouch({ entities: new Set(['ent1']) }),
      'other tags': vouch({ list: [a, { ...b, tags: ['t9'] }] }),
      'other entities': vouch({ list: [a, { ...b, entityIds: ['ent2'] }] }),
    };
    for (const [why, got] of Object.entries(refused)) expect([why, got]).toEqual([why, undefined]);
  });
});

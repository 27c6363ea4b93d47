// When a dossier is out of date: its entity or one it shows changed, a highlight tagged to
// it changed, a new event names it, or a document it cites changed; not for changes
// elsewhere. While the first answer is on its way, any change to highlights or documents.
import { describe, expect, it } from 'vitest';
import { dossierEntities, dossierView } from '../../../../src/renderer/src/store/views/dossier';
import { changed, entity, listItem, makeAnnotation, makeView, note } from '../../builders';
import { dossier, named, timelineEvent } from '../../research-builders';

const raisi = named('e_raisi', 'Ebrahim Raisi');
const loaded = dossier(raisi, {
  sources: [
    {
      documentId: 'd1',
      title: 'Document d1',
      citation: 'Document d1',
      passages: [{ annotation: makeAnnotation('a1', 'd1', ['e_raisi']), paragraph: 1 }],
      mentions: 2,
    },
  ],
  cooccurring: [
    { entity: named('e_amnesty', 'Amnesty International'), paragraphs: 1, documents: 1 },
  ],
  events: [
    timelineEvent(named('e_1988', '1988 executions', 'event'), {
      place: { id: 'e_evin', name: 'Evin' },
    }),
  ],
});

const cases: [string, ReturnType<typeof changed>, boolean][] = [
  ['its entity renamed', changed({ entities: { put: [entity('e_raisi')], removed: [] } }), true],
  [
    'an entity it appears with renamed',
    changed({ entities: { put: [entity('e_amnesty')], removed: [] } }),
    true,
  ],
  [
    'the place of one of its events deleted',
    changed({ entities: { put: [], removed: ['e_evin'] } }),
    true,
  ],
  ['a highlight tagged to it changed', changed({ touchedEntities: ['e_raisi'] }), true],
  [
    'a new event with it as participant',
    changed({
      entities: {
        put: [
          {
            ...entity('e_new', 0, 'event'),
            participants: [{ entityId: 'e_raisi', role: 'official' }],
          },
        ],
        removed: [],
      },
    }),
    true,
  ],
  [
    'a highlight made in a document it cites',
    changed({ annotations: { put: [makeAnnotation('a9', 'd1')], removed: [] } }),
    true,
  ],
  [
    'the text of a document it cites edited',
    changed({ documentRecords: [makeView('d1').document] }),
    true,
  ],
  [
    'a document it cites renamed',
    changed({ documents: { put: [listItem('d1', 3)], removed: [] } }),
    true,
  ],
  [
    'another entity renamed',
    changed({ entities: { put: [entity('e_other')], removed: [] } }),
    false,
  ],
  [
    'a highlight made in another document',
    changed({ annotations: { put: [makeAnnotation('a9', 'd2')], removed: [] } }),
    false,
  ],
  ['a note saved', changed({ notes: { put: [note('n1')], removed: [] } }), false],
  ['another entity’s highlights', changed({ touchedEntities: ['e_other'] }), false],
];

describe('the dossier view', () => {
  it.each(cases)('%s: stale %s', (_what, event, stale) => {
    expect(dossierView.staleAfter(event, 'e_raisi', loaded)).toBe(stale);
  });

  it('is keyed by its entity', () => {
    expect(dossierView.key('e_raisi')).toBe('e_raisi');
  });

  it('names every entity the dossier shows', () => {
    expect([...dossierEntities('e_raisi', loaded)].sort()).toEqual([
      'e_1988',
      'e_amnesty',
      'e_evin',
      'e_raisi',
    ]);
  });

  it('takes any change to highlights or documents while its first answer is on its way', () => {
    const elsewhere = changed({ annotations: { put: [makeAnnotation('a9', 'd2')], removed: [] } });
    expect(dossierView.staleAfter(elsewhere, 'e_raisi', undefined)).toBe(true);
    expect(
      dossierView.staleAfter(
        changed({ notes: { put: [note('n1')], removed: [] } }),
        'e_raisi',
        undefined,
      ),
    ).toBe(false);
  });
});

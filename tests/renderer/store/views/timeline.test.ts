// When the timeline is out of date: an event or an entity it shows changed, an entity
// became an event, an event's evidence changed, or a document it quotes changed.
import { describe, expect, it } from 'vitest';
import { timelineView } from '../../../../src/renderer/src/store/views/timeline';
import { changed, entity, listItem, note } from '../../builders';
import { named, passage, timelineEvent } from '../../research-builders';

const events = [
  timelineEvent(named('e_trial', 'Stockholm trial', 'event'), {
    place: { id: 'e_stockholm', name: 'Stockholm' },
    participants: [{ id: 'e_noury', name: 'Hamid Noury', role: 'official' }],
    evidence: [passage('a1', 'd1', ['e_trial'])],
  }),
];

describe('the timeline view', () => {
  it.each([
    [
      'an event renamed',
      changed({ entities: { put: [entity('e_trial', 0, 'event')], removed: [] } }),
      true,
    ],
    [
      'a participant renamed',
      changed({ entities: { put: [entity('e_noury')], removed: [] } }),
      true,
    ],
    ['a place deleted', changed({ entities: { put: [], removed: ['e_stockholm'] } }), true],
    [
      'a new event',
      changed({ entities: { put: [entity('e_new', 0, 'event')], removed: [] } }),
      true,
    ],
    ['an event’s evidence', changed({ touchedEntities: ['e_trial'] }), true],
    [
      'a quoted document renamed',
      changed({ documents: { put: [listItem('d1')], removed: [] } }),
      true,
    ],
    ['a person not on it', changed({ entities: { put: [entity('e_other')], removed: [] } }), false],
    ['a note saved', changed({ notes: { put: [note('n1')], removed: [] } }), false],
    ['a highlight of someone else', changed({ touchedEntities: ['e_other'] }), false],
  ])('after %s: stale %s', (_what, event, stale) => {
    expect(timelineView.staleAfter(event, 'all', events)).toBe(stale);
  });
});

// The timeline view: every event entity by date, with its place, participants and evidence.
// One entry (the timeline has no query). Stale when an event, or an entity it shows,
// changed, when an entity became or stopped being an event, when an event's evidence
// changed, or when a document it quotes changed.
import type { TimelineEvent } from '../../../../shared/methods/events';
import type { State } from '../index';
import { documentsChanged, entitiesChanged, touched } from './changed';
import type { ViewEntry, ViewSpec } from './view-cache';

export type TimelineQuery = 'all';

/** The entities a timeline names: the events, their places and participants. */
function shown(events: readonly TimelineEvent[]): Set<string> {
  const ids = new Set<string>();
  for (const e of events) {
    ids.add(e.entity.id);
    if (e.place) ids.add(e.place.id);
    for (const p of e.participants) ids.add(p.id);
  }
  return ids;
}

export const timelineView: ViewSpec<TimelineQuery, TimelineEvent[]> = {
  key: () => 'all',
  staleAfter(event, _query, events) {
    if (!events) return event.entities.put.length > 0 || event.entities.removed.length > 0;
    const events_ = new Set(events.map((e) => e.entity.id));
    const quoted = new Set(events.flatMap((e) => e.evidence.map((p) => p.annotation.documentId)));
    return (
      entitiesChanged(event, shown(events)) ||
      event.entities.put.some((e) => e.type === 'event') ||
      touched(event, events_) ||
      documentsChanged(event, quoted)
    );
  },
  keep: 1,
};

export const selectTimeline = (
  state: State,
): ViewEntry<TimelineQuery, TimelineEvent[]> | undefined => state.views.timeline.all;

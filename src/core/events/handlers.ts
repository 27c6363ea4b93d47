// events.*: the timeline of event entities with their evidence, and dates suggested from
// an event's passages. Read-only views over the current state.
import type { NamespaceHandlers } from '../../shared/api';
import type { TimelineEvent } from '../../shared/methods/events';
import type { CoreContext } from '../context';
import type { Tx } from '../store/tx';
import { passagesByEntity, timeline } from './timeline';

/** Every event entity with its date, place, participants and passages. */
export const timelineOf = (tx: Tx): TimelineEvent[] =>
  timeline(tx.entities, passagesByEntity([...tx.documents()]));

export function eventsHandlers(ctx: CoreContext): NamespaceHandlers<'events'> {
  return {
    'events.timeline': () => ctx.read(timelineOf),
    'events.suggestDates': async ({ id }) => {
      // compromise and its dates plugin load on first use.
      const { suggestDates } = await import('./date-suggestions');
      return ctx.read((tx) => {
        tx.entity(id);
        const passages = passagesByEntity([...tx.documents()]).get(id) ?? [];
        return suggestDates(passages.map((p) => p.annotation));
      });
    },
  };
}

// events.*: the timeline of event entities with their evidence, and dates suggested from
// an event's passages. Read-only views over the current state.
import type { NamespaceHandlers } from '../../shared/api';
import type { TimelineEvent } from '../../shared/methods/events';
import type { CoreContext } from '../context';
import { isEvent, passagesByEntity, timeline } from './timeline';

/** Every event entity with its date, place, participants and passages (read: those tagging one). */
export async function timelineOf(ctx: CoreContext): Promise<TimelineEvent[]> {
  const { entities } = ctx.store.workspace;
  const events = entities.filter(isEvent).map((e) => e.id);
  return timeline(entities, passagesByEntity(await ctx.files(ctx.tagging(events))));
}

export function eventsHandlers(ctx: CoreContext): NamespaceHandlers<'events'> {
  return {
    'events.timeline': () => timelineOf(ctx),
    'events.suggestDates': async ({ id }) => {
      // compromise and its dates plugin load on first use.
      const { suggestDates } = await import('./date-suggestions');
      await ctx.read((tx) => tx.entity(id));
      const passages = passagesByEntity(await ctx.files(ctx.tagging([id]))).get(id) ?? [];
      return suggestDates(passages.map((p) => p.annotation));
    },
  };
}

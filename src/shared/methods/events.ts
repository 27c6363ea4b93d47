// events.*: entities of type event on a timeline, and dates suggested from their passages.
import type { EventDate, Entity } from '../model';
import type { EntityPassage } from './annotations';
import { Empty } from './workspace';
import { byId, method, namespace } from './define';

export interface TimelineEvent {
  entity: Entity;
  date?: EventDate;
  place?: { id: string; name: string };
  participants: { id: string; name: string; role: string }[];
  evidence: EntityPassage[];
}

export interface DateSuggestion {
  annotationId: string;
  /** The words the date was read from. */
  text: string;
  date: EventDate;
}

export const eventsMethods = namespace('events', {
  'events.timeline': method<TimelineEvent[]>()(Empty),
  'events.suggestDates': method<DateSuggestion[]>()(byId),
});

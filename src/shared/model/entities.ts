// Entities (people, organisations, places, events…) with their names, aliases and, for
// events, a dated range and participants. Part of src/shared/model.ts.
import { z } from 'zod';
import { Id, Label, RecordTimes } from './primitives';

/** Entity types are extensible; these are the ones the UI offers first. */
export const ENTITY_TYPES = ['person', 'organization', 'place', 'event', 'other'] as const;
export const EntityType = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N} _-]+$/u, 'a type is a word such as person or place');

/** An entity's name or one of its aliases. */
export const EntityName = Label.trim().min(1, 'a name cannot be empty').max(300);
export const Aliases = z.array(EntityName).max(100);
export const Description = z.string().max(20_000);
/** An identifier elsewhere, such as a Wikidata QID. */
export const ExternalId = z.string().trim().max(200);

/** How precisely an event's date is known; the date string has exactly that many parts. */
export const DATE_PRECISIONS = ['year', 'month', 'day'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
const DATE_SHAPES: Record<DatePrecision, RegExp> = {
  year: /^\d{4}$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  day: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
};

/**
 * An event's date or range, written as ISO dates cut to the precision ("1988",
 * "1988-07", "1988-07-19"), so that a plain string sort orders a timeline and a year
 * is never shown as the first of January.
 */
export const EventDate = z
  .strictObject({
    start: z.string().max(10),
    end: z.string().max(10).optional(),
    precision: z.enum(DATE_PRECISIONS),
  })
  .refine((d) => DATE_SHAPES[d.precision].test(d.start), {
    message: 'the date does not match its precision (YYYY, YYYY-MM or YYYY-MM-DD)',
    path: ['start'],
  })
  .refine((d) => d.end === undefined || DATE_SHAPES[d.precision].test(d.end), {
    message: 'the end date does not match its precision',
    path: ['end'],
  })
  .refine((d) => d.end === undefined || d.end >= d.start, {
    message: 'the range ends before it starts',
    path: ['end'],
  });

/** Someone or something taking part in an event, and how (official, victim, witness…). */
export const Participant = z.strictObject({
  entityId: Id,
  role: z.string().trim().min(1).max(60),
});

export const Entity = z.strictObject({
  id: Id,
  name: EntityName,
  type: EntityType,
  aliases: Aliases,
  description: Description,
  externalId: ExternalId.optional(),
  /** Event fields (optional, so older files need no migration). */
  date: EventDate.optional(),
  placeId: Id.optional(),
  participants: z.array(Participant).max(200).optional(),
  ...RecordTimes,
});

export type Entity = z.infer<typeof Entity>;
export type EventDate = z.infer<typeof EventDate>;
export type Participant = z.infer<typeof Participant>;

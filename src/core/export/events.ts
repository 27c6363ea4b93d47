// Events as CSV (one row per event, RFC 4180 like the highlights CSV) and as JSON with
// their evidence quotes, for timelines built in other tools.
import type { TimelineEvent } from '../../shared/methods/events';
import { isolate } from '../../shared/bidi';
import { csvFile } from '../../shared/csv';

const HEADER = [
  'event_id',
  'name',
  'start',
  'end',
  'precision',
  'place',
  'participants',
  'evidence',
  'description',
];

export function exportEventsCsv(events: readonly TimelineEvent[]): string {
  const rows = events.map((e) => [
    e.entity.id,
    e.entity.name,
    e.date?.start ?? '',
    e.date?.end ?? '',
    e.date?.precision ?? '',
    e.place?.name ?? '',
    // Names listed in one cell are isolated, so a right-to-left one cannot reorder the list.
    e.participants.map((p) => `${isolate(p.name)} (${p.role})`).join('; '),
    e.evidence.length,
    e.entity.description,
  ]);
  return csvFile([HEADER, ...rows]);
}

export function exportEventsJson(events: readonly TimelineEvent[]): string {
  const out = events.map((e) => ({
    id: e.entity.id,
    name: e.entity.name,
    date: e.date ?? null,
    place: e.place ?? null,
    participants: e.participants,
    description: e.entity.description,
    evidence: e.evidence.map((p) => ({
      highlightId: p.annotation.id,
      documentId: p.annotation.documentId,
      document: p.documentTitle,
      quote: p.annotation.target.quote.exact,
    })),
  }));
  return `${JSON.stringify(out, null, 2)}\n`;
}

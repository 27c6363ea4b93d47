// The parts of the Markdown research notes around the quotes: the entities as an index
// (what each is, an event's date, place and participants, and the numbers of the quotes
// that concern it, so no quote is printed twice), the free-standing notes with their
// headings nested under the export's own, and the verification appendix that keeps what
// pins each quote to its text (offsets, revision, hashes) out of the citations.
import { isolate } from '../../shared/bidi';
import { ANCHOR_STATUS_LABELS } from '../../shared/concepts/anchor-status';
import { formatEventDate } from '../../shared/labels';
import type { Annotation, Entity, Note } from '../../shared/model';
import { sha256 } from '../hash';
import { escapeInline, escapeMarkdown, userMarkdown } from './markdown-escape';
import { quoteAnchor } from './markdown-quotes';
import type { Snapshot } from './snapshot';

const GROUPS: Record<string, string> = {
  person: 'People',
  organization: 'Organisations',
  place: 'Places',
  event: 'Events',
  other: 'Other',
};
const ORDER = ['event', 'person', 'organization', 'place', 'other'];

const groupName = (type: string): string =>
  GROUPS[type] ?? `${type.charAt(0).toLocaleUpperCase()}${type.slice(1)}`;

function eventLine(e: Entity, byId: ReadonlyMap<string, Entity>): string | undefined {
  if (e.type !== 'event' && !e.date && !e.placeId && !e.participants?.length) return undefined;
  const place = e.placeId ? byId.get(e.placeId)?.name : undefined;
  const people = (e.participants ?? []).flatMap((p) => {
    const who = byId.get(p.entityId);
    return who ? [`${escapeInline(who.name)} (${escapeInline(p.role)})`] : [];
  });
  return [
    `Date: ${e.date ? formatEventDate(e.date) : 'not recorded'}`,
    `Place: ${place ? escapeInline(place) : 'not recorded'}`,
    `Participants: ${people.length ? people.join('; ') : 'none recorded'}`,
  ].join(' · ');
}

export function entityIndex(
  snapshot: Snapshot,
  quotes: readonly Annotation[],
  numbers: ReadonlyMap<string, number>,
): string[] {
  const byId = new Map(snapshot.entities.map((e) => [e.id, e]));
  const out: string[] = ['', '## Entities'];
  const types = [...new Set(snapshot.entities.map((e) => e.type))].sort(
    (a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b),
  );
  if (!types.length) out.push('', '*No entities.*');
  for (const type of types) {
    out.push('', `### ${escapeInline(groupName(type))}`);
    const members = snapshot.entities
      .filter((e) => e.type === type)
      .sort(
        (a, b) =>
          (a.date?.start ?? '').localeCompare(b.date?.start ?? '') || a.name.localeCompare(b.name),
      );
    for (const e of members) {
      out.push('', `#### ${isolate(escapeInline(e.name))}`);
      if (e.aliases.length)
        out.push('', `Also known as: ${e.aliases.map((n) => isolate(escapeInline(n))).join('; ')}`);
      if (e.externalId) out.push('', `Identifier: ${escapeInline(e.externalId)}`);
      const event = eventLine(e, byId);
      if (event) out.push('', event);
      if (e.description.trim()) out.push('', escapeMarkdown(e.description.trim()));
      const refs = quotes.filter((a) => a.entityIds.includes(e.id)).map((a) => numbers.get(a.id)!);
      out.push('', refs.length ? `Quotes: ${refs.map(quoteAnchor).join(', ')}` : '*No quotes.*');
    }
  }
  return out;
}

export function notesSection(notes: readonly Note[]): string[] {
  if (!notes.length) return [];
  const out = ['', '## Notes'];
  for (const note of notes) {
    out.push('', `### ${note.title.trim() ? escapeInline(note.title) : 'Untitled note'}`);
    // The note is the user's own Markdown: its headings go below the note's title.
    if (note.body.trim()) out.push('', userMarkdown(note.body, 3));
  }
  return out;
}

export function verificationSection(
  snapshot: Snapshot,
  numbers: ReadonlyMap<string, number>,
): string[] {
  const out = [
    '',
    '## Verification',
    '',
    'Each quote can be checked against the text it was taken from: the revision of the ' +
      'text and its SHA-256 are below, and the characters are offsets into that text ' +
      '(UTF-16 code units, as JavaScript counts them).',
    '',
    '| Quote | Source | Revision | Characters | Status |',
    '| --- | --- | --- | --- | --- |',
  ];
  const rows = snapshot.documents.flatMap(({ document, annotations }) =>
    annotations.flatMap((a) => {
      const n = numbers.get(a.id);
      if (n === undefined) return [];
      const { start, end } = a.target.position;
      const chars = a.status === 'orphaned' ? 'not in the text' : `${start}–${end}`;
      const status = ANCHOR_STATUS_LABELS[a.status].name;
      return [
        { n, row: `| ${n} | ${document.id} | ${document.revision} | ${chars} | ${status} |` },
      ];
    }),
  );
  for (const { row } of rows.sort((a, b) => a.n - b.n)) out.push(row);
  out.push('');
  for (const { document } of snapshot.documents) {
    const from = document.source.fileName
      ? `imported from ${escapeInline(document.source.fileName)}`
      : 'pasted or typed in';
    out.push(
      `- ${document.id}, “${escapeInline(document.title)}”: ${from}; file \`${document.contentHash}\`; ` +
        `revision ${document.revision} of its text, \`${sha256(document.text)}\`.`,
    );
  }
  return out;
}

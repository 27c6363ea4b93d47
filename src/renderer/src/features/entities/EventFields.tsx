// An event's date (a year, a month or a day, or a range of them), place and participants
// with their roles. Dates found in the event's passages are offered, and only fill the
// form: nothing is saved until the user saves (Save event, Ctrl/Cmd+S or Ctrl/Cmd+Enter).
// What is changed meanwhile is a draft, kept across panels and reloads.
import { useState } from 'react';
import { useDraftFields } from '../../hooks/use-draft';
import { runShortcut } from '../../lib/keymap';
import { useConfirm } from '../../workbench/confirm';
import type { EntityWithUsage } from '../../../../shared/api';
import type { EventDate, Participant } from '../../../../shared/model';
import { useView } from '../../hooks/use-view';
import { useCommands } from '../../workbench/context';
import { DraftActions } from './DraftActions';

export const ROLES = ['official', 'victim', 'witness', 'perpetrator', 'other'] as const;

/** The precision a typed date has: "1988", "1988-07" or "1988-07-19". */
export function precisionOf(text: string): EventDate['precision'] | undefined {
  if (/^\d{4}$/.test(text)) return 'year';
  if (/^\d{4}-\d{2}$/.test(text)) return 'month';
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return 'day';
  return undefined;
}

/** Participants kept in a draft as JSON; anything else there is read as none. */
function readParticipants(json: string): Participant[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value)
      ? value.filter(
          (p): p is Participant =>
            typeof p === 'object' &&
            p !== null &&
            typeof (p as Participant).entityId === 'string' &&
            typeof (p as Participant).role === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

export function EventFields({
  entity,
  entities,
  readOnly,
}: {
  entity: EntityWithUsage;
  entities: readonly EntityWithUsage[];
  readOnly: boolean;
}): React.JSX.Element {
  const commands = useCommands();
  const confirm = useConfirm();
  const draft = useDraftFields(
    entity.id,
    {
      'event.start': entity.date?.start ?? '',
      'event.end': entity.date?.end ?? '',
      'event.place': entity.placeId ?? '',
      'event.participants': JSON.stringify(entity.participants ?? []),
    },
    entity.updatedAt,
  );
  const start = draft.values['event.start'];
  const end = draft.values['event.end'];
  const placeId = draft.values['event.place'];
  const people = readParticipants(draft.values['event.participants']);
  const setStart = (value: string): void => draft.set('event.start', value);
  const setEnd = (value: string): void => draft.set('event.end', value);
  const setPlaceId = (value: string): void => draft.set('event.place', value);
  const setPeople = (value: Participant[]): void =>
    draft.set('event.participants', JSON.stringify(value));
  const [who, setWho] = useState('');
  const [role, setRole] = useState<string>(ROLES[0]);
  const [suggesting, setSuggesting] = useState(false);
  const suggestions = useView('dateSuggestions', entity.id, { enabled: suggesting }).data;
  const others = entities.filter((e) => e.id !== entity.id);
  const places = [...others].sort(
    (a, b) => Number(b.type === 'place') - Number(a.type === 'place'),
  );
  const precision = precisionOf(start);
  const nameOf = (id: string) => others.find((e) => e.id === id)?.name ?? id;
  const save = async (): Promise<void> => {
    if (start !== '' && !precision) return;
    const date =
      start && precision ? { start, ...(end ? { end } : {}), precision } : start ? undefined : null;
    const saved = await commands.updateEntity(entity.id, {
      ...(date !== undefined ? { date } : {}),
      placeId: placeId || null,
      participants: people,
    });
    if (saved) draft.committed();
  };
  const discard = (): void =>
    confirm({
      title: 'Discard the changes to the event?',
      message: 'Its date, place and participants go back to what was last saved.',
      confirmLabel: 'Discard changes',
      onConfirm: draft.discard,
    });
  return (
    <form
      className="event-fields"
      aria-label="Event"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => runShortcut('event-editor', e, { 'event.save': () => void save() })}
    >
      <fieldset disabled={readOnly}>
        <legend>Event</legend>
        <div className="row">
          <label className="stack">
            Date
            <input
              value={start}
              placeholder="1988, 1988-07 or 1988-07-19"
              aria-invalid={start !== '' && !precision}
              onChange={(e) => setStart(e.target.value.trim())}
            />
          </label>
          <label className="stack">
            Until (optional)
            <input value={end} onChange={(e) => setEnd(e.target.value.trim())} />
          </label>
        </div>
        <p className="muted">
          {start === ''
            ? 'No date.'
            : precision
              ? `Known to the ${precision}.`
              : 'Write the date as YYYY, YYYY-MM or YYYY-MM-DD.'}
        </p>
        <button type="button" onClick={() => setSuggesting(true)}>
          Suggest dates from passages
        </button>
        {suggestions && (
          <ul className="suggestions" aria-label="Suggested dates">
            {suggestions.length === 0 && <li className="muted">No date found in its passages.</li>}
            {suggestions.map((s) => (
              <li key={`${s.annotationId}-${s.date.start}-${s.date.precision}`}>
                “{s.text}”{' '}
                <button
                  type="button"
                  onClick={() => {
                    setStart(s.date.start);
                    setEnd(s.date.end ?? '');
                  }}
                >
                  Use {s.date.start}
                  {s.date.end ? ` – ${s.date.end}` : ''}
                </button>
              </li>
            ))}
          </ul>
        )}
        <label className="stack">
          Place
          <select value={placeId} onChange={(e) => setPlaceId(e.target.value)}>
            <option value="">No place</option>
            {places.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name} ({e.type})
              </option>
            ))}
          </select>
        </label>
        <h4>Participants</h4>
        <ul className="chips" aria-label="Participants">
          {people.map((p) => (
            <li key={`${p.entityId}-${p.role}`} className="chip">
              {nameOf(p.entityId)} · {p.role}{' '}
              <button
                type="button"
                aria-label={`Remove ${nameOf(p.entityId)} (${p.role})`}
                onClick={() => setPeople(people.filter((x) => x !== p))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <div className="row">
          <label className="stack">
            Participant
            <select value={who} onChange={(e) => setWho(e.target.value)}>
              <option value="">Choose…</option>
              {others.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </label>
          <label className="stack">
            Role
            <select value={role} onChange={(e) => setRole(e.target.value)}>
              {ROLES.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={!who}
            onClick={() => {
              setPeople([...people, { entityId: who, role }]);
              setWho('');
            }}
          >
            Add participant
          </button>
        </div>
        <DraftActions
          dirty={draft.dirty}
          saveLabel="Save event"
          saveDisabled={start !== '' && !precision}
          shortcut="event.save"
          onDiscard={discard}
        />
      </fieldset>
    </form>
  );
}

// The fields Share and Join ask for: the way the team meets (a relay, or a shared folder for
// teams that must stay off any server), then the relay's address and the team key or the
// folder's path (and, to join, the share id), each checked as it is typed against the same
// rules the core applies, with what is wrong said under the field. The key field is a
// password field: it is not shown, remembered by the browser's form history, or offered
// for autofill.
import { useId } from 'react';
import type { z } from 'zod';
import {
  FolderPath,
  RelayUrl,
  ShareId,
  TeamKey,
  type ShareInput,
} from '../../../../shared/methods/sync';

/** What is wrong with a typed value, or undefined; nothing is said of an empty field yet. */
export function problemOf(schema: z.ZodType, value: string): string | undefined {
  if (!value) return undefined;
  const parsed = schema.safeParse(value);
  const message = parsed.success ? undefined : parsed.error.issues[0]?.message;
  // The schemas' messages follow a field's name in the core's errors; alone, a sentence.
  return message && `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
}

/** How the team meets: through a relay, or through a folder every member reaches. */
export type TeamWay = 'relay' | 'folder';
export interface PlaceFields {
  way: TeamWay;
  server: string;
  key: string;
  folder: string;
}

export const fieldsValid = (fields: PlaceFields & { shareId?: string }): boolean =>
  (fields.way === 'relay'
    ? RelayUrl.safeParse(fields.server).success && TeamKey.safeParse(fields.key).success
    : FolderPath.safeParse(fields.folder).success) &&
  (fields.shareId === undefined || ShareId.safeParse(fields.shareId).success);

/** What Share and Join send for the way chosen (the other way's fields stay behind). */
export const placeOf = (fields: PlaceFields): z.input<typeof ShareInput> =>
  fields.way === 'relay'
    ? { server: fields.server.trim(), key: fields.key }
    : { folder: fields.folder.trim() };

function Field({
  label,
  hint,
  value,
  onChange,
  problem,
  secret = false,
  placeholder,
}: {
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  problem: string | undefined;
  secret?: boolean;
  placeholder?: string;
}): React.JSX.Element {
  const id = useId();
  return (
    <label className="stack team-field">
      {label}
      <input
        type={secret ? 'password' : 'text'}
        value={value}
        spellCheck={false}
        autoComplete="off"
        placeholder={placeholder}
        aria-invalid={problem !== undefined}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
      />
      <span id={`${id}-hint`} className={problem ? 'team-problem' : 'muted'}>
        {problem ?? hint}
      </span>
    </label>
  );
}

export function RelayFields({
  server,
  teamKey,
  onServer,
  onKey,
}: {
  server: string;
  teamKey: string;
  onServer: (value: string) => void;
  onKey: (value: string) => void;
}): React.JSX.Element {
  return (
    <>
      <Field
        label="Relay address"
        hint="The team’s relay: ws://HOST:PORT, or wss://HOST behind TLS."
        placeholder="wss://relay.example.org"
        value={server}
        onChange={onServer}
        problem={problemOf(RelayUrl, server)}
      />
      <Field
        label="Team key"
        hint="The key the relay was started with; ask whoever runs it."
        secret
        value={teamKey}
        onChange={onKey}
        problem={problemOf(TeamKey, teamKey)}
      />
    </>
  );
}

/** The way chosen, then its fields: the relay's address and key, or the folder's path. */
export function PlaceFields({
  fields,
  onChange,
}: {
  fields: PlaceFields;
  onChange: (fields: PlaceFields) => void;
}): React.JSX.Element {
  const group = useId();
  const set = (patch: Partial<PlaceFields>): void => onChange({ ...fields, ...patch });
  return (
    <>
      <fieldset className="team-way">
        <legend>The team meets through</legend>
        <label>
          <input
            type="radio"
            name={group}
            checked={fields.way === 'relay'}
            onChange={() => set({ way: 'relay' })}
          />{' '}
          a relay
        </label>
        <label>
          <input
            type="radio"
            name={group}
            checked={fields.way === 'folder'}
            onChange={() => set({ way: 'folder' })}
          />{' '}
          a shared folder
        </label>
      </fieldset>
      {fields.way === 'relay' ? (
        <RelayFields
          server={fields.server}
          teamKey={fields.key}
          onServer={(server) => set({ server })}
          onKey={(key) => set({ key })}
        />
      ) : (
        <Field
          label="Shared folder"
          hint="Its full path on this computer: a folder Syncthing keeps in step, a network drive or a USB stick, reached by every member."
          placeholder="/home/you/Sync/team"
          value={fields.folder}
          onChange={(folder) => set({ folder })}
          problem={problemOf(FolderPath, fields.folder.trim())}
        />
      )}
    </>
  );
}

export function ShareIdField({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string) => void;
}): React.JSX.Element {
  return (
    <Field
      label="Share id"
      hint="The id the member who shared the workspace gave you."
      value={value}
      onChange={onChange}
      problem={problemOf(ShareId, value.trim())}
    />
  );
}

/** The foot of the Share and Join forms: why the last try failed, then Cancel and submit. */
export function TeamFormActions({
  problem,
  busy,
  disabled,
  label,
  busyLabel,
  onCancel,
}: {
  problem: string | null;
  busy: boolean;
  disabled: boolean;
  label: string;
  busyLabel: string;
  onCancel: () => void;
}): React.JSX.Element {
  return (
    <>
      {problem && (
        <p role="alert" className="team-problem">
          {problem}
        </p>
      )}
      <div className="row end">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy || disabled}>
          {busy ? busyLabel : label}
        </button>
      </div>
    </>
  );
}

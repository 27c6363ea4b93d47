// The fields Share and Join ask for: the relay's address and the team key (and, to join,
// the share id), each checked as it is typed against the same rules the core applies, with
// what is wrong said under the field. The key field is a password field: it is not shown,
// remembered by the browser's form history, or offered for autofill.
import { useId } from 'react';
import type { z } from 'zod';
import { RelayUrl, ShareId, TeamKey } from '../../../../shared/methods/sync';

/** What is wrong with a typed value, or undefined; nothing is said of an empty field yet. */
export function problemOf(schema: z.ZodType, value: string): string | undefined {
  if (!value) return undefined;
  const parsed = schema.safeParse(value);
  const message = parsed.success ? undefined : parsed.error.issues[0]?.message;
  // The schemas' messages follow a field's name in the core's errors; alone, a sentence.
  return message && `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
}

export const fieldsValid = (fields: { server: string; key: string; shareId?: string }): boolean =>
  RelayUrl.safeParse(fields.server).success &&
  TeamKey.safeParse(fields.key).success &&
  (fields.shareId === undefined || ShareId.safeParse(fields.shareId).success);

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

// The entity type, chosen from one list everywhere (the usual types and those in use), with
// "Add a type…" as an explicit choice: a typo can no longer start a new group by itself.
import { useId, useState } from 'react';
import { entityTypes } from '../../lib/labels';

const ADD = '\u0000add';

export function TypeSelect({
  value,
  inUse,
  onChange,
}: {
  value: string;
  inUse: readonly { type: string }[];
  onChange: (type: string) => void;
}): React.JSX.Element {
  const types = entityTypes(inUse);
  const [adding, setAdding] = useState(!types.includes(value));
  const id = useId();
  return (
    <div className="stack type-select">
      <label htmlFor={id}>Type</label>
      <select
        id={id}
        value={adding ? ADD : value}
        onChange={(e) => {
          const next = e.target.value;
          setAdding(next === ADD);
          onChange(next === ADD ? '' : next);
        }}
      >
        {types.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
        <option value={ADD}>Add a type…</option>
      </select>
      {adding && (
        <label className="stack">
          New type
          <input required value={value} onChange={(e) => onChange(e.target.value)} />
        </label>
      )}
    </div>
  );
}

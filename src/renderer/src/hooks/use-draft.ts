// An editor's fields as drafts: each field shows its draft if there is one, else what is
// saved; every keystroke goes to the drafts store (and from there to this machine's
// storage), so an editor can close, lose its component or its window and give the text
// back when it opens again. After a save the drafts are dropped and the saved values
// are shown until the record's new version arrives, so the old text never flashes back.
import { useEffect, useState } from 'react';
import { draftKey, dropDrafts, selectDrafts, typeDraft } from '../store/drafts';
import { useSelector, useWorkbench } from '../workbench/context';

export interface DraftFields<F extends string> {
  /** What each field shows: its draft, else the saved value. */
  values: Record<F, string>;
  set: (field: F, value: string) => void;
  /** The fields whose shown value differs from the saved one. */
  changed: Partial<Record<F, string>>;
  dirty: boolean;
  /** The saved value of a drafted field changed since its draft was begun (elsewhere, or by undo). */
  stale: boolean;
  /** Drops the drafts: the fields show what is saved. */
  discard: () => void;
  /** Call once the shown values are saved: drops the drafts without the old text flashing back. */
  committed: () => void;
}

/**
 * `saved` is the record's saved value of each field; `version` changes whenever the record
 * is saved (its updatedAt).
 */
export function useDraftFields<F extends string>(
  recordId: string,
  saved: Record<F, string>,
  version: string,
): DraftFields<F> {
  const { store } = useWorkbench();
  const byKey = useSelector(selectDrafts);
  const [settling, setSettling] = useState<{ version: string; values: Record<F, string> } | null>(
    null,
  );
  if (settling && settling.version !== version) setSettling(null);
  const base = settling?.version === version ? settling.values : saved;
  const fields = Object.keys(saved) as F[];
  const values = { ...base };
  const changed: Partial<Record<F, string>> = {};
  let stale = false;
  for (const field of fields) {
    const draft = byKey[draftKey(recordId, field)];
    if (draft) {
      values[field] = draft.value;
      if (draft.base !== saved[field] && draft.value !== saved[field]) stale = true;
    }
    if (values[field] !== saved[field]) changed[field] = values[field];
  }
  const dirty = Object.keys(changed).length > 0;

  // A draft that has come to equal what is saved (saved elsewhere, or typed back) is dropped.
  const settled = fields.filter(
    (f) =>
      byKey[draftKey(recordId, f)] !== undefined &&
      byKey[draftKey(recordId, f)]?.value === saved[f],
  );
  const settledKey = settled.join('\u0000');
  useEffect(() => {
    if (settledKey) store.dispatch(dropDrafts(recordId, settledKey.split('\u0000')));
  }, [store, recordId, settledKey]);

  return {
    values,
    set: (field, value) => store.dispatch(typeDraft(recordId, field, value, saved[field])),
    changed,
    dirty,
    stale,
    discard: () => {
      setSettling(null);
      store.dispatch(dropDrafts(recordId, fields));
    },
    committed: () => {
      setSettling({ version, values });
      store.dispatch(dropDrafts(recordId, fields));
    },
  };
}

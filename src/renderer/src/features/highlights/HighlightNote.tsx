// A highlight's Markdown note: shown, or written in an editor whose text is a draft from
// the first keystroke. Escape (or Close) closes the editor and keeps the draft, marked as
// a draft under the note with a way to go on writing it or discard it; nothing typed is
// lost to a key press, another panel or a reload. Ctrl/Cmd+S and Ctrl/Cmd+Enter save.
import { useEffect, useId, useRef, useState } from 'react';
import type { Annotation } from '../../../../shared/model';
import { useDraftFields } from '../../hooks/use-draft';
import { runShortcut } from '../../lib/keymap';
import { keysOf } from '../../lib/shortcuts';
import { useConfirm } from '../../workbench/confirm';
import { LinkedMarkdown } from '../notes/LinkedMarkdown';

export function HighlightNote({
  annotation,
  readOnly,
  startEditing,
  save,
}: {
  annotation: Annotation;
  readOnly: boolean;
  startEditing: boolean;
  /** Saves the note; resolves true once it is saved. */
  save: (note: string) => Promise<boolean>;
}): React.JSX.Element {
  const confirm = useConfirm();
  const hintId = useId();
  const draft = useDraftFields(annotation.id, { note: annotation.note }, annotation.updatedAt);
  const [editing, setEditing] = useState(startEditing && !readOnly);
  // After the editor closes, focus goes back to the button that opens it.
  const editButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (editing || !refocus.current) return;
    refocus.current = false;
    editButton.current?.focus();
  }, [editing]);
  const close = (): void => {
    refocus.current = true;
    setEditing(false);
  };
  const submit = async (): Promise<void> => {
    if (!draft.dirty) return close();
    if (await save(draft.values.note)) {
      draft.committed();
      close();
    }
  };
  const discard = (): void =>
    confirm({
      title: 'Discard this draft?',
      message: 'The note goes back to what was last saved; the text of the draft is gone.',
      confirmLabel: 'Discard draft',
      onConfirm: () => {
        draft.discard();
        close();
      },
    });

  if (editing) {
    return (
      <form
        aria-label="Highlight note"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        onKeyDown={(e) =>
          runShortcut('highlight-note', e, {
            'highlightNote.save': () => void submit(),
            // Closing keeps the draft: it stays under the note, marked, until saved or discarded.
            'highlightNote.cancel': close,
          })
        }
      >
        <label className="stack">
          Note (Markdown)
          <textarea
            value={draft.values.note}
            rows={6}
            autoFocus
            dir="auto"
            aria-describedby={hintId}
            // The caret at the end, to go on writing where the note stops.
            onFocus={(e) =>
              e.target.setSelectionRange(e.target.value.length, e.target.value.length)
            }
            onChange={(e) => draft.set('note', e.target.value)}
          />
        </label>
        <p id={hintId} className="muted small">
          {keysOf('highlightNote.save')} saves. {keysOf('highlightNote.cancel')} closes and keeps
          the draft.
        </p>
        {draft.stale && <StaleNotice />}
        <div className="row wrap">
          <button type="submit" className="primary">
            Save note
          </button>
          <button type="button" onClick={close}>
            Close
          </button>
          {draft.dirty && (
            <button type="button" onClick={discard}>
              Discard draft
            </button>
          )}
        </div>
      </form>
    );
  }

  return (
    <>
      {annotation.note ? (
        <LinkedMarkdown source={annotation.note} />
      ) : (
        <p className="muted">No note.</p>
      )}
      {draft.dirty && (
        <div className="draft-notice" role="group" aria-label="Unsaved draft of the note">
          <p>
            <strong>Draft, not saved:</strong>{' '}
            <span className="draft-text" dir="auto">
              {clip(draft.values.note) || '(empty note)'}
            </span>
          </p>
          {draft.stale && <StaleNotice />}
        </div>
      )}
      {!readOnly && (
        <div className="row wrap">
          <button type="button" ref={editButton} onClick={() => setEditing(true)}>
            {draft.dirty ? 'Continue draft' : annotation.note ? 'Edit note' : 'Add note'}
          </button>
          {draft.dirty && (
            <button type="button" onClick={discard}>
              Discard draft
            </button>
          )}
        </div>
      )}
    </>
  );
}

function StaleNotice(): React.JSX.Element {
  return (
    <p className="notice small" role="note">
      The saved note changed after this draft was begun: saving the draft replaces it.
    </p>
  );
}

const clip = (text: string): string => (text.length > 240 ? `${text.slice(0, 240)}…` : text);

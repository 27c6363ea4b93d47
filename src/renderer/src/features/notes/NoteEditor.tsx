// One note, open in the notes view: its title and Markdown body written and previewed, its
// `[[...]]` links resolved in the preview, the records it links, and deleting it. The text
// is saved with "Save note" (or Ctrl/Cmd+S, Ctrl/Cmd+Enter), each save one undoable step;
// every keystroke is a draft (../../hooks/use-draft.ts) kept across reloads, and leaving
// the note with changes not saved saves them, so nothing typed is lost.
import { useEffect, useId, useRef, useState } from 'react';
import { dropDrafts } from '../../store/drafts';
import { useDraftFields } from '../../hooks/use-draft';
import { keysOf } from '../../lib/shortcuts';
import type { Note } from '../../../../shared/model';
import { formatDate, noteTitle } from '../../lib/labels';
import { runShortcut } from '../../lib/keymap';
import { useConfirm } from '../../workbench/confirm';
import { useCommands, useWorkbench } from '../../workbench/context';
import { NoteLinks } from './NoteLinks';
import { LinkedMarkdown } from './LinkedMarkdown';
import { NoteBacklinks } from './NoteBacklinks';

type Fields = Pick<Note, 'title' | 'body'>;

export function NoteEditor({
  note,
  readOnly,
}: {
  note: Note;
  readOnly: boolean;
}): React.JSX.Element {
  const commands = useCommands();
  const { store } = useWorkbench();
  const confirm = useConfirm();
  const id = useId();
  const fields = useDraftFields(note.id, { title: note.title, body: note.body }, note.updatedAt);
  const draft = fields.values;
  const { changed, dirty } = fields;
  const [tab, setTab] = useState<'write' | 'preview'>('write');

  // What to save if the editor goes away (another note opened, another view): the latest
  // changes, unless the note is being deleted.
  const pending = useRef<{ changed: Partial<Fields>; deleting: boolean }>({
    changed: {},
    deleting: false,
  });
  useEffect(() => {
    pending.current.changed = readOnly ? {} : changed;
  });
  useEffect(
    () => () => {
      const { changed: left, deleting } = pending.current;
      if (deleting || !Object.keys(left).length) return;
      // Saved, the drafts go; refused, they stay for the next time the note opens.
      void commands.updateNote(note.id, left).then((saved) => {
        if (saved) store.dispatch(dropDrafts(note.id, Object.keys(left)));
      });
    },
    [commands, store, note.id],
  );

  const save = async (): Promise<void> => {
    if (dirty && (await commands.updateNote(note.id, changed))) fields.committed();
  };
  const discard = (): void =>
    confirm({
      title: 'Discard the changes?',
      message: 'The note goes back to what was last saved; what was typed since is gone.',
      confirmLabel: 'Discard changes',
      onConfirm: fields.discard,
    });
  const remove = (): void =>
    confirm({
      title: `Delete “${noteTitle(note)}”?`,
      message:
        'The note and its links are deleted; the entities, documents and highlights it links stay.',
      confirmLabel: 'Delete note',
      onConfirm: () => {
        pending.current.deleting = true;
        store.dispatch(dropDrafts(note.id));
        void commands.deleteNote(note.id);
      },
    });

  return (
    <article className="note-editor" aria-label={`Note: ${noteTitle(note)}`}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        onKeyDown={(event) => runShortcut('note-editor', event, { 'note.save': () => void save() })}
      >
        <fieldset disabled={readOnly}>
          <label className="stack">
            Title
            <input
              className="note-title-input"
              value={draft.title}
              maxLength={500}
              autoFocus={note.title === '' && note.body === ''}
              dir="auto"
              onChange={(e) => fields.set('title', e.target.value)}
            />
          </label>
          <div role="tablist" aria-label="Note body" className="note-tabs">
            {(['write', 'preview'] as const).map((t) => (
              <button
                key={t}
                type="button"
                role="tab"
                id={`${id}-${t}`}
                aria-selected={tab === t}
                aria-controls={`${id}-panel`}
                onClick={() => setTab(t)}
              >
                {t === 'write' ? 'Write' : 'Preview'}
              </button>
            ))}
          </div>
          <div
            id={`${id}-panel`}
            role="tabpanel"
            aria-labelledby={`${id}-${tab}`}
            className="note-body"
          >
            {tab === 'write' ? (
              <label className="stack">
                Body (Markdown)
                <textarea
                  value={draft.body}
                  rows={12}
                  maxLength={200_000}
                  dir="auto"
                  aria-describedby={`${id}-hint`}
                  onChange={(e) => fields.set('body', e.target.value)}
                />
                <span id={`${id}-hint`} className="muted small">
                  Name an entity or a document as [[Name]] to link it. {keysOf('note.save')} saves.
                </span>
              </label>
            ) : draft.body.trim() ? (
              <LinkedMarkdown source={draft.body} />
            ) : (
              <p className="muted">Nothing written yet.</p>
            )}
          </div>
          <div className="row wrap note-actions">
            <button type="submit" className="primary" disabled={!dirty}>
              Save note
            </button>
            <button type="button" disabled={!dirty} onClick={discard}>
              Discard changes
            </button>
            <span role="status" className="muted small">
              {dirty ? 'Unsaved changes, kept as a draft' : ''}
            </span>
          </div>
        </fieldset>
      </form>

      <NoteLinks note={note} readOnly={readOnly} />
      <NoteBacklinks target={{ kind: 'note', id: note.id }} title="Notes that link this note" />

      <dl className="dates">
        <dt>Created</dt>
        <dd>
          <time dateTime={note.createdAt}>{formatDate(note.createdAt)}</time>
        </dd>
        <dt>Updated</dt>
        <dd>
          <time dateTime={note.updatedAt}>{formatDate(note.updatedAt)}</time>
        </dd>
      </dl>
      {!readOnly && (
        <button type="button" className="danger" onClick={remove}>
          Delete note
        </button>
      )}
    </article>
  );
}

// One note, open in the notes view: its title and Markdown body written and previewed, its
// `[[...]]` links resolved in the preview, the records it links, and deleting it. The text
// is saved with "Save note" (or Ctrl/Cmd+S), each save one undoable step; leaving the note
// with changes not saved saves them, so nothing typed is lost.
import { useEffect, useId, useRef, useState } from 'react';
import type { Note } from '../../../../shared/model';
import { formatDate, noteTitle } from '../../lib/labels';
import { runShortcut } from '../../lib/keymap';
import { useConfirm } from '../../workbench/confirm';
import { useCommands } from '../../workbench/context';
import { NoteLinks } from './NoteLinks';
import { LinkedMarkdown } from './LinkedMarkdown';
import { NoteBacklinks } from './NoteBacklinks';

type Draft = Pick<Note, 'title' | 'body'>;

export function NoteEditor({
  note,
  readOnly,
}: {
  note: Note;
  readOnly: boolean;
}): React.JSX.Element {
  const commands = useCommands();
  const confirm = useConfirm();
  const id = useId();
  const [draft, setDraft] = useState<Draft>({ title: note.title, body: note.body });
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const changed: Partial<Draft> = {
    ...(draft.title !== note.title ? { title: draft.title } : {}),
    ...(draft.body !== note.body ? { body: draft.body } : {}),
  };
  const dirty = Object.keys(changed).length > 0;

  // What to save if the editor goes away (another note opened, another view): the latest
  // changes, unless the note is being deleted.
  const pending = useRef<{ changed: Partial<Draft>; deleting: boolean }>({
    changed: {},
    deleting: false,
  });
  useEffect(() => {
    pending.current.changed = readOnly ? {} : changed;
  });
  useEffect(
    () => () => {
      const { changed: left, deleting } = pending.current;
      if (!deleting && Object.keys(left).length) void commands.updateNote(note.id, left);
    },
    [commands, note.id],
  );

  const save = async (): Promise<void> => {
    if (dirty) await commands.updateNote(note.id, changed);
  };
  const remove = (): void =>
    confirm({
      title: `Delete “${noteTitle(note)}”?`,
      message:
        'The note and its links are deleted; the entities, documents and highlights it links stay.',
      confirmLabel: 'Delete note',
      onConfirm: () => {
        pending.current.deleting = true;
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
              onChange={(e) => setDraft({ ...draft, title: e.target.value })}
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
                  aria-describedby={`${id}-hint`}
                  onChange={(e) => setDraft({ ...draft, body: e.target.value })}
                />
                <span id={`${id}-hint`} className="muted small">
                  Name an entity or a document as [[Name]] to link it.
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
            <button
              type="button"
              disabled={!dirty}
              onClick={() => setDraft({ title: note.title, body: note.body })}
            >
              Discard changes
            </button>
            <span role="status" className="muted small">
              {dirty ? 'Unsaved changes' : ''}
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

// The notes view: every free-standing note, newest first, with when it was last changed and
// what it links; "New note"; and the open note, edited beside the list (above it in a
// narrow window).
import type { Note } from '../../../../shared/model';
import { formatDate, noteTitle, plural } from '../../lib/labels';
import { linkedRecords, type LinkIndex } from '../../lib/note-links';
import { useLinkIndex } from '../../hooks/use-link-index';
import {
  selectNotes,
  selectNotesLoaded,
  selectOpenNote,
  selectOpenNoteId,
} from '../../store/notes';
import { selectWorkspaceReadOnly } from '../../store/workspace';
import { useCommands, useSelector } from '../../workbench/context';
import { NoteEditor } from './NoteEditor';

/** What a note links, counting names in its body that resolve as well as chosen links. */
function linkCounts(note: Note, index: LinkIndex): string {
  const { entityIds, documentIds } = linkedRecords(note, index);
  return [
    plural(entityIds.size, 'entity'),
    plural(documentIds.size, 'document'),
    plural(note.annotationIds.length, 'highlight'),
  ].join(' · ');
}

export function NotesView(): React.JSX.Element {
  const commands = useCommands();
  const notes = useSelector(selectNotes);
  const loaded = useSelector(selectNotesLoaded);
  const openId = useSelector(selectOpenNoteId);
  const open = useSelector(selectOpenNote);
  const readOnly = useSelector(selectWorkspaceReadOnly);
  const index = useLinkIndex();
  return (
    <div className="notes-container">
      <div className="notes-view">
        <section className="notes-index" aria-labelledby="notes-heading">
          <div className="row spread">
            <h1 id="notes-heading">Notes</h1>
            {!readOnly && (
              <button type="button" onClick={() => void commands.createNote()}>
                New note
              </button>
            )}
          </div>
          {loaded && notes.length === 0 && (
            <p className="muted">
              No notes yet. A note written on a highlight stays with that highlight, in its panel
              and in the exports; a note here stands on its own and can link entities, documents and
              highlights, and name them in its text as [[Name]].
            </p>
          )}
          <ul className="notes-list" aria-label="All notes">
            {notes.map((note) => (
              <li key={note.id}>
                <button
                  type="button"
                  aria-current={note.id === openId ? 'true' : undefined}
                  onClick={() => commands.openNote(note.id)}
                >
                  <span className="note-list-title">{noteTitle(note)}</span>
                  <span className="muted small">
                    Updated <time dateTime={note.updatedAt}>{formatDate(note.updatedAt)}</time>
                  </span>
                  <span className="muted small">{linkCounts(note, index)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
        <div className="note-pane">
          {open ? (
            <NoteEditor key={open.id} note={open} readOnly={readOnly} />
          ) : (
            <p className="muted empty">
              {openId !== null && loaded
                ? 'This note no longer exists.'
                : 'Choose a note, or make a new one.'}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}

// The notes that link an entity, a document or a highlight (by a chosen link or, for
// entities and documents, by `[[...]]` in their text), each opening the note; and, where
// the caller asks for it, "New note about this", which makes a note linked to it.
import { useId, useMemo } from 'react';
import { noteTitle } from '../../lib/labels';
import { notesLinking, type BacklinkTarget } from '../../lib/note-links';
import { useLinkIndex } from '../../hooks/use-link-index';
import { selectNotes } from '../../store/notes';
import { selectWorkspaceReadOnly } from '../../store/workspace';
import type { NoteLinks } from '../../workbench/notes-commands';
import { useCommands, useSelector } from '../../workbench/context';

export function NoteBacklinks({
  target,
  newNote,
  compact = false,
  title = 'Linked notes',
}: {
  target: BacklinkTarget;
  /** The links a new note about the target gets; no "New note" button without them. */
  newNote?: NoteLinks;
  /** One line, for the document header; a section with a heading otherwise. */
  compact?: boolean;
  /** The section's heading, unique on the screen (it names a landmark). */
  title?: string;
}): React.JSX.Element | null {
  const commands = useCommands();
  const notes = useSelector(selectNotes);
  const readOnly = useSelector(selectWorkspaceReadOnly);
  const index = useLinkIndex();
  const headingId = useId();
  const { kind, id } = target;
  const linking = useMemo(() => notesLinking(notes, { kind, id }, index), [notes, kind, id, index]);
  const list = (
    <ul className="backlinks" aria-label="Notes linking this">
      {linking.map((note) => (
        <li key={note.id}>
          <button type="button" className="link" onClick={() => commands.openNote(note.id)}>
            {noteTitle(note)}
          </button>
        </li>
      ))}
    </ul>
  );
  if (compact)
    return linking.length === 0 ? null : (
      <div className="row wrap backlinks-line">
        <span className="muted">Notes:</span>
        {list}
      </div>
    );
  return (
    <section className="note-backlinks" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {linking.length > 0 ? list : <p className="muted small">No note links this yet.</p>}
      {newNote && !readOnly && (
        <button type="button" onClick={() => void commands.createNote(newNote)}>
          New note about this
        </button>
      )}
    </section>
  );
}

// The dossier's "Notes" section: the research notes about the entity (linked to it, or
// naming it with [[…]]), each with its title and its text, in one place under one heading,
// so a researcher reads what they wrote about the entity beside what the sources say.
// A highlight's own note stays with its passage (DossierView).
import { useMemo } from 'react';
import type { Entity } from '../../../../shared/model';
import { useLinkIndex } from '../../hooks/use-link-index';
import { noteTitle } from '../../lib/labels';
import { notesLinking } from '../../lib/note-links';
import { selectNotes } from '../../store/notes';
import { selectWorkspaceReadOnly } from '../../store/workspace';
import { useCommands, useSelector } from '../../workbench/context';
import { LinkedMarkdown } from '../notes/LinkedMarkdown';

export function DossierNotes({ entity }: { entity: Entity }): React.JSX.Element {
  const commands = useCommands();
  const notes = useSelector(selectNotes);
  const readOnly = useSelector(selectWorkspaceReadOnly);
  const index = useLinkIndex();
  const about = useMemo(
    () => notesLinking(notes, { kind: 'entity', id: entity.id }, index),
    [notes, entity.id, index],
  );
  return (
    <section aria-labelledby="dossier-notes" className="dossier-notes">
      <h2 id="dossier-notes">Notes</h2>
      {about.length === 0 && (
        <p className="muted">
          No note is about <bdi>{entity.name}</bdi> yet. Notes on a passage are under it below.
        </p>
      )}
      {about.length > 0 && (
        <ul className="dossier-note-list">
          {about.map((note) => (
            <li key={note.id}>
              <h3>
                <button type="button" className="link" onClick={() => commands.openNote(note.id)}>
                  {noteTitle(note)}
                </button>
              </h3>
              {note.body.trim() && <LinkedMarkdown source={note.body} />}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <button type="button" onClick={() => void commands.createNote({ entityIds: [entity.id] })}>
          New note about <bdi>{entity.name}</bdi>
        </button>
      )}
    </section>
  );
}

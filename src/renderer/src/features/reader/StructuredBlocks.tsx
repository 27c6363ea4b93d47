// The reader's blocks that are more than a run of text: a table (its cells, each a range
// of the text, under header cells that say what each column is), a figure (its image, kept
// with the document and read as a view of the store, never from the network, with its alt
// text and caption) and a note (a footnote gathered at the end, with a way back to where it is
// referred to, as the reference has a way to it). Only the text is the document's: the
// notes' heading and the back buttons are not, so offsets and selections ignore them.
import { createContext, useContext, type ReactNode } from 'react';
import type { Block } from '../../../../shared/model';
import { useView } from '../../hooks/use-view';

/** The document the reader shows, for what its blocks fetch or point at. */
export const ReaderDocument = createContext<{ id: string; text: string }>({ id: '', text: '' });

type BlockProps = Record<string, string | number>;

const noteId = (documentId: string, note: string): string => `note-${documentId}-${note}`;
const refId = (documentId: string, note: string): string => `ref-${documentId}-${note}`;

function reveal(id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  target.scrollIntoView({ block: 'center', behavior: 'smooth' });
  target.focus({ preventScroll: true });
}

export function TableElement({
  block,
  cells,
  props,
}: {
  block: Block;
  cells: ReactNode[][];
  props: BlockProps;
}): React.JSX.Element {
  const rows = block.rows ?? [];
  return (
    <div className="table-block" {...props}>
      <table>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.cells.map((cell, c) => {
                const content = cells[r]?.[c];
                const span = {
                  ...(cell.colSpan ? { colSpan: cell.colSpan } : {}),
                  ...(cell.rowSpan ? { rowSpan: cell.rowSpan } : {}),
                };
                return cell.header ? (
                  <th key={c} scope={r === 0 ? 'col' : 'row'} {...span}>
                    {content}
                  </th>
                ) : (
                  <td key={c} {...span}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A figure's image: a derived view of the store (store/views/originals.ts), which the core
 * answers from media/ after checking the bytes against their hash; never from the network.
 */
function FigureImage({ sha256, alt }: { sha256: string; alt: string }): React.JSX.Element {
  const { id } = useContext(ReaderDocument);
  const image = useView('media', { id, sha256 });
  if (image.error)
    return <span className="figure-placeholder muted">The image could not be shown.</span>;
  if (!image.data) return <span className="figure-placeholder muted">Loading image…</span>;
  return <img src={image.data.dataUrl} alt={alt} />;
}

export function FigureElement({
  block,
  props,
  children,
}: {
  block: Block;
  props: BlockProps;
  children: ReactNode;
}): React.JSX.Element {
  const { text } = useContext(ReaderDocument);
  const caption = text.slice(block.start, block.end);
  const image = block.image;
  // When the caption is the alt text itself, the image needs no second description.
  const alt = image?.alt && image.alt !== caption ? image.alt : '';
  return (
    <figure className="figure-block" {...props}>
      {image && <FigureImage sha256={image.sha256} alt={alt} />}
      <figcaption>{children}</figcaption>
    </figure>
  );
}

export function NoteElement({
  block,
  props,
  children,
}: {
  block: Block;
  props: BlockProps;
  children: ReactNode;
}): React.JSX.Element {
  const { id } = useContext(ReaderDocument);
  const note = block.note ?? '';
  return (
    <div className="note-block" {...props} id={noteId(id, note)} tabIndex={-1}>
      {/* Notes are named n1, n2… in order: the first opens the section, with a heading
          of the reader's own (not text of the document). */}
      {note === 'n1' && <h2 className="notes-heading">Notes</h2>}
      <button
        type="button"
        className="link note-back"
        aria-label={`Back to where note ${note.replace(/^n/, '')} is referred to`}
        onClick={() => reveal(refId(id, note))}
      >
        ↩
      </button>{' '}
      {children}
    </div>
  );
}

/** A reference to a note in the text: goes to the note, which has a way back. */
export function NoteRef({
  note,
  children,
}: {
  note: string;
  children: ReactNode;
}): React.JSX.Element {
  const { id } = useContext(ReaderDocument);
  return (
    <sup>
      <a
        id={refId(id, note)}
        href={`#${noteId(id, note)}`}
        className="note-ref"
        onClick={(event) => {
          event.preventDefault();
          event.stopPropagation();
          reveal(noteId(id, note));
        }}
      >
        {children}
      </a>
    </sup>
  );
}

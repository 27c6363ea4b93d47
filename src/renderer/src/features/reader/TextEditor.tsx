// Editing a document's text block by block: each paragraph, heading, list item or quote
// is a text field of its own, and deleting a whole block (an ad teaser, a caption) is one
// click. The text between blocks is kept as it was, so saving changes only what was
// edited; the core carries blocks, marks and highlights through the change.
import { useState } from 'react';
import type { Block, Document } from '../../../../shared/model';

const KIND: Record<Block['kind'], string> = {
  heading: 'Heading',
  paragraph: 'Paragraph',
  'list-item': 'List item',
  quote: 'Quote',
  table: 'Table (a tab between cells, a line per row)',
  figure: 'Figure caption',
  note: 'Note',
};

interface Draft {
  block: Block;
  /** The text before this block (after the previous one), kept as it was. */
  gap: string;
  text: string;
  deleted: boolean;
}

function draftsOf(document: Document): { drafts: Draft[]; tail: string } {
  let at = 0;
  const drafts = document.blocks.map((block) => {
    const gap = document.text.slice(at, block.start);
    at = block.end;
    return { block, gap, text: document.text.slice(block.start, block.end), deleted: false };
  });
  return { drafts, tail: document.text.slice(at) };
}

/** The new text: kept blocks with the gaps before them; a deleted block takes its gap along. */
export function composeText(drafts: readonly Draft[], tail: string): string {
  const kept = drafts.filter((d) => !d.deleted);
  return kept.map((d, i) => (i === 0 ? drafts[0]!.gap : d.gap) + d.text).join('') + tail;
}

export function TextEditor({
  document,
  onSave,
  onCancel,
}: {
  document: Document;
  onSave: (text: string) => Promise<boolean>;
  onCancel: () => void;
}): React.JSX.Element {
  const [{ drafts, tail }, setState] = useState(() => draftsOf(document));
  const [saving, setSaving] = useState(false);
  const update = (i: number, change: Partial<Draft>): void =>
    setState((s) => ({
      ...s,
      drafts: s.drafts.map((d, j) => (j === i ? { ...d, ...change } : d)),
    }));
  const text = composeText(drafts, tail);
  const changed = text !== document.text;

  return (
    <form
      className="text-editor"
      aria-label="Edit text"
      onSubmit={(e) => {
        e.preventDefault();
        setSaving(true);
        void onSave(text).finally(() => setSaving(false));
      }}
    >
      <div className="row spread editor-bar">
        <p className="muted">
          Editing revision {document.revision}. Highlights are re-anchored when you save.
        </p>
        <div className="row">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!changed || !text.trim() || saving}>
            Save text
          </button>
        </div>
      </div>
      <ol className="editor-blocks">
        {drafts.map((d, i) => {
          const name = `${KIND[d.block.kind]} ${i + 1}`;
          return (
            <li key={i} className={d.deleted ? 'deleted' : undefined}>
              <div className="row spread">
                <span className="muted">{name}</span>
                <button
                  type="button"
                  className="link"
                  aria-label={
                    d.deleted ? `Restore ${name.toLowerCase()}` : `Delete ${name.toLowerCase()}`
                  }
                  onClick={() => update(i, { deleted: !d.deleted })}
                >
                  {d.deleted ? 'Restore' : 'Delete'}
                </button>
              </div>
              {d.deleted ? (
                <p className="muted clamp">
                  <s>{d.text}</s>
                </p>
              ) : (
                <textarea
                  aria-label={name}
                  className={`editor-${d.block.kind}`}
                  value={d.text}
                  rows={Math.max(
                    1,
                    Math.ceil(d.text.length / 90) + (d.text.match(/\n/g)?.length ?? 0),
                  )}
                  onChange={(e) => update(i, { text: e.target.value })}
                />
              )}
            </li>
          );
        })}
      </ol>
    </form>
  );
}

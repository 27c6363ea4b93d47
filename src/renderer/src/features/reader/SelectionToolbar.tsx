// The small toolbar shown at a selection: highlight in one of four kinds, or highlight
// and go straight on to tagging an entity or writing a note; while a highlight waits to
// be re-attached, only "Re-attach here".
import type { AnnotationKind } from '../../../../shared/model';
import { ANNOTATION_KINDS } from '../../../../shared/model';
import { KIND_LABELS } from '../../lib/labels';

export type SelectionIntent = 'highlight' | 'tag' | 'note';

export function SelectionToolbar({
  rect,
  onChoose,
  onReattach,
}: {
  rect: { top: number; bottom: number; left: number; width: number };
  onChoose: (kind: AnnotationKind, intent: SelectionIntent) => void;
  onReattach?: () => void;
}): React.JSX.Element {
  // Above the selection when there is room, else below it; always inside the window.
  const above = rect.top - 48;
  const top = Math.min(window.innerHeight - 56, Math.max(8, above >= 8 ? above : rect.bottom + 8));
  const left = Math.max(8, Math.min(window.innerWidth - 420, rect.left + rect.width / 2 - 200));
  return (
    <div
      role="toolbar"
      aria-label="Selection"
      className="selection-toolbar"
      style={{ top, left }}
      // Keep the text selection alive while the toolbar is clicked.
      onMouseDown={(event) => event.preventDefault()}
    >
      {onReattach ? (
        <button type="button" className="primary" onClick={onReattach}>
          Re-attach here
        </button>
      ) : (
        <Choices onChoose={onChoose} />
      )}
    </div>
  );
}

function Choices({
  onChoose,
}: {
  onChoose: (kind: AnnotationKind, intent: SelectionIntent) => void;
}): React.JSX.Element {
  return (
    <>
      {ANNOTATION_KINDS.map((kind, i) => (
        <button
          key={kind}
          type="button"
          className={`swatch swatch-${kind}`}
          aria-label={`Highlight as ${KIND_LABELS[kind].toLowerCase()}`}
          title={`Highlight as ${KIND_LABELS[kind].toLowerCase()} (${i === 0 ? 'H or 1' : i + 1})`}
          onClick={() => onChoose(kind, 'highlight')}
        >
          {KIND_LABELS[kind]}
        </button>
      ))}
      <span className="divider" aria-hidden="true" />
      <button type="button" onClick={() => onChoose('quote', 'tag')}>
        Tag entity…
      </button>
      <button type="button" onClick={() => onChoose('quote', 'note')}>
        Add note…
      </button>
    </>
  );
}

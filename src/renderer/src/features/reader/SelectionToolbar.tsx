// The small toolbar shown at a selection: highlight in one of the codebook's kinds, or
// highlight and go straight on to tagging an entity or writing a note; while a highlight
// waits to be re-attached, only "Re-attach here".
import { kindKey } from '../../../../shared/codebook/codebook';
import type { AnnotationKind } from '../../../../shared/model';
import { selectCodebook } from '../../store/codebook';
import { useSelector } from '../../workbench/context';

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
  const codebook = useSelector(selectCodebook);
  const first = codebook.kinds[0]!.id;
  return (
    <>
      {codebook.kinds.map(({ id, label }, i) => {
        const key = kindKey(codebook, id);
        const keys = i === 0 ? ' (H or 1)' : key ? ` (${key})` : '';
        return (
          <button
            key={id}
            type="button"
            className={`swatch swatch-${id}`}
            aria-label={`Highlight as ${label.toLowerCase()}`}
            title={`Highlight as ${label.toLowerCase()}${keys}`}
            onClick={() => onChoose(id, 'highlight')}
          >
            {label}
          </button>
        );
      })}
      <span className="divider" aria-hidden="true" />
      <button type="button" onClick={() => onChoose(first, 'tag')}>
        Tag entity…
      </button>
      <button type="button" onClick={() => onChoose(first, 'note')}>
        Add note…
      </button>
    </>
  );
}

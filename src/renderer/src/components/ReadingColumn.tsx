// The middle column: the open document in the reader, or why there is none.
import type { AnnotationKind } from '../../../shared/model';
import { selectDocumentList, selectView, selectViewError } from '../store/documents';
import { selectFocus, selectOpenAnnotation, showAnnotation } from '../store/selection';
import { useCommands, useSelector, useWorkbench } from '../workbench/context';
import { Reader } from './Reader';
import type { SelectionIntent } from './SelectionToolbar';

export function ReadingColumn(): React.JSX.Element {
  const { store } = useWorkbench();
  const commands = useCommands();
  const view = useSelector(selectView);
  const error = useSelector(selectViewError);
  const noDocuments = useSelector((s) => selectDocumentList(s)?.length === 0);
  const selected = useSelector(selectOpenAnnotation);
  const focus = useSelector(selectFocus);

  const create = (
    range: { start: number; end: number },
    kind: AnnotationKind,
    intent: SelectionIntent,
  ): void => void commands.createHighlight(range, kind, intent === 'highlight' ? null : intent);

  return (
    <main className="reading">
      {view ? (
        <Reader
          view={view}
          selectedId={selected?.id ?? null}
          focus={focus}
          onSelectAnnotation={(id) => store.dispatch(showAnnotation(id))}
          onCreate={create}
        />
      ) : (
        <p className="muted empty">{error ?? (noDocuments ? 'No documents yet.' : 'Loading…')}</p>
      )}
    </main>
  );
}

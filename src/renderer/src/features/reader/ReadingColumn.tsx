// The middle column: the open document's provenance and text in the reader (or in the
// block editor while its text is being edited, or its original: a PDF's pages, a saved
// web page as it was), or why there is none.
import { useRef, useState } from 'react';
import { useRememberedScroll } from '../../hooks/use-remembered-scroll';
import type { AnnotationKind } from '../../../../shared/model';
import { selectDocumentList, selectView, selectViewError } from '../../store/documents';
import {
  selectFocus,
  selectOpenAnnotation,
  selectReattachId,
  showAnnotation,
} from '../../store/selection';
import { selectLayout } from '../../store/layout';
import { selectWorkspaceReadOnly } from '../../store/workspace';
import { useCommands, useSelector, useWorkbench } from '../../workbench/context';
import { DetailsDialog } from '../shell/DetailsDialog';
import { DocumentHeader } from './DocumentHeader';
import { Reader } from './Reader';
import { ReadingSettings } from './ReadingSettings';
import type { SelectionIntent } from './SelectionToolbar';
import { TextEditor } from './TextEditor';
import { OriginalPage } from './OriginalPage';
import { PageView } from './PageView';
import { originalAction } from './SourceEvidence';
import { selectReading, showReading } from '../../store/reading';

export function ReadingColumn(): React.JSX.Element {
  const { store } = useWorkbench();
  const commands = useCommands();
  const view = useSelector(selectView);
  const error = useSelector(selectViewError);
  const noDocuments = useSelector((s) => selectDocumentList(s)?.length === 0);
  const selected = useSelector(selectOpenAnnotation);
  const focus = useSelector(selectFocus);
  const reattachId = useSelector(selectReattachId);
  const workspaceReadOnly = useSelector(selectWorkspaceReadOnly);
  const reading = useSelector(selectReading);
  const { fontSize, measure } = useSelector(selectLayout);
  const scroller = useRef<HTMLDivElement>(null);
  useRememberedScroll(scroller, view?.document.id, focus?.documentId === view?.document.id);
  // Which document is being edited or described: opening another one leaves both modes.
  const [editing, setEditing] = useState<string | null>(null);
  const [describing, setDescribing] = useState<string | null>(null);

  const create = (
    range: { start: number; end: number },
    kind: AnnotationKind,
    intent: SelectionIntent,
  ): Promise<void> => commands.createHighlight(range, kind, intent === 'highlight' ? null : intent);

  if (!view)
    return (
      <div className="reading">
        {noDocuments && !error ? (
          // The page's one heading while there is nothing to read (axe page-has-heading-one).
          <h1 className="muted empty">No documents yet.</h1>
        ) : (
          <p className="muted empty">{error ?? 'Loading…'}</p>
        )}
      </div>
    );
  const { document } = view;
  const readOnly = workspaceReadOnly || view.readOnly;
  const mode = reading.documentId === document.id ? reading.mode : 'text';
  const style = {
    '--reader-size': `${fontSize}px`,
    '--reader-measure': `${measure}ch`,
  } as React.CSSProperties;
  return (
    <div className="reading" style={style} ref={scroller}>
      <ReadingSettings />
      <DocumentHeader
        view={view}
        readOnly={readOnly || editing === document.id}
        onEditDetails={() => setDescribing(document.id)}
        onEditText={() => setEditing(document.id)}
        onReview={commands.openReview}
        onOpenOriginal={() => {
          const action = originalAction(document);
          if (action === 'save') void commands.saveOriginal(document.id);
          else if (action) store.dispatch(showReading(document.id, action));
        }}
        onUseDate={(date) => void commands.confirmPublishedDate(document.id, date)}
      />
      {describing === document.id && (
        <DetailsDialog
          key={`${document.id}:${document.updatedAt}`}
          document={document}
          open
          onSave={(patch) => commands.updateDetails(document.id, patch)}
          onClose={() => setDescribing(null)}
        />
      )}
      {mode === 'pages' && editing !== document.id ? (
        <PageView
          key={document.id}
          view={view}
          readOnly={readOnly}
          selectedId={selected?.id ?? null}
          page={reading.page}
          request={reading.request}
          onSelectAnnotation={(id) => store.dispatch(showAnnotation(id))}
          onCreate={create}
          onCreateRegion={(region) => void commands.createRegion(document.id, region, 'quote')}
          onShowText={() => store.dispatch(showReading(document.id, 'text'))}
        />
      ) : mode === 'web' && editing !== document.id ? (
        <OriginalPage
          key={document.id}
          view={view}
          onShowText={() => store.dispatch(showReading(document.id, 'text'))}
        />
      ) : editing === document.id && !readOnly ? (
        <TextEditor
          key={`${document.id}:${document.revision}`}
          document={document}
          onCancel={() => setEditing(null)}
          onSave={async (text) => {
            const saved = await commands.saveText(document.id, document.revision, text);
            if (saved) setEditing(null);
            return saved;
          }}
        />
      ) : (
        <Reader
          view={view}
          selectedId={selected?.id ?? null}
          focus={focus}
          onSelectAnnotation={(id) => store.dispatch(showAnnotation(id))}
          onCreate={create}
          {...(reattachId
            ? { onReattach: (range) => void commands.reattachHighlight(reattachId, range) }
            : {})}
        />
      )}
    </div>
  );
}

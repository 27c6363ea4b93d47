// The left column: the documents of the workspace, its entities and its tags.
import type { DocumentListItem } from '../../../../shared/api';
import { plural } from '../../lib/labels';
import { selectCurrentDocumentId, selectDocumentList } from '../../store/documents';
import { selectEntities } from '../../store/entities';
import { selectOpenEntityId, showEntity } from '../../store/selection';
import { selectWorkspaceReadOnly } from '../../store/workspace';
import { useConfirm } from '../../workbench/confirm';
import { useCommands, useSelector, useWorkbench } from '../../workbench/context';
import { CandidatesPanel } from '../entities/CandidatesPanel';
import { EntitiesPanel } from '../entities/EntitiesPanel';
import { DocumentList } from '../shell/Sidebar';
import { TagsPanel } from '../research/TagsPanel';

const NO_DOCUMENTS: DocumentListItem[] = [];

export function LibraryColumn(): React.JSX.Element {
  const { store } = useWorkbench();
  const commands = useCommands();
  const confirm = useConfirm();
  const documents = useSelector(selectDocumentList) ?? NO_DOCUMENTS;
  const currentId = useSelector(selectCurrentDocumentId);
  const entities = useSelector(selectEntities);
  const entityId = useSelector(selectOpenEntityId);
  const readOnly = useSelector(selectWorkspaceReadOnly);

  const deleteDocument = (doc: DocumentListItem): void =>
    confirm({
      title: `Delete “${doc.title}”?`,
      message:
        `${plural(doc.annotationCount, 'highlight')} will be deleted with it. ` +
        'Its file is moved to the workspace’s trash folder, where it can be recovered.',
      confirmLabel: 'Delete document',
      onConfirm: () => void commands.deleteDocument(doc),
    });

  return (
    <div className="library">
      <DocumentList
        documents={documents}
        currentId={currentId}
        onOpen={commands.openDocument}
        {...(readOnly ? {} : { onDelete: deleteDocument })}
      />
      <EntitiesPanel
        entities={entities}
        selectedId={entityId}
        readOnly={readOnly}
        onOpen={(id) => store.dispatch(showEntity(id))}
        onNew={() => store.dispatch({ type: 'selection/panel', panel: { type: 'new-entity' } })}
      />
      <TagsPanel />
      <CandidatesPanel readOnly={readOnly} />
    </div>
  );
}

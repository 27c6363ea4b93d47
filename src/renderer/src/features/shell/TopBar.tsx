// The bar across the top: search, import and export, undo and redo, and where the
// workspace is on disk.
import { selectCurrentDocumentId } from '../../store/documents';
import { selectEntities } from '../../store/entities';
import { selectInfo, selectWorkspaceReadOnly } from '../../store/workspace';
import { useCommands, useSelector } from '../../workbench/context';
import { HistoryButtons } from './HistoryButtons';
import { LibraryActions } from '../library/LibraryActions';
import { PanelToggle } from './PanelToggles';
import { SearchBox } from '../search/SearchBox';

export function TopBar(): React.JSX.Element {
  const info = useSelector(selectInfo);
  const readOnly = useSelector(selectWorkspaceReadOnly);
  const currentId = useSelector(selectCurrentDocumentId);
  const entities = useSelector(selectEntities);
  const commands = useCommands();
  return (
    <header className="topbar">
      <button
        type="button"
        className="skip-link"
        onClick={() =>
          (
            document.querySelector<HTMLElement>('article.reader') ??
            document.querySelector<HTMLElement>('main')
          )?.focus()
        }
      >
        Skip to the document
      </button>
      <span className="brand">Research Workbench</span>
      <PanelToggle side="library" />
      <SearchBox currentDocumentId={currentId} entities={entities} />
      <LibraryActions readOnly={readOnly} onImported={commands.imported} />
      {!readOnly && <HistoryButtons />}
      <span className="muted workspace-path" title={info?.path}>
        {info?.path}
      </span>
      <PanelToggle side="details" />
    </header>
  );
}

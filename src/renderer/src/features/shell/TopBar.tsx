// The bar across the top: search, import and export, undo and redo, and the workspace. In
// a small window (or at 200-400 % zoom) it is one row: the two panel toggles, search and a
// "More" button that opens the rest below the bar, so the bar never takes the screen.
import { useEffect, useRef, useState } from 'react';
import { selectCurrentDocumentId } from '../../store/documents';
import { selectEntities } from '../../store/entities';
import { selectInfo, selectWorkspaceReadOnly } from '../../store/workspace';
import { useCommands, useSelector } from '../../workbench/context';
import { HistoryButtons } from './HistoryButtons';
import { LibraryActions } from '../library/LibraryActions';
import { PanelToggle } from './PanelToggles';
import { SearchBox } from '../search/SearchBox';
import { SyncStatus, TeamActions } from '../team/SyncStatus';
import { pathTail } from '../../lib/short-path';

export function TopBar(): React.JSX.Element {
  const info = useSelector(selectInfo);
  const readOnly = useSelector(selectWorkspaceReadOnly);
  const currentId = useSelector(selectCurrentDocumentId);
  const entities = useSelector(selectEntities);
  const commands = useCommands();
  const { more, setMore, toggle, moreRef, closeMore } = useMoreMenu();
  return (
    <header
      className="topbar"
      onKeyDown={(event) => {
        // Escape closes "More", unless a dialog, a menu or the search results take it.
        if (event.key !== 'Escape' || event.defaultPrevented || !more) return;
        if (event.target instanceof Element && event.target.closest('dialog, [role="menu"]'))
          return;
        event.preventDefault();
        closeMore(true);
      }}
    >
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
      <SyncStatus />
      <button
        type="button"
        ref={toggle}
        className="more-toggle"
        aria-expanded={more}
        aria-controls="topbar-more"
        onClick={() => setMore(!more)}
      >
        More
      </button>
      <div id="topbar-more" ref={moreRef} className={more ? 'topbar-more open' : 'topbar-more'}>
        <LibraryActions readOnly={readOnly} onImported={commands.imported} />
        {!readOnly && <HistoryButtons />}
        <TeamActions readOnly={readOnly} />
        {info && (
          <span className="muted workspace-path" title={info.path}>
            {/* The end of the path tells workspaces apart; the whole is read out. */}
            <span className="visually-hidden">Workspace: {info.path}</span>
            <span className="path-tail" aria-hidden="true" dir="ltr">
              {pathTail(info.path)}
            </span>
            <span className="path-whole" aria-hidden="true" dir="ltr">
              {info.path}
            </span>
          </span>
        )}
        <button type="button" onClick={() => void commands.showWorkspaces()}>
          Workspaces…
        </button>
      </div>
      <PanelToggle side="details" />
    </header>
  );
}

/**
 * The "More" menu's state: opened by its button, closed by Escape (focus back to the
 * button), by a click outside it, or by focus leaving it for the rest of the window.
 */
function useMoreMenu() {
  const [more, setMore] = useState(false);
  const moreRef = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!more) return;
    const inside = (target: EventTarget | null): boolean =>
      target instanceof Node &&
      (moreRef.current?.contains(target) === true || toggle.current?.contains(target) === true);
    const onPointer = (event: PointerEvent): void => {
      if (!inside(event.target)) setMore(false);
    };
    const onFocus = (event: FocusEvent): void => {
      // A modal dialog opened from the menu is inside it; the rest of the window is not.
      if (!inside(event.target)) setMore(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('focusin', onFocus);
    };
  }, [more]);
  return {
    more,
    setMore,
    toggle,
    moreRef,
    closeMore: (refocus = false): void => {
      setMore(false);
      if (refocus) toggle.current?.focus();
    },
  };
}

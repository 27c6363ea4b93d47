// The bar across the top, one row at every width: the panel toggles, search, import, paste,
// export, undo and redo, and a "More" button opening the tools used now and then (import
// annotations, verify quotes, team sharing, the workspace) below the bar. In a small window
// (or at 200-400 % zoom) "More" holds every tool but the toggles and search, so the bar
// never takes the screen.
import { useEffect, useRef, useState } from 'react';
import { selectCurrentDocumentId } from '../../store/documents';
import { selectEntities } from '../../store/entities';
import { selectInfo, selectWorkspaceReadOnly } from '../../store/workspace';
import { useCommands, useSelector } from '../../workbench/context';
import { HistoryButtons } from './HistoryButtons';
import { AnnotationActions } from '../library/AnnotationActions';
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
  const { more, setMore, compactToggle, wideToggle, moreRef, closeMore } = useMoreMenu();
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
      {/* A narrow window's "More" holds every tool; a wide window's only the ones used now
          and then, the daily ones (import, paste, export, undo) staying in the row. */}
      <MoreToggle
        more={more}
        setMore={setMore}
        button={compactToggle}
        controls="topbar-more"
        className="more-compact"
      />
      <div id="topbar-more" ref={moreRef} className={more ? 'topbar-more open' : 'topbar-more'}>
        <div className="topbar-main">
          <LibraryActions readOnly={readOnly} onImported={commands.imported} />
          {!readOnly && <HistoryButtons />}
        </div>
        <MoreToggle
          more={more}
          setMore={setMore}
          button={wideToggle}
          controls="topbar-extra"
          className="more-wide"
        />
        <div id="topbar-extra" className="topbar-extra">
          <AnnotationActions readOnly={readOnly} />
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
      </div>
      <PanelToggle side="details" />
    </header>
  );
}

/** One of the two "More" buttons: the narrow window's (all tools) or the wide one's (the rest). */
function MoreToggle({
  more,
  setMore,
  button,
  controls,
  className,
}: {
  more: boolean;
  setMore: (open: boolean) => void;
  button: React.RefObject<HTMLButtonElement | null>;
  controls: string;
  className: string;
}): React.JSX.Element {
  return (
    <button
      type="button"
      ref={button}
      className={`more-toggle ${className}`}
      aria-expanded={more}
      aria-controls={controls}
      onClick={() => setMore(!more)}
    >
      More
    </button>
  );
}

/**
 * The "More" menu's state: opened by its button, closed by Escape (focus back to the
 * button shown), by a click outside it, or by focus leaving it for the rest of the window.
 */
function useMoreMenu() {
  const [more, setMore] = useState(false);
  const moreRef = useRef<HTMLDivElement>(null);
  const compactToggle = useRef<HTMLButtonElement>(null);
  const wideToggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!more) return;
    // The wide button is inside the menu's element; the narrow one is not.
    const inside = (target: EventTarget | null): boolean =>
      target instanceof Node &&
      (moreRef.current?.contains(target) === true ||
        compactToggle.current?.contains(target) === true);
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
    compactToggle,
    wideToggle,
    moreRef,
    closeMore: (refocus = false): void => {
      setMore(false);
      if (!refocus) return;
      // Only one of the two buttons is shown (reflow.css): the other has no box.
      const shown = [wideToggle.current, compactToggle.current].find(
        (b) => b && b.getClientRects().length > 0,
      );
      (shown ?? compactToggle.current)?.focus();
    },
  };
}

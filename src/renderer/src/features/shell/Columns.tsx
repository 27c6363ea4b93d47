// The three columns of the window. Wide, the library and details are columns the user
// collapses (from the top bar) and resizes (by dragging or with the arrow keys on the
// divider). Narrow, the reader has the whole width and a side opens as a drawer over it,
// closed by its button, by Escape or by choosing something in it.
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import {
  closeSide,
  NARROW_WIDTH,
  PANEL_WIDTH,
  selectLayout,
  windowNarrowed,
  type Side,
} from '../../store/layout';
import { useSelector, useWorkbench } from '../../workbench/context';
import { DetailsColumn } from './DetailsColumn';
import { ErrorBoundary } from './ErrorBoundary';
import { LibraryColumn } from '../library/LibraryColumn';
import { MainColumn } from './MainColumn';

/** The reading column's least width in a wide window: about 48 characters of text. */
const MIN_READER = 460;

const LABELS: Record<Side, string> = { library: 'Library', details: 'Details' };

/** Follows the window's width across NARROW_WIDTH. */
function useNarrowWindow(): void {
  const { store } = useWorkbench();
  useEffect(() => {
    // Without media queries (a test DOM) the window is taken as wide.
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(`(max-width: ${NARROW_WIDTH - 0.02}px)`);
    const update = (): void => store.dispatch(windowNarrowed(store.getState(), query.matches));
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, [store]);
}

export function Columns(): React.JSX.Element {
  useNarrowWindow();
  const layout = useSelector(selectLayout);
  const { library, details, narrow, drawer } = layout;
  // One tree for both shapes, keyed, so that crossing the width keeps the reader's state
  // (an edit in progress, the scroll position) instead of mounting it again.
  const side = (width: number): string => `minmax(${PANEL_WIDTH.min}px, ${width}px)`;
  const tracks = narrow
    ? ['minmax(0, 1fr)']
    : [
        library.open ? side(library.width) : '',
        `minmax(${MIN_READER}px, 1fr)`,
        details.open ? side(details.width) : '',
      ];
  return (
    <div
      className={narrow ? 'columns narrow' : 'columns'}
      style={{ gridTemplateColumns: tracks.join(' ') }}
    >
      {(narrow ? drawer === 'library' : library.open) && (
        <Panel key="library" side="library" narrow={narrow} width={library.width}>
          <Library />
        </Panel>
      )}
      <MainColumn key="main" />
      {(narrow ? drawer === 'details' : details.open) && (
        <Panel key="details" side="details" narrow={narrow} width={details.width}>
          <Details />
        </Panel>
      )}
    </div>
  );
}

const Library = (): React.JSX.Element => (
  <ErrorBoundary name="The library">
    <LibraryColumn />
  </ErrorBoundary>
);

const Details = (): React.JSX.Element => (
  <ErrorBoundary name="The details column">
    <DetailsColumn />
  </ErrorBoundary>
);

/** A side's landmark: the column itself, or the drawer. */
function Side({
  side,
  className = '',
  children,
}: {
  side: Side;
  className?: string;
  children: ReactNode;
}): React.JSX.Element {
  return (
    <aside
      id={`${side}-panel`}
      aria-label={LABELS[side]}
      className={`side side-${side} ${className}`}
    >
      {children}
    </aside>
  );
}

/** The line between a side column and the reader: drag it, or focus it and press arrows. */
function Divider({ side, width }: { side: Side; width: number }): React.JSX.Element {
  const { store } = useWorkbench();
  const setWidth = (next: number): void =>
    store.dispatch({ type: 'layout/width', side, width: next });
  // The library grows to the right, the details column to the left (in a left-to-right page).
  const sign = side === 'library' ? 1 : -1;
  const rtl = (): boolean => document.documentElement.dir === 'rtl';
  return (
    <div
      role="separator"
      tabIndex={0}
      aria-orientation="vertical"
      aria-label={`Resize the ${side} panel`}
      aria-controls={`${side}-panel`}
      aria-valuenow={width}
      aria-valuemin={PANEL_WIDTH.min}
      aria-valuemax={PANEL_WIDTH.max}
      className="divider"
      onKeyDown={(event) => {
        const step = event.shiftKey ? 64 : 16;
        const direction = rtl() ? -sign : sign;
        if (event.key === 'ArrowRight') setWidth(width + step * direction);
        else if (event.key === 'ArrowLeft') setWidth(width - step * direction);
        else if (event.key === 'Home') setWidth(PANEL_WIDTH.min);
        else if (event.key === 'End') setWidth(PANEL_WIDTH.max);
        else return;
        event.preventDefault();
      }}
      onPointerDown={(event) => {
        const handle = event.currentTarget;
        handle.setPointerCapture(event.pointerId);
        const startX = event.clientX;
        const direction = rtl() ? -sign : sign;
        const move = (e: PointerEvent): void => setWidth(width + (e.clientX - startX) * direction);
        const end = (): void => {
          handle.removeEventListener('pointermove', move);
          handle.removeEventListener('pointerup', end);
          handle.removeEventListener('pointercancel', end);
        };
        handle.addEventListener('pointermove', move);
        handle.addEventListener('pointerup', end);
        handle.addEventListener('pointercancel', end);
      }}
    />
  );
}

/**
 * A side: a column beside the reader in a wide window, a drawer over it in a narrow one.
 * One element in both shapes, so that crossing the width keeps what is open inside it (a
 * note being written, an entity's form) instead of mounting it again. As a drawer, focus
 * moves into it when it opens and back to the button that opened it when it closes;
 * Escape not taken by something inside closes it.
 */
function Panel({
  side,
  narrow,
  width,
  children,
}: {
  side: Side;
  narrow: boolean;
  width: number;
  children: ReactNode;
}): React.JSX.Element {
  const { store } = useWorkbench();
  const ref = useRef<HTMLDivElement>(null);
  useDrawerFocus(ref, side, narrow);
  const close = (): void => store.dispatch(closeSide(side));
  return (
    <>
      {narrow && <div className="drawer-backdrop" aria-hidden="true" onClick={close} />}
      <div
        ref={ref}
        className={narrow ? 'drawer-frame' : 'side-frame'}
        onKeyDown={(event) => {
          if (!narrow || event.key !== 'Escape' || event.defaultPrevented) return;
          event.preventDefault();
          close();
        }}
      >
        <Side side={side} className={narrow ? `drawer drawer-${side}` : ''}>
          {narrow && (
            <button type="button" className="drawer-close" onClick={close}>
              Close {side}
            </button>
          )}
          {children}
          {!narrow && <Divider side={side} width={width} />}
        </Side>
      </div>
    </>
  );
}

/** A drawer takes focus when it opens and gives it back when it closes, not when it widens. */
function useDrawerFocus(ref: RefObject<HTMLDivElement | null>, side: Side, narrow: boolean): void {
  useEffect(() => {
    if (!narrow) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const panel = ref.current;
    // Something inside may already have taken focus (a form's first field): leave it there.
    if (panel && !panel.contains(document.activeElement)) {
      panel.querySelector<HTMLElement>('h2[tabindex]')?.focus();
      if (!panel.contains(document.activeElement))
        panel.querySelector<HTMLElement>('button')?.focus();
    }
    return () => {
      // Still on screen (the window widened and the drawer became a column): focus stays
      // where the user is, in a note being written or in the reader.
      if (panel?.isConnected) return;
      // Back to the opener if it is still there; else to the toggle for this side.
      if (opener?.isConnected && opener !== document.body) opener.focus();
      else document.getElementById(`toggle-${side}`)?.focus();
    };
  }, [ref, side, narrow]);
}

// The layout concern: which side panels are open and how wide, the reading size and line
// width, and whether the window is narrow. In a wide window the panels are columns the
// user collapses and resizes; in a narrow one (below NARROW_WIDTH) they are drawers over
// the reader, one at a time. What the user chose is remembered (see saveLayout).
import type { Action, State } from './index';

export type Side = 'library' | 'details';

export interface SidePanel {
  open: boolean;
  /** CSS pixels, within PANEL_WIDTH. */
  width: number;
}

export interface LayoutState {
  library: SidePanel;
  details: SidePanel;
  /** The reader's font size in CSS pixels, within FONT_SIZE. */
  fontSize: number;
  /** The reader's line length in characters, within MEASURE. */
  measure: number;
  narrow: boolean;
  /** In a narrow window: the side shown as a drawer over the reader, if any. */
  drawer: Side | null;
}

export type LayoutAction =
  | { type: 'layout/toggle'; side: Side }
  | { type: 'layout/close'; side: Side }
  | { type: 'layout/width'; side: Side; width: number }
  | { type: 'layout/fontSize'; fontSize: number }
  | { type: 'layout/measure'; measure: number }
  /** `keep`: the side that stays on screen, as a drawer, when the window narrows. */
  | { type: 'layout/narrow'; narrow: boolean; keep?: Side | null };

/** Below this window width the side panels become drawers. */
export const NARROW_WIDTH = 1000;
export const PANEL_WIDTH = { min: 180, max: 560 } as const;
export const FONT_SIZE = { min: 14, max: 28, step: 1 } as const;
export const MEASURE = { min: 45, max: 100, step: 5 } as const;

export const initialLayout: LayoutState = {
  library: { open: true, width: 260 },
  details: { open: true, width: 340 },
  fontSize: 19,
  measure: 68,
  narrow: false,
  drawer: null,
};

const clamp = (value: number, range: { min: number; max: number }): number =>
  Math.round(Math.min(range.max, Math.max(range.min, value)));

function setSide(state: LayoutState, side: Side, patch: Partial<SidePanel>): LayoutState {
  return { ...state, [side]: { ...state[side], ...patch } };
}

export function layoutReducer(state: LayoutState, action: Action): LayoutState {
  switch (action.type) {
    case 'layout/toggle':
      if (state.narrow)
        return { ...state, drawer: state.drawer === action.side ? null : action.side };
      return setSide(state, action.side, { open: !state[action.side].open });
    case 'layout/close':
      if (state.narrow) return state.drawer === action.side ? { ...state, drawer: null } : state;
      return state[action.side].open ? setSide(state, action.side, { open: false }) : state;
    case 'layout/width':
      return setSide(state, action.side, { width: clamp(action.width, PANEL_WIDTH) });
    case 'layout/fontSize':
      return { ...state, fontSize: clamp(action.fontSize, FONT_SIZE) };
    case 'layout/measure':
      return { ...state, measure: clamp(action.measure, MEASURE) };
    case 'layout/narrow': {
      if (state.narrow === action.narrow) return state;
      if (action.narrow) return { ...state, narrow: true, drawer: action.keep ?? null };
      // Widening: the drawer that was open stays open, as its column.
      const wide: LayoutState = { ...state, narrow: false, drawer: null };
      return state.drawer ? setSide(wide, state.drawer, { open: true }) : wide;
    }
    case 'selection/panel':
      // Asking for a highlight, an entity or a form is asking to see it.
      if (action.panel === null) return state;
      if (state.narrow) return state.drawer === 'details' ? state : { ...state, drawer: 'details' };
      return state.details.open ? state : setSide(state, 'details', { open: true });
    case 'documents/opened':
      // Choosing a document in the library drawer is asking to read it.
      return state.narrow && state.drawer === 'library' ? { ...state, drawer: null } : state;
    default:
      return state;
  }
}

/**
 * The window crossed NARROW_WIDTH. A highlight, an entity or a form open in the details
 * column stays on screen as the details drawer (a resize is not a request to close what
 * the user is working on); a column showing only lists gives the reader the window.
 */
export function windowNarrowed(state: State, narrow: boolean): LayoutAction {
  const working = state.selection.panel !== null && state.layout.details.open;
  return { type: 'layout/narrow', narrow, keep: narrow && working ? 'details' : null };
}

export const toggleSide = (side: Side): LayoutAction => ({ type: 'layout/toggle', side });
export const closeSide = (side: Side): LayoutAction => ({ type: 'layout/close', side });

export const selectLayout = (state: State): LayoutState => state.layout;

/** Whether a side's content is on screen: an open column, or the drawer shown. */
export function selectSideShown(state: State, side: Side): boolean {
  const layout = state.layout;
  return layout.narrow ? layout.drawer === side : layout[side].open;
}

// What is remembered between sessions: the user's choices, never the window's state.
const STORAGE_KEY = 'workbench.layout';

type Remembered = Pick<LayoutState, 'library' | 'details' | 'fontSize' | 'measure'>;

export function rememberedLayout(layout: LayoutState): Remembered {
  const { library, details, fontSize, measure } = layout;
  return { library, details, fontSize, measure };
}

/** The remembered layout over the defaults; anything unreadable is ignored, never trusted. */
export function restoreLayout(raw: string | null, base: LayoutState = initialLayout): LayoutState {
  if (!raw) return base;
  let saved: unknown;
  try {
    saved = JSON.parse(raw);
  } catch {
    return base;
  }
  if (typeof saved !== 'object' || saved === null) return base;
  const record = saved as Record<string, unknown>;
  const side = (value: unknown, fallback: SidePanel): SidePanel => {
    if (typeof value !== 'object' || value === null) return fallback;
    const { open, width } = value as Record<string, unknown>;
    return {
      open: typeof open === 'boolean' ? open : fallback.open,
      width:
        typeof width === 'number' && Number.isFinite(width)
          ? clamp(width, PANEL_WIDTH)
          : fallback.width,
    };
  };
  const number = (value: unknown, fallback: number, range: { min: number; max: number }): number =>
    typeof value === 'number' && Number.isFinite(value) ? clamp(value, range) : fallback;
  return {
    ...base,
    library: side(record.library, base.library),
    details: side(record.details, base.details),
    fontSize: number(record.fontSize, base.fontSize, FONT_SIZE),
    measure: number(record.measure, base.measure, MEASURE),
  };
}

export const LAYOUT_STORAGE_KEY = STORAGE_KEY;

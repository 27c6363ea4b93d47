// The palette's "Go to" and "View" rows: moving focus to the search box or the text,
// showing a research view, the side panels and the text size.
import { keysOf } from '../../../lib/shortcuts';
import { toggleSide } from '../../../store/layout';
import { showView, type ResearchView } from '../../../store/research';
import { closePanel } from '../../../store/selection';
import { focusLater, type PaletteTable } from './context';

const VIEWS: { view: ResearchView; label: string }[] = [
  { view: 'reader', label: 'Reader' },
  { view: 'cooccurrence', label: 'Co-occurrence' },
  { view: 'timeline', label: 'Timeline' },
  { view: 'codebook', label: 'Codebook' },
];

export const goToEntries: PaletteTable = ({ store }) => [
  {
    id: 'search',
    group: 'Go to',
    label: 'Search the workspace',
    keys: keysOf('search.focus'),
    run: () => focusLater(() => document.querySelector('input[type="search"]')),
  },
  {
    id: 'reader',
    group: 'Go to',
    label: 'The document text',
    run: () => {
      store.dispatch(showView('reader'));
      focusLater(() => document.querySelector('article.reader'));
    },
  },
];

/** A side panel's verb follows what a press will do: a drawer (narrow) only toggles. */
const sideVerb = (narrow: boolean, open: boolean): string =>
  narrow ? 'Open or close' : open ? 'Hide' : 'Show';

export const viewEntries: PaletteTable = ({ store, layout }) => [
  ...VIEWS.map((v) => ({
    id: `view-${v.view}`,
    group: 'View',
    label: `Show ${v.label}`,
    run: () => store.dispatch(showView(v.view)),
  })),
  {
    id: 'toggle-library',
    group: 'View',
    label: `${sideVerb(layout.narrow, layout.library.open)} the library panel`,
    run: () => store.dispatch(toggleSide('library')),
  },
  {
    id: 'toggle-details',
    group: 'View',
    label: `${sideVerb(layout.narrow, layout.details.open)} the details panel`,
    run: () => store.dispatch(toggleSide('details')),
  },
  {
    id: 'larger',
    group: 'View',
    label: 'Larger text',
    run: () => store.dispatch({ type: 'layout/fontSize', fontSize: layout.fontSize + 1 }),
  },
  {
    id: 'smaller',
    group: 'View',
    label: 'Smaller text',
    run: () => store.dispatch({ type: 'layout/fontSize', fontSize: layout.fontSize - 1 }),
  },
  {
    id: 'close-panel',
    group: 'View',
    label: 'Close the open panel',
    keys: keysOf('panel.close'),
    run: () => store.dispatch(closePanel()),
  },
];

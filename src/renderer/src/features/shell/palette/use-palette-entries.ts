// Every entry of the command palette: the tables of palette/ joined in the order the
// palette lists them (when nothing is typed, and among equally good matches), from what
// they read in the store.
import type { PaletteEntry } from '../../../lib/palette';
import { selectDocumentList } from '../../../store/documents';
import { selectEntities } from '../../../store/entities';
import { selectHistory } from '../../../store/history';
import { selectLayout } from '../../../store/layout';
import { selectTeamStatus } from '../../../store/team';
import { selectWorkspaceReadOnly } from '../../../store/workspace';
import { useSelector, useWorkbench } from '../../../workbench/context';
import {
  editEntries,
  exportEntries,
  helpEntries,
  libraryEntries,
  workspaceEntries,
} from './actions';
import type { PaletteContext, PaletteTable } from './context';
import { goToEntries, viewEntries } from './navigation';
import { documentEntries, entityEntries } from './records';
import { teamEntries } from './team';

/** A new group of entries is a table here, in the place it should be listed. */
const TABLES: readonly PaletteTable[] = [
  goToEntries,
  viewEntries,
  workspaceEntries,
  helpEntries,
  exportEntries,
  editEntries,
  libraryEntries,
  teamEntries,
  documentEntries,
  entityEntries,
];

export function usePaletteEntries(
  showShortcuts: () => void,
  showLicences: () => void,
  showBibliography: () => void,
): PaletteEntry[] {
  const { store, commands } = useWorkbench();
  const documents = useSelector(selectDocumentList);
  const entities = useSelector(selectEntities);
  const history = useSelector(selectHistory);
  const layout = useSelector(selectLayout);
  const readOnly = useSelector(selectWorkspaceReadOnly);
  const team = useSelector(selectTeamStatus)?.state;
  // Made afresh at each render, not memoised: the palette renders when what it reads changes
  // or the user types, and matching every entry against the query (done at each render
  // anyway) costs more than making them.
  const ctx: PaletteContext = {
    store,
    commands,
    documents,
    entities,
    history,
    layout,
    readOnly,
    team,
    showShortcuts,
    showLicences,
    showBibliography,
  };
  return TABLES.flatMap((table) => table(ctx));
}

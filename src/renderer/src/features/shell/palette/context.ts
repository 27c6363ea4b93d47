// What every table of palette entries is given: the workbench, the store's values the
// entries depend on, and the dialogs the palette can open. The tables are pure functions
// of it, so the palette recomputes its entries only when one of these changes.
import type { DocumentListItem, EntityWithUsage } from '../../../../../shared/api';
import type { PaletteEntry } from '../../../lib/palette';
import type { HistoryState } from '../../../store/history';
import type { LayoutState } from '../../../store/layout';
import type { Workbench } from '../../../workbench/context';

export interface PaletteContext {
  store: Workbench['store'];
  commands: Workbench['commands'];
  documents: DocumentListItem[] | undefined;
  entities: EntityWithUsage[];
  history: HistoryState;
  layout: LayoutState;
  readOnly: boolean;
  /** The team sharing state, undefined until the core has said. */
  team: string | undefined;
  showShortcuts: () => void;
  showLicences: () => void;
  showBibliography: () => void;
}

/** One group's rows (or several groups' that always go together), in the order listed. */
export type PaletteTable = (ctx: PaletteContext) => PaletteEntry[];

/** Presses a button of the window by its visible name, as the user would. */
export function press(name: string): void {
  const button = [...document.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => b.textContent?.trim() === name && !b.disabled,
  );
  button?.click();
}

/** Puts focus on an element once the palette has closed and handed focus back. */
export const focusLater = (find: () => HTMLElement | null): void =>
  void setTimeout(() => find()?.focus(), 0);

// What the keyboard can do from anywhere in the window (the keymap's 'window' rows): the
// command palette, the shortcut sheet (and the licences and a bibliography of chosen sources, from the palette), Escape closing the open panel when nothing nearer
// took it; and focus never left on the page's body when the control that had it
// disappears (a closed panel, a deleted highlight, a finished form).
import { useCallback, useEffect, useState } from 'react';
import { useWindowKeys } from '../../lib/keymap';
import { closePanel, selectPanel } from '../../store/selection';
import { useWorkbench } from '../../workbench/context';
import { CommandPalette } from './CommandPalette';
import { LicencesDialog } from './LicencesDialog';
import { BibliographyDialog } from '../library/BibliographyDialog';
import { ShortcutSheet } from './ShortcutSheet';

const inDialog = (target: EventTarget | null): boolean =>
  target instanceof Element && target.closest('dialog') !== null;

/** Where focus goes when what had it is gone: the open panel, else the text, else the view. */
export function focusFallback(): HTMLElement | null {
  return (
    document.querySelector<HTMLElement>('.side-details h2[tabindex="-1"]') ??
    document.querySelector<HTMLElement>('article.reader') ??
    document.querySelector<HTMLElement>('main')
  );
}

function useFocusRescue(): void {
  useEffect(() => {
    let last: Element | null = null;
    const onFocusIn = (event: FocusEvent): void => {
      last = event.target instanceof Element ? event.target : null;
    };
    const rescue = (): void => {
      if (!last || last.isConnected) return;
      const active = document.activeElement;
      if (active && active !== document.body) return;
      if (document.querySelector('dialog[open]')) return;
      last = null;
      focusFallback()?.focus({ preventScroll: true });
    };
    const observer = new MutationObserver(rescue);
    observer.observe(document.body, { childList: true, subtree: true });
    document.addEventListener('focusin', onFocusIn);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
    };
  }, []);
}

export function KeyboardLayer(): React.JSX.Element {
  const { store } = useWorkbench();
  const [palette, setPalette] = useState(false);
  const [sheet, setSheet] = useState(false);
  const showShortcuts = useCallback(() => setSheet(true), []);
  const [licences, setLicences] = useState(false);
  const showLicences = useCallback(() => setLicences(true), []);
  const [bibliography, setBibliography] = useState(false);
  const showBibliography = useCallback(() => setBibliography(true), []);
  useFocusRescue();

  useWindowKeys('window', {
    'palette.open': () => {
      setSheet(false);
      setPalette(true);
    },
    'shortcuts.show': (event) => {
      if (inDialog(event.target)) return false;
      setSheet(true);
    },
    'panel.close': (event) => {
      // Nothing nearer took Escape (an editor, a menu, a selection): close the panel.
      if (inDialog(event.target) || selectPanel(store.getState()) === null) return false;
      store.dispatch(closePanel());
    },
  });

  return (
    <>
      <CommandPalette
        open={palette}
        onClose={() => setPalette(false)}
        onShowShortcuts={showShortcuts}
        onShowLicences={showLicences}
        onShowBibliography={showBibliography}
      />
      <ShortcutSheet open={sheet} onClose={() => setSheet(false)} />
      <LicencesDialog open={licences} onClose={() => setLicences(false)} />
      <BibliographyDialog open={bibliography} onClose={() => setBibliography(false)} />
    </>
  );
}

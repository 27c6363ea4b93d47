// Each document opens where the user left it: the reading column's scroll position is
// remembered per document (the last 100), unless the window was asked to show a passage.
import { useEffect, useLayoutEffect, type RefObject } from 'react';

const KEY = 'workbench.scroll';
const KEEP = 100;

function load(): Record<string, number> {
  try {
    const saved: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '{}');
    if (typeof saved !== 'object' || saved === null) return {};
    return Object.fromEntries(
      Object.entries(saved).filter(
        (entry): entry is [string, number] => typeof entry[1] === 'number' && entry[1] >= 0,
      ),
    );
  } catch {
    return {};
  }
}

function save(documentId: string, top: number): void {
  const all = load();
  delete all[documentId];
  all[documentId] = Math.round(top);
  const kept = Object.entries(all).slice(-KEEP);
  try {
    window.localStorage.setItem(KEY, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // Not remembered this time.
  }
}

export function useRememberedScroll(
  ref: RefObject<HTMLElement | null>,
  documentId: string | undefined,
  /** True when the window is about to scroll to a passage of this document itself. */
  focused: boolean,
): void {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || !documentId || focused) return;
    element.scrollTop = load()[documentId] ?? 0;
    // Only the document's arrival restores; later focus changes are the user's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ref, documentId]);
  useEffect(() => {
    const element = ref.current;
    if (!element || !documentId) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => save(documentId, element.scrollTop), 250);
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      clearTimeout(timer);
      element.removeEventListener('scroll', onScroll);
    };
  }, [ref, documentId]);
}

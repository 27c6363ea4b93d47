// Where keyboard focus goes after items of a list are accepted and leave it: to the next
// item still waiting (named by its key, found by `data-focus-key`), or, when none is left,
// to a fallback such as the list's status line; never to the page's body.
import { useRef, type RefObject } from 'react';

export interface FocusNext<T extends HTMLElement> {
  /** Put on the element that holds the items (and the fallback). */
  container: RefObject<T | null>;
  /** After the accept: focus the item with this key, or the fallback when null. */
  focusAfter: (key: string | null) => void;
}

export function useFocusNext<T extends HTMLElement>(fallbackKey: string): FocusNext<T> {
  const container = useRef<T | null>(null);
  return {
    container,
    // The next item waiting was on screen before the accept and stays: it can take focus
    // at once, before the list is read again.
    focusAfter: (key) => {
      // Compared as data, not spliced into a selector: a key holds ids and colons.
      const find = (k: string): HTMLElement | null =>
        [...(container.current?.querySelectorAll<HTMLElement>('[data-focus-key]') ?? [])].find(
          (el) => el.dataset.focusKey === k,
        ) ?? null;
      (find(key ?? fallbackKey) ?? find(fallbackKey))?.focus();
    },
  };
}

/** The key of the first waiting item after `from` in `order` (or before it, when none is after). */
export function nextWaiting(
  order: readonly string[],
  from: readonly string[],
  waiting: (key: string) => boolean,
): string | null {
  const last = Math.max(...from.map((k) => order.indexOf(k)));
  const leaving = new Set(from);
  const after = order.slice(last + 1).find((k) => waiting(k) && !leaving.has(k));
  return after ?? order.find((k) => waiting(k) && !leaving.has(k)) ?? null;
}

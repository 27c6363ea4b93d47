// Binding the keymap (src/shared/concepts/keymap.ts) in the window: a binding site hands
// a handler for each of its rows, and nothing else (the types refuse a missing or an
// unlisted one), and a key press runs the row it matches. A handler may answer false when
// its shortcut does not apply now (T with nothing selected), leaving the key alone.
import { useEffect, useRef } from 'react';
import type { KeyPress } from '../../../shared/chords';
import {
  kindPlaceOf,
  shortcutAt,
  type KeySite,
  type ShortcutOf,
} from '../../../shared/concepts/keymap';

/** The sites the window binds (the browser binds the rest: Tab, Enter on a button). */
export type BoundSite = Exclude<KeySite, 'browser'>;

interface KeyEvent extends KeyPress {
  target: EventTarget | null;
  defaultPrevented: boolean;
  preventDefault(): void;
}

export type KeyHandler<E extends KeyEvent = KeyEvent> = (event: E, key: string) => boolean | void;

export type KeyHandlers<S extends BoundSite, E extends KeyEvent = KeyEvent> = {
  [Id in ShortcutOf<S>]: KeyHandler<E>;
};

/** Where typed keys belong to the field, not to shortcuts. */
export const TYPING = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

export function typingIn(target: EventTarget | null): boolean {
  const element = target as { closest?: (selector: string) => unknown } | null;
  return typeof element?.closest === 'function' && element.closest(TYPING) !== null;
}

/** Runs the shortcut of `site` that `event` is, if any; says whether it ran. */
export function runShortcut<S extends BoundSite, E extends KeyEvent>(
  site: S,
  event: E,
  handlers: KeyHandlers<S, E>,
): boolean {
  if (event.defaultPrevented) return false;
  const found = shortcutAt(site, event);
  if (!found || (!found.whileTyping && typingIn(event.target))) return false;
  const handler = handlers[found.id] as KeyHandler<E>;
  if (handler(event, found.key) === false) return false;
  event.preventDefault();
  return true;
}

/**
 * The handler of the kinds' row: its key names a place in the codebook's kinds (H and 1 the
 * first, up to 9), and `run` is told that place. A place with no kind answers false in
 * `run`'s caller, leaving the key alone.
 */
export function kindHandlers<E extends KeyEvent>(
  run: (place: number) => boolean | void,
): KeyHandlers<'selection', E> {
  return {
    'highlight.kind': (_event, key) => {
      const place = kindPlaceOf(key);
      return place === undefined ? false : run(place);
    },
  };
}

/** Binds the rows of `site` on the window while the component is mounted. */
export function useWindowKeys<S extends BoundSite>(
  site: S,
  handlers: KeyHandlers<S, KeyboardEvent>,
  enabled = true,
): void {
  // The latest handlers, without binding the window again on every render.
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent): void => void runShortcut(site, event, current.current);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [site, enabled]);
}

/**
 * Binds the kinds' keys (the 'selection' site) to `run`, told the codebook place the key
 * stands for, while `enabled`: the handlers are built inside the effect, so a `run` that
 * reads refs is only called from a key press, never while rendering.
 */
export function useKindKeys(run: (place: number) => boolean | void, enabled: boolean): void {
  const current = useRef(run);
  useEffect(() => {
    current.current = run;
  });
  useEffect(() => {
    if (!enabled) return;
    const handlers = kindHandlers<KeyboardEvent>((place) => current.current(place));
    const onKey = (event: KeyboardEvent): void => void runShortcut('selection', event, handlers);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}

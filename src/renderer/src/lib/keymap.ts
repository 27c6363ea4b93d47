// Binding the keymap (src/shared/concepts/keymap.ts) in the window: a binding site hands
// a handler for each of its rows, and nothing else (the types refuse a missing or an
// unlisted one), and a key press runs the row it matches. A handler may answer false when
// its shortcut does not apply now (T with nothing selected), leaving the key alone.
import { useEffect, useRef } from 'react';
import { HIGHLIGHT_KINDS, type HighlightKindId } from '../../../shared/concepts/highlight-kinds';
import {
  kindShortcut,
  shortcutAt,
  type KeyPress,
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

/** A handler for each highlight kind's row: the codebook's kinds are rows of the keymap. */
export function kindHandlers<E extends KeyEvent>(
  run: (kind: HighlightKindId) => void,
): KeyHandlers<'selection', E> {
  const handlers = Object.fromEntries(
    HIGHLIGHT_KINDS.map((kind) => [kindShortcut(kind.id), () => run(kind.id)]),
  );
  // One entry per kind, built from the same table the rows are: complete by construction.
  return handlers as unknown as KeyHandlers<'selection', E>;
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
 * Binds each highlight kind's key (the 'selection' site) to `run` while `enabled`: the
 * handlers are built inside the effect, so a `run` that reads refs is only called from a
 * key press, never while rendering.
 */
export function useKindKeys(run: (kind: HighlightKindId) => void, enabled: boolean): void {
  const current = useRef(run);
  useEffect(() => {
    current.current = run;
  });
  useEffect(() => {
    if (!enabled) return;
    const handlers = kindHandlers<KeyboardEvent>((kind) => current.current(kind));
    const onKey = (event: KeyboardEvent): void => void runShortcut('selection', event, handlers);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}

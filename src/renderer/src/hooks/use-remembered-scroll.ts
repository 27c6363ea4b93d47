// Each document opens where the user left it: the reading column's place is remembered
// per document (the last 100), unless the window was asked to show a passage. The place
// is kept as a block of the text (its start offset) and how far into it the column was
// scrolled, not as pixels: in a long document the blocks away from the view have only an
// estimated height (content-visibility), so a pixel position would land elsewhere.
import { useEffect, useLayoutEffect, type RefObject } from 'react';

const KEY = 'workbench.scroll';
const KEEP = 100;

/** A block's start offset and the pixels scrolled past its top; or older, plain pixels. */
type Place = { block: number; dy: number } | number;

const isPlace = (value: unknown): value is Place =>
  (typeof value === 'number' && value >= 0) ||
  (typeof value === 'object' &&
    value !== null &&
    Number.isInteger((value as { block?: unknown }).block) &&
    (value as { block: number }).block >= 0 &&
    typeof (value as { dy?: unknown }).dy === 'number' &&
    Number.isFinite((value as { dy: number }).dy));

export function loadPlaces(): Record<string, Place> {
  try {
    const saved: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '{}');
    if (typeof saved !== 'object' || saved === null) return {};
    return Object.fromEntries(
      Object.entries(saved).filter((entry): entry is [string, Place] => isPlace(entry[1])),
    );
  } catch {
    return {};
  }
}

function save(documentId: string, place: Place): void {
  const all = loadPlaces();
  delete all[documentId];
  all[documentId] = place;
  const kept = Object.entries(all).slice(-KEEP);
  try {
    window.localStorage.setItem(KEY, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // Not remembered this time.
  }
}

const blocksIn = (scroller: HTMLElement): HTMLElement[] => [
  ...scroller.querySelectorAll<HTMLElement>('[data-block-start]'),
];

/** The first block whose bottom is below the column's top, and how far the column is into it. */
function placeOf(scroller: HTMLElement): Place {
  const top = scroller.getBoundingClientRect().top;
  const blocks = blocksIn(scroller);
  let lo = 0;
  let hi = blocks.length - 1;
  if (hi < 0 || scroller.scrollTop === 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.getBoundingClientRect().bottom <= top) lo = mid + 1;
    else hi = mid;
  }
  const block = blocks[lo]!;
  return {
    block: Number(block.dataset.blockStart),
    dy: top - block.getBoundingClientRect().top,
  };
}

/**
 * Scrolls back to a place. For a block, it is done again on the next frames until the
 * block stays put: the blocks that come into view around it are laid out then and may
 * differ from their estimated heights. Stops at once if the user scrolls meanwhile.
 * Returns a function that stops it.
 */
function restore(scroller: HTMLElement, place: Place | undefined): () => void {
  if (place === undefined || typeof place === 'number') {
    scroller.scrollTop = place ?? 0;
    return () => undefined;
  }
  const block = scroller.querySelector<HTMLElement>(`[data-block-start="${place.block}"]`);
  if (!block) return () => undefined;
  const offBy = (): number =>
    block.getBoundingClientRect().top - scroller.getBoundingClientRect().top + place.dy;
  scroller.scrollTop += offBy();
  let frame = 0;
  let still = 0;
  let request = 0;
  const settle = (): void => {
    const off = offBy();
    if (Math.abs(off) >= 1) {
      scroller.scrollTop += off;
      still = 0;
    } else still += 1;
    if (still < 2 && ++frame < 30) request = requestAnimationFrame(settle);
    else stop();
  };
  const stop = (): void => {
    cancelAnimationFrame(request);
    for (const type of USER_SCROLLS) scroller.removeEventListener(type, stop);
  };
  for (const type of USER_SCROLLS) scroller.addEventListener(type, stop, { passive: true });
  request = requestAnimationFrame(settle);
  return stop;
}

/** What a user does to scroll; a restore in progress gives way to it. */
const USER_SCROLLS = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

export function useRememberedScroll(
  ref: RefObject<HTMLElement | null>,
  documentId: string | undefined,
  /** True when the window is about to scroll to a passage of this document itself. */
  focused: boolean,
): void {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || !documentId || focused) return;
    return restore(element, loadPlaces()[documentId]);
    // Only the document's arrival restores; later focus changes are the user's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ref, documentId]);
  useEffect(() => {
    const element = ref.current;
    if (!element || !documentId) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => save(documentId, placeOf(element)), 250);
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      clearTimeout(timer);
      element.removeEventListener('scroll', onScroll);
    };
  }, [ref, documentId]);
}

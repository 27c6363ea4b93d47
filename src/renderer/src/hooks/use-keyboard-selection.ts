// Selecting from the keyboard (the keymap's 'reader' rows): the reader takes focus, and
// arrows, S and P select words, sentences and paragraphs by setting the page's real
// selection, which then highlights like one made with the mouse. Keys read the selection
// as it is in the page when they are pressed, since they can outrun React's state. ] and
// [ move between highlight stops; T and N highlight and go on to tag or write a note.
import { useEffect, useRef, type RefObject } from 'react';
import type { Annotation, Document } from '../../../shared/model';
import type { SelectionIntent } from '../features/reader/SelectionToolbar';
import { parseChord } from '../../../shared/chords';
import { offsetsToRange } from '../lib/dom-offsets';
import { runShortcut } from '../lib/keymap';
import { blockSpan, extend, step, unitAt, units, type Span, type Unit } from '../lib/text-units';

export function useKeyboardSelection({
  root,
  document,
  byId,
  liveSelection,
  create,
  clear,
}: {
  root: RefObject<HTMLElement | null>;
  document: Document;
  byId: ReadonlyMap<string, Annotation>;
  /** The page's selection as text offsets, if it is in the reader. */
  liveSelection: () => Span | null;
  /** Highlights the selection; absent while a highlight waits to be re-attached. */
  create?: (kind: 'quote', intent: SelectionIntent) => void;
  /** Forgets the selection the reader was showing a toolbar for. */
  clear: () => void;
}): (event: React.KeyboardEvent<HTMLElement>) => void {
  const unitCache = useRef(new Map<Unit, Span[]>());
  useEffect(() => unitCache.current.clear(), [document]);
  const unitList = (unit: Unit): Span[] => {
    let list = unitCache.current.get(unit);
    if (!list) {
      list = units(document.text, document.blocks, unit, document.source.language);
      unitCache.current.set(unit, list);
    }
    return list;
  };
  const selectSpan = (span: Span | null | undefined): void => {
    if (!span || !root.current) return;
    const range = offsetsToRange(root.current, span.start, span.end);
    const selection = window.getSelection();
    if (!range || !selection) return;
    selection.removeAllRanges();
    selection.addRange(range);
    const rect = range.getBoundingClientRect();
    const reading = root.current.closest('.reading');
    const box = reading?.getBoundingClientRect();
    if (box && (rect.top < box.top + 40 || rect.bottom > box.bottom - 40))
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  };
  return (event: React.KeyboardEvent<HTMLElement>): void => {
    const target = event.target as HTMLElement;
    // A highlight's stop is a button, but keys on it still move through the text.
    if (target.closest('input, textarea, select, button:not([data-highlight-stop]), a[href]'))
      return;
    const stopId = target.dataset.highlightStop;
    const stopAt = stopId ? byId.get(stopId)?.target.position : undefined;
    const selected = liveSelection();
    const current: Span | null =
      selected ?? (stopAt ? { start: stopAt.start, end: stopAt.end } : null);
    const rtl = root.current ? getComputedStyle(root.current).direction === 'rtl' : false;
    /** Arrows move by sentence (up, down) or word (left, right: reading order in RTL). */
    const move = (chord: string, extending: boolean): void => {
      const arrow = parseChord(chord).key;
      const forward =
        arrow === 'ArrowDown' || arrow === (rtl ? 'ArrowLeft' : 'ArrowRight') ? 1 : -1;
      const list = unitList(arrow === 'ArrowDown' || arrow === 'ArrowUp' ? 'sentence' : 'word');
      selectSpan(
        extending && selected ? extend(list, selected, forward) : step(list, current, forward),
      );
    };
    const highlight = (intent: 'tag' | 'note'): boolean | void => {
      if (!selected || !create) return false;
      create('quote', intent);
    };
    runShortcut('reader', event, {
      'reader.sentence': (_e, chord) => move(chord, false),
      'reader.word': (_e, chord) => move(chord, false),
      'reader.extend': (_e, chord) => move(chord, true),
      'reader.selectSentence': () =>
        selectSpan(current ? unitAt(unitList('sentence'), current.start) : unitList('sentence')[0]),
      'reader.selectParagraph': () =>
        selectSpan(blockSpan(document.text, document.blocks, current?.start ?? 0)),
      'reader.nextHighlight': (_e, chord) => {
        const stops = [
          ...(root.current?.querySelectorAll<HTMLElement>('[data-highlight-stop]') ?? []),
        ];
        const at = stops.indexOf(target);
        const to = chord === ']' ? stops[at + 1] : at > 0 ? stops[at - 1] : stops.at(-1);
        to?.focus();
      },
      'reader.clearSelection': () => {
        if (!selected) return false;
        window.getSelection()?.removeAllRanges();
        clear();
      },
      'selection.tag': () => highlight('tag'),
      'selection.note': () => highlight('note'),
    });
  };
}

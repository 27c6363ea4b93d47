// @vitest-environment jsdom
// The reader's kind keys follow the codebook's list, not the four built-in kinds: with two
// kinds of the user's after the built-in ones, 5 and 6 highlight as those, 7 (no kind in
// its place) is left to the page, H is the first kind, and the Codebook view says the same
// numbers beside each kind.
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { KindsEditor } from '../../src/renderer/src/features/codebook/KindsEditor';
import { kindHandlers, runShortcut } from '../../src/renderer/src/lib/keymap';
import { defaultCodebook } from '../../src/shared/codebook/codebook';
import type { HighlightKindDef } from '../../src/shared/model';
import { mountView } from './mount-view';

const kinds: HighlightKindDef[] = [
  ...defaultCodebook().kinds,
  { id: 'kind_testimony', label: 'Testimony', colour: '#d55e00' },
  { id: 'kind_denial', label: 'Denial', colour: '#0072b2' },
];

/** A key press in the reader with text selected, as the window's listener gets it. */
function press(key: string) {
  let prevented = false;
  return {
    key,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    target: null,
    get defaultPrevented() {
      return prevented;
    },
    preventDefault: () => void (prevented = true),
  };
}

let unmount = (): void => undefined;
afterEach(() => unmount());

describe('the kind keys', () => {
  it('highlight as the codebook’s kind in the key’s place, the user’s kinds included', () => {
    const made: string[] = [];
    // As the reader binds them: the kind in that place, or the key is not taken.
    const handlers = kindHandlers((place) => {
      const kind = kinds[place];
      if (!kind) return false;
      made.push(kind.id);
    });
    const taken = ['5', '6', '7', 'h', '4'].map((key) => {
      const event = press(key);
      return runShortcut('selection', event, handlers) && event.defaultPrevented;
    });
    expect(made).toEqual(['kind_testimony', 'kind_denial', 'quote', 'question']);
    expect(taken).toEqual([true, true, false, true, true]);
  });

  it('are listed beside each kind in the Codebook view, and a tenth kind has none', async () => {
    const many = [
      ...kinds,
      ...['a', 'b', 'c', 'd'].map((n) => ({ id: `kind_${n}`, label: `Kind ${n}`, colour: '#000' })),
    ];
    const view = await mountView(createElement(KindsEditor, { kinds: many, readOnly: true }), {});
    unmount = view.unmount;
    const places = [...view.container.querySelectorAll('.codebook-kinds > li')].map(
      (li) => li.querySelector('.muted.small')?.textContent,
    );
    expect(places).toEqual([
      'key 1',
      'key 2',
      'key 3',
      'key 4',
      'key 5',
      'key 6',
      'key 7',
      'key 8',
      'key 9',
      'no key',
    ]);
  });
});

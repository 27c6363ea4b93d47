// @vitest-environment jsdom
// The window's own stylesheets, read as the browser gets them. The selection toolbar's kind
// buttons are rendered under every rule of src/renderer/src/styles, so a rule written for
// another screen that also matches them (the graph legend's bare `.swatch`, which made
// them 12-pixel dots with "QuoteClaimEviden…" spilling over each other) is caught here.
// And a glyph drawn by CSS (`content: '▾'`) is part of an accessible name unless it has
// an empty alternative (`content: '▾' / ''`): the highlights were "▾ Highlights (1 …)".
// And the header's sentence for a document with no original says no more than is known.
import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { SelectionToolbar } from '../../src/renderer/src/features/reader/SelectionToolbar';
import { OriginalRow } from '../../src/renderer/src/features/reader/SourceEvidence';
import { documentFromText } from '../fixtures/documents';
import { mountView } from './mount-view';

// Every stylesheet of the window, as text (Vite reads them for the test as it does for a build).
const SHEETS = Object.entries(
  import.meta.glob<string>('../../src/renderer/src/styles/*.css', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
).map(([name, css]) => ({ name, css }));

beforeAll(() => {
  const style = document.createElement('style');
  style.textContent = SHEETS.map((sheet) => sheet.css).join('\n');
  document.head.append(style);
});

let unmount = (): void => {};
afterEach(() => unmount());

describe('the selection toolbar', () => {
  it('gives each kind button its label’s width, not a dot’s', async () => {
    const view = await mountView(
      createElement(SelectionToolbar, {
        rect: { top: 200, bottom: 220, left: 100, width: 300 },
        onChoose: () => {},
      }),
      {},
    );
    unmount = view.unmount;
    const kinds = ['quote', 'claim', 'evidence', 'question'].map((kind) =>
      view.button(`Highlight as ${kind}`),
    );
    for (const button of kinds) {
      const style = getComputedStyle(button);
      expect(button.textContent).toMatch(/^[A-Z][a-z]+$/);
      // No stylesheet fixes the width or height or rounds the button into a dot.
      expect(style.width, button.textContent).toMatch(/^(auto)?$/);
      expect(style.height, button.textContent).toMatch(/^(auto)?$/);
      expect(style.borderRadius, button.textContent).not.toBe('50%');
    }
  });
});

describe('generated content', () => {
  it('gives every drawn glyph (no letter, no digit) an empty alternative', () => {
    const unnamed: string[] = [];
    for (const { name, css } of SHEETS)
      for (const [declaration, text, alternative] of css.matchAll(
        /content:\s*'([^']*)'\s*(\/\s*'[^']*')?\s*;/g,
      ))
        if (text && !/[\p{L}\p{N}]/u.test(text) && !alternative)
          unnamed.push(`${name}: ${declaration}`);
    expect(unnamed).toEqual([]);
  });
});

describe('the source header', () => {
  it('says plainly that no original is kept', () => {
    const box = document.createElement('dl');
    box.className = 'provenance';
    box.innerHTML = renderToStaticMarkup(
      createElement(OriginalRow, { document: documentFromText('Text.', 'd1'), onOpen: () => {} }),
    );
    document.body.append(box);
    const sentence = box.querySelector<HTMLElement>('dd .muted')!;
    // The sample article is imported at first run without its file: not "imported before".
    expect(sentence.textContent).toBe(
      'No original file is kept with this text. To keep one, import the file again.',
    );
    box.remove();
  });
});

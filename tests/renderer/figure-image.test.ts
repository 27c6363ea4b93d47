// @vitest-environment jsdom
// A figure's image in the reader is a view of the store, answered by the core's
// documents.media (which checks the kept bytes against their hash): shown once it lands,
// asked once however often the figure is drawn, and a refusal said in words, not a
// broken image.
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FigureElement,
  ReaderDocument,
} from '../../src/renderer/src/features/reader/StructuredBlocks';
import { WorkbenchError } from '../../src/shared/errors';
import type { Block } from '../../src/shared/model';
import { mountView, text } from './mount-view';

const sha256 = 'c'.repeat(64);
const caption = 'Evin prison, seen from the north';
const block: Block = {
  kind: 'figure',
  start: 0,
  end: caption.length,
  image: { sha256, mediaType: 'image/png', alt: 'A wall' },
};
const PIXEL = 'data:image/png;base64,iVBORw0KGgo=';

function figure(): React.ReactElement {
  return createElement(ReaderDocument.Provider, {
    value: { id: 'd1', text: caption },
    children: createElement(FigureElement, {
      block,
      props: {},
      children: caption,
    }),
  });
}

let unmount = (): void => undefined;
afterEach(() => unmount());

describe('a figure’s image', () => {
  it('is read through the store’s media view, once, and shown with its alt text', async () => {
    const asked: unknown[] = [];
    const view = await mountView(figure(), {
      'documents.media': (input) => (asked.push(input), { dataUrl: PIXEL }),
    });
    unmount = view.unmount;
    const img = view.container.querySelector('img');
    expect(img?.getAttribute('src')).toBe(PIXEL);
    expect(img?.getAttribute('alt')).toBe('A wall');
    expect(asked).toEqual([{ id: 'd1', sha256 }]);
    expect(text(view.container, 'figcaption')).toBe(caption);
  });

  it('says it could not be shown when the core refuses the kept file', async () => {
    const view = await mountView(figure(), {
      'documents.media': () => {
        throw new WorkbenchError('CONFLICT', 'media/ccc has changed since it was kept');
      },
    });
    unmount = view.unmount;
    expect(view.container.querySelector('img')).toBeNull();
    expect(view.container.textContent).toContain('The image could not be shown.');
  });
});

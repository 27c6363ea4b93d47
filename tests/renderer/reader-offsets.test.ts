// @vitest-environment jsdom
// DOM selections in the real Reader component map to canonical-text offsets and back:
// within a block, across blocks, at block edges, inside list items, over highlights,
// and on Persian text with non-BMP characters.
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import sample from '../../resources/sample-article.txt?raw';
import type { DocumentView } from '../../src/shared/api';
import { documentFromText } from '../fixtures/documents';
import { makeAnnotation } from './builders';
import { Reader } from '../../src/renderer/src/features/reader/Reader';
import { createWorkbenchStore } from '../../src/renderer/src/store/index';
import type { WorkbenchCommands } from '../../src/renderer/src/workbench/commands';
import { WorkbenchProvider } from '../../src/renderer/src/workbench/context';
import {
  offsetsToRange,
  offsetToPoint,
  pointToOffset,
  rangeToOffsets,
} from '../../src/renderer/src/lib/dom-offsets';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function makeView(raw: string, highlights: [number, number][] = []): DocumentView {
  const document = documentFromText(raw);
  const annotations = highlights.map((range, i) =>
    makeAnnotation(`ann_${i}`, document.id, [], range, document.text),
  );
  return { document, annotations, readOnly: false };
}

let container: HTMLDivElement;
let unmount: () => void;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  act(() => unmount());
  container.remove();
});

function render(view: DocumentView): HTMLElement {
  const root = createRoot(container);
  act(() =>
    root.render(
      // The reader reads its kinds from the store's codebook (the default one here); it
      // calls no command and watches no view.
      createElement(WorkbenchProvider, {
        workbench: {
          store: createWorkbenchStore(),
          commands: {} as WorkbenchCommands,
          views: { watch: () => () => {} },
        },
        children: createElement(Reader, {
          view,
          selectedId: null,
          focus: null,
          onSelectAnnotation: () => {},
          onCreate: () => {},
        }),
      }),
    ),
  );
  unmount = () => root.unmount();
  return container.querySelector('article')!;
}

/** A DOM range from the first occurrence of `from` to the end of `to`, via text offsets. */
function rangeOver(article: HTMLElement, text: string, from: string, to = from): Range {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start) + to.length;
  return offsetsToRange(article, start, end)!;
}

describe('the reader maps selections to offsets', () => {
  const view = makeView(sample);
  const { text } = view.document;

  it('within one paragraph', () => {
    const article = render(view);
    const range = rangeOver(article, text, 'Supreme National Security Council');
    expect(range.toString()).toBe('Supreme National Security Council');
    const offsets = rangeToOffsets(article, range)!;
    expect(text.slice(offsets.start, offsets.end)).toBe('Supreme National Security Council');
  });

  it('across paragraphs, including the break between them', () => {
    const article = render(view);
    const offsets = rangeToOffsets(
      article,
      rangeOver(article, text, 'To no one’s surprise', 'The challenges'),
    )!;
    expect(text.slice(offsets.start, offsets.end)).toMatch(
      /^To no one’s surprise[\s\S]*human rights\.\n\nThe challenges$/,
    );
  });

  it('inside and across list items', () => {
    const article = render(view);
    const items = article.querySelectorAll('li');
    expect(items).toHaveLength(6);
    const offsets = rangeToOffsets(
      article,
      rangeOver(article, text, 'Evin prisons', 'A resolution'),
    )!;
    expect(text.slice(offsets.start, offsets.end)).toMatch(/^Evin prisons[\s\S]*\nA resolution$/);
  });

  it('at block edges: a triple-click that ends at the start of the next block', () => {
    const article = render(view);
    const paragraphs = article.querySelectorAll('p');
    const range = document.createRange();
    range.setStart(paragraphs[1]!, 0);
    range.setEnd(paragraphs[2]!, 0);
    const offsets = rangeToOffsets(article, range)!;
    expect(text.slice(offsets.start, offsets.end)).toBe(
      'To no one’s surprise, this list of infamy consists of six officials who have been sanctioned by the U.S. and the EU for violating human rights.',
    );
  });

  it('through highlight boundaries, where the text is split into several elements', () => {
    const start = text.indexOf('Evin prisons');
    const overlapping = makeView(sample, [
      [start, start + 40],
      [start + 5, start + 60],
    ]);
    const article = render(overlapping);
    expect(article.querySelectorAll('mark.hl-overlap').length).toBeGreaterThan(0);
    const offsets = rangeToOffsets(
      article,
      rangeOver(article, text, 'Hamid Noury', 'of thousands'),
    )!;
    expect(text.slice(offsets.start, offsets.end)).toMatch(/^Hamid Noury[\s\S]*of thousands$/);
    const point = offsetToPoint(article, start + 7)!;
    expect(pointToOffset(article, point.node, point.offset, 'forward')).toBe(start + 7);
  });

  it('on Persian text with non-BMP characters', () => {
    const persian = makeView(
      'گزارش\n\nکمیسیون حقیقت‌یاب درباره زندان اوین 𝔼 و قتل‌عام ۱۳۶۷ منتشر شد.\n\n• مورد اول 😀 با شکنجه\n• مورد دوم',
    );
    const ptext = persian.document.text;
    const article = render(persian);
    for (const [from, to] of [
      ['زندان اوین 𝔼', 'زندان اوین 𝔼'],
      ['𝔼 و قتل‌عام', 'منتشر شد.'],
      ['😀', 'مورد دوم'],
    ] as const) {
      const range = rangeOver(article, ptext, from, to);
      const offsets = rangeToOffsets(article, range)!;
      const start = ptext.indexOf(from);
      expect(offsets).toEqual({ start, end: ptext.indexOf(to, start) + to.length });
    }
  });

  it('ignores selections outside the reader', () => {
    const article = render(view);
    const outside = document.createElement('p');
    outside.textContent = 'elsewhere';
    document.body.append(outside);
    const range = document.createRange();
    range.selectNodeContents(outside);
    expect(rangeToOffsets(article, range)).toBeNull();
  });
});

// @vitest-environment jsdom
// The research views as a researcher uses them, against a fake core: co-occurrence (the
// matrix's counts, a pair's passages, the settings asked with, the empty case, the
// legend), the timeline (dated and undated events, an event's Markdown, opening one, the
// export) and a tag's highlights (the count, opening one, the empty case).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import type { Input } from '../../src/shared/api';
import { CooccurrenceView } from '../../src/renderer/src/features/research/CooccurrenceView';
import { TagView } from '../../src/renderer/src/features/research/TagView';
import { TimelineView } from '../../src/renderer/src/features/research/TimelineView';
import { entity } from './builders';
import { mountView, text } from './mount-view';
import { cooccurrence, named, passage, timelineEvent } from './research-builders';

beforeAll(() => {
  URL.createObjectURL = () => 'blob:export';
  URL.revokeObjectURL = () => undefined;
});

let view: Awaited<ReturnType<typeof mountView>> | undefined;
afterEach(() => view?.unmount());

const NAMES = { e1: 'Ebrahim Raisi', e2: 'Ali Shamkhani', e3: 'Amnesty International' };

describe('CooccurrenceView', () => {
  async function mount() {
    const asked: Input<'analysis.cooccurrence'>[] = [];
    view = await mountView(
      createElement(CooccurrenceView),
      {
        'analysis.cooccurrence': (input) => {
          asked.push(input);
          return (input.minCount ?? 1) > 2
            ? { scope: input.scope, nodes: [], pairs: [] }
            : cooccurrence(NAMES, [
                ['e1', 'e2', 2],
                ['e1', 'e3', 1],
              ]);
        },
        'analysis.connections': () => [passage('a1', 'd1', ['e1', 'e2'])],
      },
      {
        entities: {
          list: Object.entries(NAMES).map(([id, name]) => ({ ...entity(id, 1), name })),
        },
      },
    );
    return { view, asked };
  }

  it('shows each pair’s count in the matrix, and a pair’s passages when chosen', async () => {
    const { view } = await mount();
    expect(text(view.container, '.cooccurrence > p.muted')).toBe('3 entities, 2 pairs.');
    const cell = view.button('Ebrahim Raisi and Ali Shamkhani: 2');
    expect(cell.textContent).toBe('2');
    await view.click(cell);
    expect(view.called()).toEqual(['analysis.cooccurrence', 'analysis.connections']);
    const list = view.container.querySelector(
      '[aria-label="Passages connecting Ebrahim Raisi and Ali Shamkhani"]',
    )!;
    expect(text(list, 'blockquote')).toBe('Ebrahim Raisi');
    expect(cell.getAttribute('aria-pressed')).toBe('true');
  });

  it('asks with the settings chosen, keeps them in the store, and says when nothing is left', async () => {
    const { view, asked } = await mount();
    const documentScope = view.container.querySelector<HTMLInputElement>(
      'input[type="radio"][name="scope"]:nth-of-type(1)',
    );
    expect(documentScope).not.toBeNull();
    const radios = [...view.container.querySelectorAll<HTMLInputElement>('input[name="scope"]')];
    await view.click(radios.at(-1)!);
    expect(asked.at(-1)).toMatchObject({ scope: 'document', minCount: 1 });
    expect(view.store.getState().research.cooccurrence.scope).toBe('document');
    view.store.dispatch({ type: 'research/cooccurrence', settings: { minCount: 3 } });
    await view.settle();
    expect(view.container.textContent).toContain(
      'No two entities are tagged in the same document yet at least 3 times.',
    );
  });

  it('names the colours of the network in a legend', async () => {
    const { view } = await mount();
    const legend = view.container.querySelector('[aria-label="Legend"]')!;
    expect([...legend.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'People',
      'A link: tagged together; its number counts how often, and its width grows with it',
    ]);
    expect(view.container.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe(
      'Network of 3 entities and 2 links; the matrix lists the same counts',
    );
  });
});

describe('TimelineView', () => {
  const trial = {
    ...named('e_trial', 'Stockholm trial', 'event'),
    description: 'Opened in **2019**.',
  };
  async function mount(events = true) {
    view = await mountView(createElement(TimelineView), {
      'events.timeline': () =>
        events
          ? [
              timelineEvent(trial, {
                date: { start: '2019-08', precision: 'month' },
                place: { id: 'e_stockholm', name: 'Stockholm' },
                participants: [{ id: 'e_noury', name: 'Hamid Noury', role: 'official' }],
                evidence: [passage('a1', 'd1', ['e_trial'])],
              }),
              timelineEvent(named('e_1988', '1988 executions', 'event')),
            ]
          : [],
      'export.events': () => ({ fileName: 'events.csv', mimeType: 'text/csv', content: 'a' }),
    });
    return view;
  }

  it('lists events by date with place, participants, evidence and description', async () => {
    const view = await mount();
    const items = [...view.container.querySelectorAll('[aria-label="Events by date"] > li')];
    expect(items).toHaveLength(2);
    expect(text(items[0]!, '.muted')).toBe('Stockholm · Hamid Noury (official) · 1 passage');
    expect(text(items[0]!, 'blockquote')).toBe('Ebrahim Raisi — Document d1');
    expect(text(items[0]!, '.markdown strong')).toBe('2019');
    expect(items[1]!.className).toBe('undated');
    expect(text(items[1]!, '.muted')).toBe('no participants · 0 passages');
  });

  it('opens an event’s panel, and exports through the core', async () => {
    const view = await mount();
    await view.click(view.button('Stockholm trial'));
    expect(view.store.getState().selection.panel).toEqual({ type: 'entity', id: 'e_trial' });
    view.called();
    await view.click(view.button('Export CSV'));
    expect(view.called()).toEqual(['export.events']);
  });

  it('says how to make an event when there is none', async () => {
    const view = await mount(false);
    expect(view.container.textContent).toContain('No events yet.');
  });
});

describe('TagView', () => {
  it('lists the highlights carrying the tag, and opens one in the reader', async () => {
    view = await mountView(createElement(TagView, { tag: 'trial' }), {
      'annotations.byTag': () => [
        passage('a1', 'd1', [], { tags: ['trial'] }),
        passage('a2', 'd1', [], { tags: ['trial'], kind: 'claim' }),
      ],
    });
    expect(text(view.container, 'header p')).toBe('2 highlights in 1 document');
    const buttons = [...view.container.querySelectorAll('ul button')];
    expect(buttons.map((b) => text(b, '.muted'))).toEqual([
      'Quote · Document d1',
      'Claim · Document d1',
    ]);
    await view.click(buttons[1] as HTMLElement);
    expect(view.store.getState().selection.panel).toEqual({
      type: 'annotation',
      id: 'a2',
      intent: null,
    });
  });

  it('says so when no highlight carries the tag any more', async () => {
    view = await mountView(createElement(TagView, { tag: 'gone' }), {
      'annotations.byTag': () => [],
    });
    expect(view.container.textContent).toContain('No highlight carries this tag any more.');
  });
});

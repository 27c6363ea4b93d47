// @vitest-environment jsdom
// The dossier as a researcher uses it, against a fake core: what the entity is (its
// description as Markdown with links), its events, who it appears with (each opening that
// dossier), its passages by source (each shown in the reader), the export, and a change to
// its passages read again while one elsewhere is not.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { DossierView } from '../../src/renderer/src/features/research/DossierView';
import { changed, entity, makeAnnotation, note } from './builders';
import { mountView, text } from './mount-view';
import { dossier, named, timelineEvent } from './research-builders';

beforeAll(() => {
  URL.createObjectURL = () => 'blob:export';
  URL.revokeObjectURL = () => undefined;
});

const raisi = {
  ...named('e_raisi', 'Ebrahim Raisi'),
  aliases: ['Raisi'],
  description: 'Sat on the **death committee**; see [[Amnesty International]].',
};
const amnesty = entity('e_amnesty', 1, 'organization');
amnesty.name = 'Amnesty International';
const passage = { ...makeAnnotation('a1', 'd1', ['e_raisi']), note: 'Named by [[Raisi|him]].' };
const raisiDossier = dossier(raisi, {
  sources: [
    {
      documentId: 'd1',
      title: 'Document d1',
      citation: 'Amnesty (2018), Document d1',
      passages: [{ annotation: passage, paragraph: 1 }],
      mentions: 3,
    },
  ],
  cooccurring: [
    { entity: named('e_amnesty', 'Amnesty International'), paragraphs: 1, documents: 1 },
  ],
  events: [
    timelineEvent(named('e_1988', '1988 executions', 'event'), {
      date: { start: '1988', precision: 'year' },
      place: { id: 'e_evin', name: 'Evin' },
    }),
  ],
});

let view: Awaited<ReturnType<typeof mountView>> | undefined;
afterEach(() => view?.unmount());

const aboutRaisi = note('n_raisi', 'Chaired the **1988** hearings.', {
  title: 'Raisi in 1988',
  entityIds: ['e_raisi'],
});
const elsewhere = note('n_other', 'Not about him.', { title: 'Budget' });

async function mount() {
  const asked: string[] = [];
  view = await mountView(
    createElement(DossierView, { entityId: 'e_raisi' }),
    {
      'entities.dossier': ({ id }) => {
        asked.push(id);
        return id === 'e_raisi' ? raisiDossier : dossier(named(id, 'Amnesty International'));
      },
      'export.dossier': () => ({ fileName: 'raisi.md', mimeType: 'text/markdown', content: '#' }),
    },
    {
      entities: { list: [{ ...raisi, usage: 1 }, amnesty] },
      notes: { list: [elsewhere, aboutRaisi], openId: null },
    },
  );
  return { view, asked };
}

describe('DossierView', () => {
  it('says what the entity is, its description as Markdown with its links resolved', async () => {
    const { view } = await mount();
    const { container } = view;
    expect(text(container, 'h1')).toBe('Ebrahim Raisi');
    expect(text(container, 'header .muted')).toBe('person · 1 passage · 1 document');
    expect(container.textContent).toContain('Also known as: Raisi');
    expect(text(container, '.description strong')).toBe('death committee');
    expect(view.button('Amnesty International').title).toBe('Open entity “Amnesty International”');
    expect(text(container, 'section[aria-label^="Events of"] li')).toBe(
      '1988 1988 executions, Evin',
    );
  });

  it('lists its passages by source, each with its note and a way to the reader', async () => {
    const { view } = await mount();
    const source = view.container.querySelector('section.source')!;
    expect(source.getAttribute('aria-label')).toBe('Document d1');
    expect(text(source, '.citation')).toBe('Amnesty (2018), Document d1 · 3 mentions');
    expect(text(source, 'blockquote')).toBe('Ebrahim Raisi');
    // The note sits under its own quote, before the line that ends the passage.
    const note = source.querySelector('blockquote')?.nextElementSibling;
    expect(note?.className).toContain('passage-note');
    expect(text(note!, 'p')).toBe('Named by him.');
    await view.click(view.button(/^Show in reader: Ebrahim Raisi/));
    const state = view.store.getState();
    expect(state.documents.chosenId).toBe('d1');
    expect(state.selection.panel).toEqual({ type: 'annotation', id: 'a1', intent: null });
  });

  it('gathers the notes about the entity under one Notes heading, each opening the note', async () => {
    const { view } = await mount();
    const notes = view.container.querySelector('section[aria-labelledby="dossier-notes"]')!;
    expect(text(notes, 'h2')).toBe('Notes');
    expect([...notes.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Raisi in 1988Chaired the 1988 hearings.',
    ]);
    await view.click(view.button('Raisi in 1988'));
    expect(view.store.getState().notes.openId).toBe('n_raisi');
    expect(view.store.getState().research.view).toBe('notes');
  });

  it('opens the dossier of an entity it appears with', async () => {
    const { view, asked } = await mount();
    const together = view.container.querySelector('[aria-labelledby="dossier-with"]')!;
    expect(text(together, 'li')).toBe('Amnesty International 1 paragraph, 1 document');
    await view.click(together.querySelector('button')!);
    expect(view.store.getState().research.dossierId).toBe('e_amnesty');
    expect(asked).toEqual(['e_raisi']);
  });

  it('asks again when its passages change, and not for a change elsewhere', async () => {
    const { view } = await mount();
    expect(view.called()).toEqual(['entities.dossier']);
    await view.send(changed({ touchedEntities: ['e_other'] }));
    expect(view.called()).toEqual([]);
    await view.send(changed({ touchedEntities: ['e_raisi'] }));
    expect(view.called()).toEqual(['entities.dossier']);
  });

  it('exports the brief as Markdown through the core', async () => {
    const { view } = await mount();
    view.called();
    await view.click(view.button('Export as Markdown'));
    expect(view.called()).toEqual(['export.dossier']);
  });
});

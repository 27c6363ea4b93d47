// `[[...]]` links in notes: what counts as a link, what it resolves to, and the backlinks
// of entities, documents and highlights, on names from the sample article.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Note } from '../../../src/shared/model';
import {
  buildLinkIndex,
  linkedRecords,
  notesLinking,
  parseNoteLinks,
} from '../../../src/renderer/src/lib/note-links';
import { GRAMMAR_CASES, GRAMMAR_TARGETS } from '../../fixtures/note-link-cases';

const entities = [
  { id: 'ent_evin', name: 'Evin prison', aliases: ['Evin'] },
  { id: 'ent_noury', name: 'Hamid Noury', aliases: ['Hamid Nouri'] },
  // An alias that is another entity's name: the name wins.
  { id: 'ent_other', name: 'Gohardasht', aliases: ['Hamid Noury'] },
];
const documents = [
  { id: 'doc_iran', title: 'Why Iran’s regime is terrified' },
  { id: 'doc_evin', title: 'Evin' },
];
const index = buildLinkIndex(entities, documents);

const note = (id: string, fields: Partial<Note>): Note => ({
  id,
  title: id,
  body: '',
  entityIds: [],
  documentIds: [],
  annotationIds: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});

describe('parseNoteLinks', () => {
  it('finds [[target]] and [[target|label]] with their places in the text', () => {
    const body = 'Held at [[Evin prison]]; see [[ Why Iran’s regime is terrified | the article ]].';
    expect(parseNoteLinks(body)).toEqual([
      { target: 'Evin prison', label: 'Evin prison', start: 8, end: 23 },
      { target: 'Why Iran’s regime is terrified', label: 'the article', start: 29, end: 79 },
    ]);
    expect(body.slice(8, 23)).toBe('[[Evin prison]]');
    expect(body.slice(29, 79)).toMatch(/^\[\[ Why.*article \]\]$/);
  });

  it('ignores what is not a link: empty, across lines, with brackets inside, unclosed', () => {
    for (const body of [
      '[[]]',
      '[[  ]]',
      '[[Evin\nprison]]',
      '[[a[b]]',
      '[[Evin',
      '[Evin]',
      '[[|x]]',
    ])
      expect(parseNoteLinks(body), body).toEqual([]);
    expect(parseNoteLinks('[[[Evin]]]').map((l) => l.target)).toEqual(['Evin']);
  });

  it('gives links that lie inside the text, in order, each spelled [[...]] there', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('[', ']', '|', 'a', ' ', '\n', 'é') }), (s) => {
        let last = -1;
        for (const link of parseNoteLinks(s)) {
          expect(link.start).toBeGreaterThan(last);
          last = link.end - 1;
          const raw = s.slice(link.start, link.end);
          expect(raw.startsWith('[[') && raw.endsWith(']]')).toBe(true);
          expect(raw).toContain(link.target);
          expect(link.target).toBe(link.target.trim());
          expect(link.target.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('buildLinkIndex', () => {
  it('resolves an entity by name or alias, ignoring case, accents and spacing', () => {
    expect(index.resolve('evin   PRISON')).toEqual({
      kind: 'entity',
      id: 'ent_evin',
      name: 'Evin prison',
    });
    expect(index.resolve('Hamid Nourí')).toMatchObject({ id: 'ent_noury' });
  });

  it('prefers a name to another entity’s alias, and an entity to a document title', () => {
    expect(index.resolve('Hamid Noury')).toMatchObject({ kind: 'entity', id: 'ent_noury' });
    expect(index.resolve('Evin')).toMatchObject({ kind: 'entity', id: 'ent_evin' });
    expect(index.resolve('why iran’s regime is terrified')).toEqual({
      kind: 'document',
      id: 'doc_iran',
      title: 'Why Iran’s regime is terrified',
    });
  });

  it('leaves an unknown name unresolved', () => {
    expect(index.resolve('Qezel Hesar')).toBeUndefined();
  });
});

describe('notesLinking', () => {
  const notes = [
    note('note_body', {
      body: 'Transferred to [[evin prison]].',
      updatedAt: '2026-01-02T00:00:00.000Z',
    }),
    note('note_chosen', { entityIds: ['ent_evin'], annotationIds: ['ann_1'] }),
    note('note_doc', { body: '[[Why Iran’s regime is terrified|source]]', documentIds: [] }),
    note('note_unresolved', { body: '[[Qezel Hesar]]' }),
  ];

  it('finds notes that link an entity explicitly or by [[...]], newest first', () => {
    const found = notesLinking(notes, { kind: 'entity', id: 'ent_evin' }, index);
    expect(found.map((n) => n.id)).toEqual(['note_body', 'note_chosen']);
  });

  it('finds notes that link a document by title, and a highlight only explicitly', () => {
    expect(
      notesLinking(notes, { kind: 'document', id: 'doc_iran' }, index).map((n) => n.id),
    ).toEqual(['note_doc']);
    expect(notesLinking(notes, { kind: 'highlight', id: 'ann_1' }, index).map((n) => n.id)).toEqual(
      ['note_chosen'],
    );
    expect(notesLinking(notes, { kind: 'entity', id: 'ent_noury' }, index)).toEqual([]);
  });
});

describe('linkedRecords', () => {
  it('counts chosen links and resolved [[...]] names once each, and no unresolved one', () => {
    const both = note('n', {
      body: '[[Evin]], [[Evin prison]], [[Why Iran’s regime is terrified]], [[Qezel Hesar]]',
      entityIds: ['ent_evin', 'ent_noury'],
    });
    const { entityIds, documentIds } = linkedRecords(both, index);
    expect([...entityIds]).toEqual(['ent_evin', 'ent_noury']);
    expect([...documentIds]).toEqual(['doc_iran']);
  });
});

describe('the window reads links with the shared grammar', () => {
  const shared = buildLinkIndex(
    GRAMMAR_TARGETS.entities,
    GRAMMAR_TARGETS.documents,
    GRAMMAR_TARGETS.notes.map((n) => note(n.id, { title: n.title })),
  );
  it.each(GRAMMAR_CASES)('$body ($why)', ({ body, target, label, resolves }) => {
    const [link] = parseNoteLinks(body);
    expect(link).toMatchObject({ target, label });
    const found = shared.resolve(link!.target);
    expect(found && { kind: found.kind, id: found.id }).toEqual(resolves);
  });
});

describe('links between notes', () => {
  const notes = [
    note('note_plan', { title: 'Hearing plan', body: 'Follows [[Witness list|the list]].' }),
    note('note_list', {
      title: 'Witness list',
      body: 'Back to [[hearing plan]]; [[Witness list]].',
    }),
    note('note_other', { title: 'Other', body: 'Nothing here.' }),
  ];
  const withNotes = buildLinkIndex(entities, documents, notes);

  it('resolves a note by its title, with the title shown', () => {
    expect(withNotes.resolve('witness LIST')).toEqual({
      kind: 'note',
      id: 'note_list',
      title: 'Witness list',
    });
  });

  it('gives a note the notes that link it as backlinks, never itself', () => {
    const linking = (id: string): string[] =>
      notesLinking(notes, { kind: 'note', id }, withNotes).map((n) => n.id);
    expect(linking('note_list')).toEqual(['note_plan']);
    expect(linking('note_plan')).toEqual(['note_list']);
    expect(linking('note_other')).toEqual([]);
    expect([...linkedRecords(notes[1]!, withNotes).noteIds]).toEqual(['note_plan']);
  });
});

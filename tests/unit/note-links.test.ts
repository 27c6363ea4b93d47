// `[[...]]` links in note bodies: where they are, and which entity, document or note each
// names under the search folding: the one grammar the UI renders and search filters by.
import { describe, expect, it } from 'vitest';
import { linkKey, noteLinkResolver, parseNoteLinks } from '../../src/shared/note-links';
import { GRAMMAR_CASES, GRAMMAR_TARGETS } from '../fixtures/note-link-cases';

const body =
  'Met [[Hamid Noury]]’s lawyer after the hearing; see [[ Stockholm verdict ]].\n' +
  'Not a link: [[]] or [[two\nlines]] or [single]. Persian: [[دست کم]] and [[حمید نوری]].';

describe('parseNoteLinks', () => {
  it('finds each link with its place, brackets included, text trimmed', () => {
    const links = parseNoteLinks(body);
    expect(links.map((l) => l.target)).toEqual([
      'Hamid Noury',
      'Stockholm verdict',
      'دست کم',
      'حمید نوری',
    ]);
    for (const link of links) expect(body.slice(link.start, link.end)).toMatch(/^\[\[.*\]\]$/);
    expect(body.slice(links[1]!.start, links[1]!.end)).toBe('[[ Stockholm verdict ]]');
  });

  it('finds nothing in a body without links', () => {
    expect(parseNoteLinks('Plain notes about [brackets] and ]] stray [[ marks.')).toEqual([]);
  });
});

describe('noteLinkResolver', () => {
  const resolve = noteLinkResolver({
    entities: [
      { id: 'ent_noury', name: 'Hamid Noury', aliases: ['حمید نوری', 'U.S. detainee'] },
      { id: 'ent_dast', name: 'دست‌کم', aliases: [] },
      { id: 'ent_alias_clash', name: 'Evin', aliases: ['Hamid Noury'] },
    ],
    documents: [
      { id: 'doc_verdict', title: 'Stockholm Verdict' },
      { id: 'doc_evin', title: 'Evin' },
    ],
  });

  it.each([
    ['Hamid Noury', 'entity', 'ent_noury', 'the name'],
    ['HAMID  NOURY', 'entity', 'ent_noury', 'case and spacing'],
    ['حميد نوري', 'entity', 'ent_noury', 'an alias in Arabic letters'],
    ['US detainee', 'entity', 'ent_noury', 'an alias with dots left out'],
    ['دست کم', 'entity', 'ent_dast', 'ZWNJ written as a space'],
    ['دستکم', 'entity', 'ent_dast', 'ZWNJ left out'],
    ['stockholm verdict', 'document', 'doc_verdict', 'a document title'],
    ['Evin', 'entity', 'ent_alias_clash', 'an entity before a document of the same name'],
  ])('%s → %s %s (%s)', (text, kind, id) => {
    expect(resolve(text)).toEqual({ kind, id });
  });

  it('names nothing for an unknown text, and a name before an alias', () => {
    expect(resolve('Tehran')).toBeUndefined();
    expect(resolve('Hamid Nour')).toBeUndefined();
    expect(linkKey('Hamid Noury')).toBe(linkKey('hamid noury'));
  });
});

describe('one grammar: the cases search and the window used to read differently', () => {
  const resolve = noteLinkResolver(GRAMMAR_TARGETS);
  it.each(GRAMMAR_CASES)('$body ($why)', ({ body, target, label, resolves }) => {
    const [link, ...more] = parseNoteLinks(body);
    expect(more).toEqual([]);
    expect(link).toMatchObject({ target, label });
    expect(body.slice(link!.start, link!.end)).toMatch(/^\[\[.*\]\]$/);
    expect(resolve(link!.target)).toEqual(resolves);
  });
});

// Bibliographies to and from Zotero and the like: the workspace's sources exported as
// BibTeX (BibLaTeX), RIS and CSL-JSON read back by citation-js (the same parser Zotero's
// translators agree with on these fields) with the same titles, authors, dates, addresses
// and DOIs, also for names and titles a LaTeX or RIS writer gets wrong; a bibliography
// imported fills in the details of the documents it matches (by DOI or address), keeps
// what they have, adds the rest as sources without text only when asked, reports every
// entry, and is one undoable step; a file that is not a bibliography is refused by name.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import { authorOf } from '../../src/core/export/citations/csl-items';
import { readBibliography } from '../../src/core/importers/interchange/read-bibliography';
import { openSample, tempDir, unwrap } from './helpers';

let dir: { dir: string; cleanup: () => Promise<void> };
let wb: Workbench;
beforeEach(async () => {
  dir = await tempDir();
  wb = await openSample(dir.dir);
});
afterEach(async () => dir.cleanup());

const SOURCE = {
  author:
    'Ó Briain, Seán; Müller-Lüdenscheidt, Jürgen; Jane Reporter; Ludwig van Beethoven; Amnesty International',
  publisher: 'Iran Focus',
  url: 'https://example.org/iran-rights?page=2&lang=en',
  doi: '10.5555/rights.2021_12',
  publishedDate: '2021-12-20',
  accessedDate: '2026-11-20',
};
// A title with what LaTeX treats as commands and comments, and text no ASCII writer keeps.
const TITLE = 'Rights & wrongs: 100% of cases_2021 {closed} — گزارش سالانه';

async function sampleWithSource(): Promise<string> {
  const [doc] = unwrap(await wb.call('documents.list', {}));
  unwrap(
    await wb.call('documents.updateMetadata', {
      id: doc!.id,
      patch: { title: TITLE, source: SOURCE },
    }),
  );
  return doc!.id;
}

async function exported(format: 'bibtex' | 'ris' | 'csl-json'): Promise<string> {
  return unwrap(await wb.call('export.create', { format })).content;
}

describe('a bibliography export read back', () => {
  it.each([
    ['bibtex', 'sources.bib'],
    ['ris', 'sources.ris'],
    ['csl-json', 'sources.json'],
  ] as const)('as %s keeps titles, authors, dates, addresses and DOIs', async (format, name) => {
    await sampleWithSource();
    const text = await exported(format);
    const { format: read, items } = await readBibliography(text, name);
    expect(read).toBe(format);
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item!.title).toBe(TITLE);
    // BibTeX has no literal names: an organisation comes back as one braced family name,
    // which is the same author here. A plain "Given Family" name was split on the way out
    // and comes back family first; a name with a particle stays whole.
    expect(authorOf(item!.author)).toBe(SOURCE.author.replace('Jane Reporter', 'Reporter, Jane'));
    expect(item!.author).toContainEqual({ family: 'Ó Briain', given: 'Seán' });
    expect(item!.author).toContainEqual({ family: 'Reporter', given: 'Jane' });
    expect(item!.issued).toMatchObject({ 'date-parts': [[2021, 12, 20]] });
    expect(item!.accessed).toMatchObject({ 'date-parts': [[2026, 11, 20]] });
    expect(item!.URL).toBe(SOURCE.url);
    expect(String(item!.DOI).toLowerCase()).toBe(SOURCE.doi);
  });

  it('writes RIS lines whole and BibTeX with its specials escaped, in UTF-8', async () => {
    await sampleWithSource();
    const ris = await exported('ris');
    expect(ris).toContain(`TI  - ${TITLE}\r\n`);
    expect(ris.trimEnd().endsWith('ER  -')).toBe(true);
    const bib = await exported('bibtex');
    expect(bib).toMatch(/^@online\{/);
    expect(bib).toContain('Rights \\& wrongs: 100\\% of cases\\_2021 \\{closed\\}');
    expect(bib).toContain('گزارش سالانه');
    expect(bib).toContain(`url = {${SOURCE.url}}`);
  });
});

const ZOTERO_RIS = [
  'TY  - ELEC',
  'TI  - A page about rights',
  'AU  - Karimi, Leila',
  'UR  - http://example.org/iran-rights/?page=2&lang=en#top',
  'PY  - 2021/12/20/',
  'LA  - en',
  'ER  - ',
  'TY  - JOUR',
  'TI  - Courts and the 1988 killings',
  'AU  - Rahimi, Omid',
  'T2  - Journal of Rights',
  'DO  - 10.1234/jor.2020.7',
  'PY  - 2020',
  'ER  - ',
  '',
].join('\r\n');

describe('a bibliography imported', () => {
  it('previews, then fills in the matching document and adds the other only when asked', async () => {
    const [doc] = unwrap(await wb.call('documents.list', {}));
    unwrap(
      await wb.call('documents.updateMetadata', {
        id: doc!.id,
        patch: {
          source: { url: 'https://example.org/iran-rights?page=2&lang=en', author: 'Staff' },
        },
      }),
    );
    const call = (mode: 'preview' | 'fill' | 'add') =>
      wb.call('documents.importReferences', { fileName: 'zotero.ris', text: ZOTERO_RIS, mode });

    const preview = unwrap(await call('preview'));
    expect(preview.counts).toEqual({ filled: 1, unchanged: 0, added: 0, unmatched: 1 });
    expect(preview.items[0]).toMatchObject({
      index: 1,
      action: 'filled',
      matchedBy: 'url',
      documentId: doc!.id,
      filled: expect.arrayContaining(['publishedDate', 'language']) as unknown,
      differs: ['author'],
    });
    expect(preview.items[1]).toMatchObject({
      title: 'Courts and the 1988 killings',
      action: 'unmatched',
    });
    // A preview stores nothing.
    expect(unwrap(await wb.call('documents.get', { id: doc!.id })).document.source.language).toBe(
      undefined,
    );

    const filled = unwrap(await call('fill'));
    expect(filled.counts).toEqual({ filled: 1, unchanged: 0, added: 0, unmatched: 1 });
    const source = unwrap(await wb.call('documents.get', { id: doc!.id })).document.source;
    // What the document had is kept; what it lacked is filled in.
    expect(source).toMatchObject({ author: 'Staff', publishedDate: '2021-12-20', language: 'en' });
    expect(unwrap(await wb.call('documents.list', {}))).toHaveLength(1);

    const added = unwrap(await call('add'));
    expect(added.counts).toEqual({ filled: 0, unchanged: 1, added: 1, unmatched: 0 });
    const newId = added.items[1]!.documentId!;
    const reference = unwrap(await wb.call('documents.get', { id: newId })).document;
    expect(reference).toMatchObject({ title: 'Courts and the 1988 killings', text: '' });
    expect(reference.source).toMatchObject({
      author: 'Rahimi, Omid',
      doi: '10.1234/jor.2020.7',
      containerTitle: 'Journal of Rights',
      publishedDate: '2020',
    });
    // Nobody read it here, so it has no accessed date of ours.
    expect(reference.source.accessedDate).toBe(undefined);

    // The same file again matches the added source by its DOI and changes nothing.
    const again = unwrap(await call('add'));
    expect(again.items[1]).toMatchObject({
      action: 'unchanged',
      matchedBy: 'doi',
      documentId: newId,
    });

    // Each import is one undoable step.
    unwrap(await wb.call('history.undo', {}));
    unwrap(await wb.call('history.undo', {}));
    expect(unwrap(await wb.call('documents.list', {}))).toHaveLength(1);
    unwrap(await wb.call('history.undo', {}));
    expect(unwrap(await wb.call('documents.get', { id: doc!.id })).document.source.language).toBe(
      undefined,
    );
  });

  it('matches a BibTeX entry by a DOI written as an address, whatever its case', async () => {
    const id = await sampleWithSource();
    const bib = `@article{x, title={Another title}, doi={https://doi.org/10.5555/RIGHTS.2021_12}, language={fa}}`;
    const report = unwrap(
      await wb.call('documents.importReferences', {
        fileName: 'refs.bib',
        text: bib,
        mode: 'fill',
      }),
    );
    expect(report.items[0]).toMatchObject({
      matchedBy: 'doi',
      documentId: id,
      filled: ['language', 'citationType'],
    });
  });

  it.each([
    ['notes.txt', 'just some words', /not a BibTeX, RIS or CSL-JSON bibliography/],
    ['refs.json', '{"title": ', /not valid JSON/],
    ['refs.json', '[1, 2]', /not a CSL-JSON list of references/],
    ['refs.bib', '@comment{nothing here}', /holds no references/],
  ])('refuses %s (%s) saying why, and stores nothing', async (fileName, text, why) => {
    const before = unwrap(await wb.call('documents.list', {}));
    const result = await wb.call('documents.importReferences', { fileName, text, mode: 'add' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(new RegExp(fileName.replace('.', '\\.')));
    if (!result.ok) expect(result.error.message).toMatch(why);
    expect(unwrap(await wb.call('documents.list', {}))).toEqual(before);
  });
});

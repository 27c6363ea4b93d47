// A bibliography of the sources a user picked, in a style the app ships: only those
// sources, each one entry of plain text ready to paste, in the style asked for; a
// document that is not there is named.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import { reopen, tempDir, unwrap } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
let wb: Workbench;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  wb = await reopen(dir);
});
afterEach(() => cleanup());

async function source(title: string, author: string, publishedDate: string): Promise<string> {
  const made = unwrap(
    await wb.call('documents.paste', {
      title,
      text: `${title}.\n\nA paragraph of the report.`,
      source: { author, publisher: 'Rights Monitor', publishedDate, url: 'https://example.org/r' },
    }),
  );
  if (made.kind !== 'document') throw new Error(made.kind);
  return made.documentId;
}

describe('a bibliography of chosen sources', () => {
  it('lists only those, one plain-text entry each, in the chosen style', async () => {
    const a = await source('Detention without trial', 'Ahmadi, Sara', '2021-03-02');
    const b = await source('Courts behind closed doors', 'Karimi, Reza', '2019-11-20');
    await source('Not chosen', 'Other, Person', '2020-01-01');
    const apa = unwrap(
      await wb.call('export.bibliography', { documentIds: [a, b], style: 'apa' }),
    ).entries;
    expect(apa).toHaveLength(2);
    // APA sorts by author and puts the year in brackets.
    expect(apa[0]).toMatch(/^Ahmadi, S\. \(2021, March 2\)\. Detention without trial/);
    expect(apa[1]).toMatch(/^Karimi, R\. \(2019/);
    expect(apa.join('\n')).not.toMatch(/Not chosen|<\/?[a-z]/i);
    const chicago = unwrap(
      await wb.call('export.bibliography', { documentIds: [a], style: 'chicago-author-date' }),
    ).entries;
    expect(chicago).toHaveLength(1);
    expect(chicago[0]).toMatch(/^Ahmadi, Sara\. 2021/);
  });

  it('names a document that is not in the workspace', async () => {
    const refused = await wb.call('export.bibliography', { documentIds: ['doc_missing'] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

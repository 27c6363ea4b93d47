// Accepting mentions as useful passages, on a real workspace: by default each becomes a
// highlight of its sentence (cut by the same rules the reader selects sentences with, in
// the document's language), two mentions in one sentence make one highlight, a sentence
// already highlighted is tagged rather than highlighted twice, and the answer counts
// mentions, new highlights and tagged ones; "name" keeps the old one-word highlights.
import { describe, expect, it } from 'vitest';
import { sentenceAround } from '../../src/shared/text-units';
import { unwrap } from '../integration/helpers';
import { createPerson, sampleWorkspaceEachTest } from './sample-workspace';

const sample = sampleWorkspaceEachTest();

const person = (name: string, aliases: string[] = []) => createPerson(sample.wb, name, aliases);
const refsOf = async (entityId: string) =>
  unwrap(await sample.wb.call('mentions.find', { entityId }))
    .filter((m) => !m.tagged)
    .map(({ documentId, start, end }) => ({ documentId, start, end }));
const quotes = async (documentId: string) =>
  unwrap(await sample.wb.call('documents.get', { id: documentId }))
    .annotations.sort((a, b) => a.target.position.start - b.target.position.start)
    .map((a) => [a.target.quote.exact, a.entityIds.length]);

describe('accepting mentions', () => {
  it('highlights each mention’s sentence, and tags a sentence already highlighted', async () => {
    const docId = unwrap(await sample.wb.call('documents.list', {}))[0]!.id;
    const ejei = await person('Ejei');
    expect(
      unwrap(
        await sample.wb.call('mentions.accept', { entityId: ejei, mentions: await refsOf(ejei) }),
      ),
    ).toEqual({ mentions: 3, created: 3, tagged: 0 });
    const sentences = await quotes(docId);
    expect(sentences.map(([quote]) => String(quote).slice(0, 40))).toEqual([
      'Judiciary Chief Gholam Hossein Mohseni E',
      'Ejei talked of “the rush of human rights',
      'Ejei then stressed that the regime shoul',
    ]);
    expect(String(sentences[0]![0]).endsWith('also attended.')).toBe(true);

    // Shamkhani is named in the first of those sentences: that highlight gains his tag.
    const shamkhani = await person('Ali Shamkhani');
    expect(
      unwrap(
        await sample.wb.call('mentions.accept', {
          entityId: shamkhani,
          mentions: await refsOf(shamkhani),
        }),
      ),
    ).toEqual({ mentions: 1, created: 0, tagged: 1 });
    expect((await quotes(docId))[0]![1]).toBe(2);
  });

  it('makes one highlight of two mentions in one sentence, in any script', async () => {
    const paste = async (title: string, text: string) => {
      const r = unwrap(await sample.wb.call('documents.paste', { title, text }));
      if (r.kind !== 'document') throw new Error('expected a document');
      return r.documentId;
    };
    const english = await paste(
      'Trial',
      'The trial of Hamid Noury, a former deputy prosecutor, began in 2019; Noury denied it. The court adjourned.',
    );
    const persian = await paste('دادگاه', 'حمید نوری در دادگاه بود. او محکوم شد.');
    const noury = await person('Hamid Noury', ['Noury', 'حمید نوری']);
    expect(
      unwrap(
        await sample.wb.call('mentions.accept', { entityId: noury, mentions: await refsOf(noury) }),
      ),
      // Two in the pasted sentence, one in Persian, two in two sentences of the sample.
    ).toEqual({ mentions: 5, created: 4, tagged: 0 });
    expect(await quotes(english)).toEqual([
      ['The trial of Hamid Noury, a former deputy prosecutor, began in 2019; Noury denied it.', 1],
    ]);
    expect(await quotes(persian)).toEqual([['حمید نوری در دادگاه بود.', 1]]);
  });

  it('keeps the name alone when asked', async () => {
    const docId = unwrap(await sample.wb.call('documents.list', {}))[0]!.id;
    const ejei = await person('Ejei');
    unwrap(
      await sample.wb.call('mentions.accept', {
        entityId: ejei,
        mentions: await refsOf(ejei),
        extent: 'name',
      }),
    );
    expect(await quotes(docId)).toEqual([
      ['Ejei', 1],
      ['Ejei', 1],
      ['Ejei', 1],
    ]);
  });

  it('cuts sentences within their block, keeping abbreviations and a bad language tag', () => {
    const text = 'Sanctioned by the U.S. and the EU. Then more.';
    const blocks = [{ kind: 'paragraph' as const, start: 0, end: text.length }];
    const at = text.indexOf('EU');
    expect(sentenceAround(text, blocks, at, at + 2, 'en_US')).toEqual({
      start: 0,
      end: text.indexOf('EU.') + 3,
    });
    expect(sentenceAround(text, [], 3, 5)).toEqual({ start: 3, end: 5 });
  });
});

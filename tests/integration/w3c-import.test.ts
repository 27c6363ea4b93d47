// The shapes W3C Web Annotation JSON-LD comes in, each imported onto the sample article:
// one Annotation, a list, an AnnotationPage, a collection whose pages are chained by
// embedded `next` pages; bodies as comments, tags, semantic tags (a Wikidata IRI) and
// the entity tags of workbench exports from before they were SpecificResources.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import { openSample, tempDir, unwrap } from './helpers';

const URL = 'https://example.org/iran-rights';
const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const QUOTES = [
  'Judiciary Chief Gholam Hossein Mohseni Ejei',
  'what is the regime worried about',
  'involved in the 1988 massacre',
];

let cleanup: () => Promise<void>;
let wb: Workbench;
let docId: string;
beforeEach(async () => {
  let dir: string;
  ({ dir, cleanup } = await tempDir());
  wb = await openSample(dir);
  docId = unwrap(await wb.call('documents.list', {}))[0]!.id;
  unwrap(await wb.call('documents.updateMetadata', { id: docId, patch: { source: { url: URL } } }));
});
afterEach(() => cleanup());

const annotation = (n: number, body: unknown): Record<string, unknown> => ({
  id: `https://notes.example.org/anno/${n}`,
  type: 'Annotation',
  body,
  // An https address with a fragment and a trailing slash names the same page.
  target: {
    source: `${URL}/#section-${n}`,
    selector: { type: 'TextQuoteSelector', exact: QUOTES[n % QUOTES.length] },
  },
});

async function importJson(value: unknown) {
  return unwrap(await wb.call('annotations.import', { json: JSON.stringify(value) }));
}

describe('W3C JSON-LD import', () => {
  it('reads one annotation with a comment, a tag and a semantic tag', async () => {
    const report = await importJson({
      '@context': CONTEXT,
      ...annotation(0, [
        { type: 'TextualBody', purpose: 'commenting', value: 'Named in the minutes.' },
        { type: 'TextualBody', purpose: 'tagging', value: 'judiciary' },
        {
          type: 'SpecificResource',
          purpose: 'identifying',
          source: 'http://www.wikidata.org/entity/Q5967431',
        },
      ]),
    });
    expect(report.counts.anchored).toBe(1);
    const [created] = unwrap(await wb.call('documents.get', { id: docId })).annotations;
    expect(created).toMatchObject({ note: 'Named in the minutes.', tags: ['judiciary'] });
    const entities = unwrap(await wb.call('entities.list', {}));
    expect(entities).toEqual([
      expect.objectContaining({
        id: created!.entityIds[0],
        name: 'Q5967431',
        externalId: 'Q5967431',
      }),
    ]);
  });

  it('reads a list, a page, and a collection whose pages are chained by embedded pages', async () => {
    const list = await importJson([annotation(0, 'https://example.org/tag/x')]);
    expect(list.counts.anchored).toBe(1);
    const page = await importJson({
      '@context': CONTEXT,
      id: 'https://notes.example.org/page/1',
      type: 'AnnotationPage',
      items: [annotation(1, { type: 'TextualBody', value: 'A question to ask.' })],
    });
    expect(page.counts.anchored).toBe(1);
    const collection = await importJson({
      '@context': CONTEXT,
      id: 'https://notes.example.org/c',
      type: 'AnnotationCollection',
      total: 3,
      first: {
        id: 'https://notes.example.org/c/1',
        type: 'AnnotationPage',
        items: [annotation(3, undefined)],
        next: {
          id: 'https://notes.example.org/c/2',
          type: 'AnnotationPage',
          items: [annotation(4, undefined), annotation(2, undefined)],
        },
      },
    });
    // 3 repeats 0 and 4 repeats 1: both already there. 2 is new.
    expect(collection.items.map((i) => i.status)).toEqual(['duplicate', 'duplicate', 'anchored']);
    expect(collection.items.map((i) => i.sourceId)).toEqual([
      'https://notes.example.org/anno/3',
      'https://notes.example.org/anno/4',
      'https://notes.example.org/anno/2',
    ]);
  });

  it('turns an old workbench entity tag (a TextualBody with an entity IRI) back into the entity', async () => {
    const evin = unwrap(await wb.call('entities.create', { name: 'Evin prison', type: 'place' }));
    const report = await importJson({
      '@context': CONTEXT,
      ...annotation(2, {
        type: 'TextualBody',
        purpose: 'tagging',
        value: 'Evin prison',
        id: `urn:research-workbench:entity:${evin.id}`,
      }),
    });
    const created = unwrap(await wb.call('documents.get', { id: docId })).annotations.find(
      (a) => a.id === report.items[0]!.annotationId,
    );
    expect(created).toMatchObject({ entityIds: [evin.id], tags: [] });
  });

  it('reports a target without a passage, and one without a quote, as not imported', async () => {
    const report = await importJson([
      { id: 'urn:a:1', type: 'Annotation', bodyValue: 'On the whole page', target: URL },
      {
        id: 'urn:a:2',
        type: 'Annotation',
        target: { source: URL, selector: { type: 'TextPositionSelector', start: 3, end: 9 } },
      },
    ]);
    expect(report.items.map((i) => [i.status, i.reason])).toEqual([
      ['skipped', 'it targets a whole document, with no passage selected'],
      ['skipped', 'it has no quote (TextQuoteSelector) to find its passage by'],
    ]);
  });
});

// W3C conformance: our own JSON Schemas of the Web Annotation Data Model's MUST
// requirements (tests/fixtures/w3c, written from the model, section by section) run with
// ajv on a real export of a rich workspace: entities with and without a Wikidata QID,
// notes, tags, all four kinds, fuzzy and orphaned highlights and a PDF page selector. The
// schemas are checked first on hand-written samples: the correct pass, the incorrect fail.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import { reportPdf } from '../fixtures/node/pdf';
import { openSample, tempDir, unwrap } from './helpers';

const W3C = join(import.meta.dirname, '../fixtures/w3c');
const load = (name: string): object => JSON.parse(readFileSync(join(W3C, name), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true });
ajv.addSchema(load('annotation.schema.json'), 'annotation');
ajv.addSchema(load('page.schema.json'), 'page');
ajv.addSchema(load('collection.schema.json'), 'collection');

type SchemaName = 'annotation' | 'page' | 'collection';
interface Sample {
  name: string;
  schema: SchemaName;
  data: unknown;
}
const samples = load('samples.json') as { valid: Sample[]; invalid: Sample[] };

function errors(schema: SchemaName, data: unknown): string[] {
  const validate = ajv.getSchema(schema)!;
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => `${e.dataPath} ${e.message ?? ''}`);
}

describe('the schemas, on hand-written samples', () => {
  it.each(samples.valid.map((s) => [s.name, s] as const))('passes %s', (_name, sample) => {
    expect(errors(sample.schema, sample.data)).toEqual([]);
  });
  it.each(samples.invalid.map((s) => [s.name, s] as const))('fails %s', (_name, sample) => {
    expect(errors(sample.schema, sample.data)).not.toEqual([]);
  });
});

describe('the W3C export of a rich workspace', () => {
  let wb: Workbench;
  let cleanup: () => Promise<void>;
  let collection: {
    first: { items: Record<string, unknown>[] } & Record<string, unknown>;
  } & Record<string, unknown>;

  beforeAll(async () => {
    let dir: string;
    ({ dir, cleanup } = await tempDir());
    wb = await openSample(dir);
    const [sample] = unwrap(await wb.call('documents.list', {}));
    const { text, revision } = unwrap(await wb.call('documents.get', { id: sample!.id })).document;
    const ejei = unwrap(
      await wb.call('entities.create', { name: 'Ejei', type: 'person', externalId: 'Q5967431' }),
    );
    const evin = unwrap(await wb.call('entities.create', { name: 'Evin prison', type: 'place' }));
    const at = (exact: string): { start: number; end: number } => {
      const start = text.indexOf(exact);
      return { start, end: start + exact.length };
    };
    const kinds = ['quote', 'claim', 'evidence', 'question'] as const;
    const quotes = [
      'Judiciary Chief Gholam Hossein Mohseni Ejei',
      'involved in the 1988 massacre',
      'what is the regime worried about',
      'a former deputy prosecutor',
    ];
    const ids: string[] = [];
    for (const [i, kind] of kinds.entries()) {
      const a = unwrap(
        await wb.call('annotations.create', {
          documentId: sample!.id,
          ...at(quotes[i]!),
          kind,
          entityIds: i % 2 ? [evin.id] : [ejei.id, evin.id],
          tags: i === 1 ? ['1988', 'massacre'] : [],
          note: i === 0 ? 'Seen by **two** witnesses.' : '',
        }),
      );
      ids.push(a.id);
    }
    unwrap(await wb.call('notes.create', { title: 'Lead', body: 'x', annotationIds: ids }));
    // One quote reworded (fuzzy) and one removed (orphaned) by an edit of the text.
    const edited = text
      .replace('a former deputy prosecutor', 'a former deputy prosecuting official')
      .replace('what is the regime worried about', 'nothing here now');
    unwrap(await wb.call('documents.editText', { id: sample!.id, revision, text: edited }));
    const pdf = Buffer.from(await reportPdf()).toString('base64');
    const outcome = unwrap(
      await wb.call('documents.import', { fileName: 'r.pdf', dataBase64: pdf }),
    );
    if (outcome.kind !== 'document') throw new Error(outcome.kind);
    const pdfText = unwrap(await wb.call('documents.get', { id: outcome.documentId })).document
      .text;
    const start = pdfText.indexOf('the visiting rules');
    unwrap(
      await wb.call('annotations.create', {
        documentId: outcome.documentId,
        start,
        end: start + 'the visiting rules'.length,
        kind: 'evidence',
      }),
    );
    collection = JSON.parse(
      unwrap(await wb.call('export.create', { format: 'w3c' })).content,
    ) as typeof collection;
  });
  afterAll(() => cleanup());

  it('holds what the test needs: every kind, fuzzy and orphaned, a page selector', () => {
    const json = JSON.stringify(collection);
    for (const needle of [
      'questioning',
      '"claim"',
      '"evidence"',
      'wikidata.org/entity/Q5967431',
      'urn:research-workbench:entity:',
      '"FragmentSelector"',
      '"commenting"',
    ])
      expect(json).toContain(needle);
    const selectors = collection.first.items.map(
      (i) => ((i.target as { selector: unknown[] }).selector ?? []).length,
    );
    expect(selectors).toContain(1); // the orphaned highlight: its quote only
  });

  it('passes every MUST of the collection, its page and each annotation', () => {
    expect(errors('collection', collection)).toEqual([]);
    expect(errors('page', collection.first)).toEqual([]);
    const context = collection['@context'];
    for (const item of collection.first.items)
      expect(errors('annotation', { '@context': context, ...item })).toEqual([]);
  });
});

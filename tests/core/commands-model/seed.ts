// The workspace every sequence of the command-queue property test starts from: the sample
// article, a pasted document, and a few entities, highlights and a note already made, so
// that a short sequence can edit, merge, delete and undo from its first command. The model
// of it is read back through the API, the one time the test takes the workbench's word.
import type { Workbench } from '../../../src/core/workbench';
import { openSample, unwrap } from '../../integration/helpers';
import { highlightFields } from './harness';
import { occursOnce, type ModelEntity, type ModelState } from './model';
import { PASTED_TEXT, PASTED_TITLE } from './texts';

async function highlight(
  wb: Workbench,
  documentId: string,
  quote: string,
  fields: { entityIds?: string[]; tags?: string[]; note?: string },
): Promise<string> {
  const { document } = unwrap(await wb.call('documents.get', { id: documentId }));
  // The model places only quotes found once (see model.ts `editDoc`).
  if (!occursOnce(document.text, quote)) throw new Error(`"${quote}" is not unique`);
  const start = document.text.indexOf(quote);
  const input = { documentId, start, end: start + quote.length, ...fields };
  return unwrap(await wb.call('annotations.create', input)).id;
}

/** Makes the starting workspace in `dir` and returns its model. */
export async function seedWorkspace(dir: string): Promise<ModelState> {
  const wb = await openSample(dir);
  unwrap(await wb.call('documents.paste', { title: PASTED_TITLE, text: PASTED_TEXT }));
  const [sample, pasted] = unwrap(await wb.call('documents.list', {})).map((d) => d.id);
  const entities: ModelEntity[] = [];
  const entity = async (name: string, type: string, aliases: string[] = []) => {
    const { id, description } = unwrap(await wb.call('entities.create', { name, type, aliases }));
    entities.push({ id, name, type, aliases, description });
    return id;
  };
  const shamkhani = await entity('Ali Shamkhani', 'person', ['Shamkhani']);
  const ejei = await entity('Ejei', 'person');
  await entity('Evin prison', 'place');
  const first = await highlight(wb, sample!, 'Ali Shamkhani', {
    entityIds: [shamkhani],
    tags: ['evidence'],
  });
  await highlight(wb, sample!, 'Gholam Hossein Mohseni Ejei', { entityIds: [ejei] });
  await highlight(wb, pasted!, 'three boxes we had ordered a month before', {
    tags: ['follow up'],
    note: 'Which boxes?',
  });
  unwrap(
    await wb.call('notes.create', {
      title: 'Who attended',
      body: 'See [[Ali Shamkhani]].',
      entityIds: [shamkhani, ejei],
      documentIds: [sample!],
      annotationIds: [first],
    }),
  );

  const docs = [];
  for (const id of [sample!, pasted!]) {
    const { document, annotations } = unwrap(await wb.call('documents.get', { id }));
    const { text, revision } = document;
    const highlights = annotations.map((a) => ({
      ...highlightFields(a),
      status: 'anchored' as const,
    }));
    docs.push({ id, text, revision, highlights });
  }
  const notes = unwrap(await wb.call('notes.list', {})).map(
    ({ createdAt: _c, updatedAt: _u, ...n }) => n,
  );
  return { docs, entities, notes };
}

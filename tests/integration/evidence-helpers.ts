// Importing a fixture through the API, as the window does, for the evidence tests.
import type { Workbench } from '../../src/core/workbench';
import type { ImportOutcome } from '../../src/shared/api';
import type { Document } from '../../src/shared/model';
import { unwrap } from './helpers';

export async function importAs(
  workbench: Workbench,
  fileName: string,
  data: Uint8Array,
): Promise<{ document: Document; outcome: Extract<ImportOutcome, { kind: 'document' }> }> {
  const outcome = unwrap(await workbench.call('documents.importBytes', { fileName, data }));
  if (outcome.kind !== 'document') throw new Error(`expected a document, got ${outcome.kind}`);
  const { document } = unwrap(await workbench.call('documents.get', { id: outcome.documentId }));
  return { document, outcome };
}

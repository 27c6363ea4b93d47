// The dossier tests' small workspace: one document naming Ejei twice, one tagging him.
import type { Workbench } from '../../src/core/workbench';
import { reopen, unwrap } from './helpers';

export const dossierOf = async (wb: Workbench, id: string) =>
  unwrap(await wb.call('entities.dossier', { id }));

/** Ejei named twice in "Naming" and tagged on one highlight in "Tagged"; its writes settled. */
export async function ejeiWorkspace(
  dir: string,
): Promise<{ wb: Workbench; naming: string; tagged: string; ejei: string }> {
  const wb = await reopen(dir);
  const paste = async (title: string, text: string) => {
    const r = unwrap(await wb.call('documents.paste', { title, text }));
    if (r.kind !== 'document') throw new Error('expected a document');
    return r.documentId;
  };
  const naming = await paste('Naming', 'Ejei spoke first.\n\nThen Ejei left the room.');
  const tagged = await paste('Tagged', 'Ejei chaired it.');
  const ejei = unwrap(await wb.call('entities.create', { name: 'Ejei', type: 'person' })).id;
  unwrap(
    await wb.call('annotations.create', {
      documentId: tagged,
      start: 0,
      end: 4,
      entityIds: [ejei],
    }),
  );
  await wb.settled();
  return { wb, naming, tagged, ejei };
}

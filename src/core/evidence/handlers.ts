// evidence.*: writing the evidence bundle (./write-bundle.ts). Checking one needs no
// workspace at all: the command line calls ./verify-bundle.ts on the file's bytes.
import type { NamespaceHandlers } from '../../shared/api';
import type { CoreContext } from '../context';
import { writeBundle } from './write-bundle';

export function evidenceHandlers(ctx: CoreContext): NamespaceHandlers<'evidence'> {
  return {
    'evidence.bundle': async ({ includeOriginals }) => {
      const bundle = await writeBundle(ctx, includeOriginals);
      const stamp = new Date().toISOString().slice(0, 10);
      return {
        fileName: `evidence-bundle-${stamp}.zip`,
        mimeType: 'application/zip',
        ...bundle,
      };
    },
  };
}

// Annotations from other tools previewed (which documents their addresses match, which
// tags they carry) and then imported as one undoable command.
import type { WorkbenchHandlers } from '../../shared/api';
import type { CoreContext } from '../context';
import { importAnnotations, previewAnnotations } from './interchange/import-annotations';
import { readAnnotationsFile } from './interchange/read-annotations';

type Handlers = Pick<WorkbenchHandlers, 'annotations.importPreview' | 'annotations.import'>;

export function interchangeHandlers(ctx: CoreContext): Handlers {
  return {
    'annotations.importPreview': async ({ json }) => {
      const file = readAnnotationsFile(json);
      return ctx.read((tx) => previewAnnotations(tx, file));
    },

    'annotations.import': async ({ json, documents, tags }) => {
      // Parsed before the command is queued, so a large file never holds up other commands.
      const file = readAnnotationsFile(json);
      return ctx.command('Import annotations', (tx) =>
        importAnnotations(ctx, tx, file, { documents, tags }),
      );
    },
  };
}

// export.*: the workspace as a file in one of the export formats (src/shared/concepts/
// export-formats.ts names them; ./exporters.ts renders each), an entity's dossier as a
// brief, and the timeline of events. Each is a pure function of one state.
import type { NamespaceHandlers } from '../../shared/api';
import { exportFormat } from '../../shared/concepts/export-formats';
import type { CoreContext } from '../context';
import { dossierOf } from '../entities/handlers';
import { timelineOf } from '../events/handlers';
import { exportDossier } from './dossier';
import { exportEventsCsv, exportEventsJson } from './events';
import { EXPORTERS } from './exporters';
import type { Snapshot } from './snapshot';

/** Everything an exporter reads, taken at one moment, documents in the order they came. */
export async function snapshot(ctx: CoreContext): Promise<Snapshot> {
  const { entities, notes } = ctx.store.workspace;
  // Read a slice at a time without filling the cache; an export holds them all, once.
  const files = await ctx.files();
  return {
    entities: [...entities],
    notes: [...notes],
    documents: files
      .map(({ document, annotations }) => ({ document, annotations }))
      .sort((a, b) => a.document.createdAt.localeCompare(b.document.createdAt)),
    exportedAt: new Date().toISOString(),
  };
}

const slug = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60) || 'entity';

/** What each format's file is called, before its date and extension. */
const FILE_NAMES: Record<string, string> = { json: 'workspace-backup', w3c: 'annotations' };

export function exportHandlers(ctx: CoreContext): NamespaceHandlers<'export'> {
  return {
    'export.create': async ({ format }) => {
      const spec = exportFormat(format);
      const snap = await snapshot(ctx);
      const date = snap.exportedAt.slice(0, 10);
      return {
        fileName: `${FILE_NAMES[format] ?? 'research-notes'}-${date}.${spec.extension}`,
        mimeType: spec.mediaType,
        content: EXPORTERS[format](snap),
      };
    },
    'export.dossier': async ({ id }) => {
      const now = new Date().toISOString();
      const d = await dossierOf(ctx, id);
      return {
        fileName: `dossier-${slug(d.entity.name)}-${now.slice(0, 10)}.md`,
        mimeType: exportFormat('markdown').mediaType,
        content: exportDossier(d, now),
      };
    },
    'export.events': async ({ format }) => {
      const date = new Date().toISOString().slice(0, 10);
      const events = await timelineOf(ctx);
      return format === 'csv'
        ? {
            fileName: `events-${date}.csv`,
            mimeType: exportFormat('csv').mediaType,
            content: exportEventsCsv(events),
          }
        : {
            fileName: `events-${date}.json`,
            mimeType: exportFormat('json').mediaType,
            content: exportEventsJson(events),
          };
    },
  };
}

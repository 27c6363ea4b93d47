// export.*: the workspace as a file in one of the export formats (src/shared/concepts/
// export-formats.ts names them; ./exporters.ts renders each), an entity's dossier as a
// brief, and the timeline of events. Each is a pure function of one state.
import type { NamespaceHandlers } from '../../shared/api';
import { citationStyle, DEFAULT_CITATION_STYLE } from '../../shared/concepts/citation-styles';
import { exportFormat } from '../../shared/concepts/export-formats';
import { notFound, WorkbenchError } from '../../shared/errors';
import type { CoreContext } from '../context';
import { dossier } from '../entities/dossier';
import { timelineOf } from '../events/handlers';
import { exportDossier } from './dossier';
import { exportEventsCsv, exportEventsJson } from './events';
import { EXPORTERS } from './exporters';
import { selectSnapshot, type Snapshot } from './snapshot';

/** Everything an exporter reads, taken at one moment, documents in the order they came. */
export function snapshot(ctx: CoreContext): Promise<Snapshot> {
  return ctx.read((tx) => ({
    entities: [...tx.entities],
    notes: [...tx.notes],
    documents: [...tx.documents()]
      .map(({ document, annotations }) => ({ document, annotations }))
      .sort((a, b) => a.document.createdAt.localeCompare(b.document.createdAt)),
    codebook: tx.codebook,
    codebookChanged: tx.ownCodebook !== undefined,
    links: [...tx.links],
    exportedAt: new Date().toISOString(),
  }));
}

const slug = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60) || 'entity';

/** What each format's file is called, before its date and extension. */
const FILE_NAMES: Record<string, string> = {
  json: 'workspace-backup',
  w3c: 'annotations',
  bibtex: 'bibliography',
  ris: 'bibliography',
  'csl-json': 'bibliography',
  qdpx: 'project',
  qdc: 'codebook',
};

export function exportHandlers(ctx: CoreContext): NamespaceHandlers<'export'> {
  return {
    'export.create': async ({ format, style, locale, code, documentIds }) => {
      const spec = exportFormat(format);
      const whole = await snapshot(ctx);
      const known = new Set(whole.documents.map((d) => d.document.id));
      const missing = documentIds?.find((id) => !known.has(id));
      if (missing) throw notFound('document', missing);
      const chosen = style ?? DEFAULT_CITATION_STYLE;
      const options = { style: chosen, locale: locale ?? citationStyle(chosen).locale };
      // The backup is always the whole workspace: a filtered one would not restore it.
      const snap =
        format === 'json'
          ? whole
          : selectSnapshot(whole, {
              ...options,
              ...(code ? { code } : {}),
              ...(documentIds ? { documentIds } : {}),
            });
      const body = await EXPORTERS[format](snap, options);
      const date = snap.exportedAt.slice(0, 10);
      return {
        fileName: `${FILE_NAMES[format] ?? 'research-notes'}-${date}.${spec.extension}`,
        mimeType: spec.mediaType,
        ...(typeof body === 'string'
          ? { content: body }
          : { content: Buffer.from(body).toString('base64'), encoding: 'base64' as const }),
      };
    },
    'export.dossier': ({ id }) =>
      ctx.read((tx) => {
        const now = new Date().toISOString();
        const d = dossier(
          [...tx.documents()],
          tx.entities,
          tx.entity(id),
          ctx.search.blockLookup(),
        );
        const quoteOf = (annotationId: string): string | undefined => {
          try {
            return tx.annotation(annotationId).target.quote.exact;
          } catch (error) {
            // A document not read yet is read and the export runs again; a gone one is skipped.
            if (error instanceof WorkbenchError && error.code === 'NOT_FOUND') return undefined;
            throw error;
          }
        };
        return {
          fileName: `dossier-${slug(d.entity.name)}-${now.slice(0, 10)}.md`,
          mimeType: exportFormat('markdown').mediaType,
          content: exportDossier(d, now, { links: tx.links, codebook: tx.codebook, quoteOf }),
        };
      }),
    'export.events': ({ format }) =>
      ctx.read((tx) => {
        const date = new Date().toISOString().slice(0, 10);
        const events = timelineOf(tx);
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
      }),
  };
}

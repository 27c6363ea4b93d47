// export.*: the workspace as a file in one of the export formats (src/shared/concepts/
// export-formats.ts names them; ./exporters.ts renders each), an entity's dossier as a
// brief, and the timeline of events. Each is a pure function of one state.
import type { NamespaceHandlers } from '../../shared/api';
import { citationStyle, DEFAULT_CITATION_STYLE } from '../../shared/concepts/citation-styles';
import { codebookOf } from '../../shared/codebook/codebook';
import { exportFormat } from '../../shared/concepts/export-formats';
import { notFound, WorkbenchError } from '../../shared/errors';
import { noteLinksTo } from '../../shared/note-links';
import type { CoreContext } from '../context';
import { dossierOf } from '../entities/dossier-read';
import { timelineOf } from '../events/handlers';
import { exportDossier } from './dossier';
import { exportEventsCsv, exportEventsJson } from './events';
import { readKeptCopies } from './backup-originals';
import { EXPORTERS } from './exporters';
import { selectSnapshot, type Snapshot } from './snapshot';

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
    codebook: codebookOf(ctx.store.workspace),
    codebookChanged: ctx.store.workspace.codebook !== undefined,
    links: [...(ctx.store.workspace.links ?? [])],
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
    'export.bibliography': async ({ documentIds, style, locale }) => {
      const whole = await snapshot(ctx);
      const known = new Set(whole.documents.map((d) => d.document.id));
      const missing = documentIds.find((id) => !known.has(id));
      if (missing) throw notFound('document', missing);
      const chosen = style ?? DEFAULT_CITATION_STYLE;
      const wanted = new Set(documentIds);
      const { citerFor } = await import('./citations/engine');
      const { toCslItem } = await import('./citations/csl-items');
      const items = whole.documents
        .filter((d) => wanted.has(d.document.id))
        .map((d) => toCslItem(d.document));
      const citer = await citerFor(items, chosen, locale ?? citationStyle(chosen).locale);
      return { entries: citer.bibliographyText() };
    },
    'export.create': async ({ format, style, locale, code, documentIds, includeOriginals }) => {
      const spec = exportFormat(format);
      const whole = await snapshot(ctx);
      const known = new Set(whole.documents.map((d) => d.document.id));
      const missing = documentIds?.find((id) => !known.has(id));
      if (missing) throw notFound('document', missing);
      const chosen = style ?? DEFAULT_CITATION_STYLE;
      const options = { style: chosen, locale: locale ?? citationStyle(chosen).locale };
      if (includeOriginals && format !== 'json')
        throw new WorkbenchError(
          'INVALID_INPUT',
          `Only the workspace backup can carry the originals, not ${spec.label}.`,
        );
      const kept =
        includeOriginals === true
          ? await readKeptCopies(
              ctx,
              whole.documents.map((d) => d.document),
            )
          : undefined;
      // The backup is always the whole workspace: a filtered one would not restore it.
      const snap =
        format === 'json'
          ? whole
          : selectSnapshot(whole, {
              ...options,
              ...(code ? { code } : {}),
              ...(documentIds ? { documentIds } : {}),
            });
      const body = await EXPORTERS[format](snap, kept ? { ...options, kept } : options);
      const date = snap.exportedAt.slice(0, 10);
      return {
        fileName: `${FILE_NAMES[format] ?? 'research-notes'}-${date}.${spec.extension}`,
        mimeType: spec.mediaType,
        ...(typeof body === 'string'
          ? { content: body }
          : { content: Buffer.from(body).toString('base64'), encoding: 'base64' as const }),
      };
    },
    'export.dossier': async ({ id }) => {
      const now = new Date().toISOString();
      const d = await dossierOf(ctx, id);
      // Linked highlights may be in documents the dossier did not read: the read reads them.
      const content = await ctx.read((tx) => {
        const quoteOf = (annotationId: string): string | undefined => {
          try {
            return tx.annotation(annotationId).target.quote.exact;
          } catch (error) {
            // A document not read yet is read and the export runs again; a gone one is skipped.
            if (error instanceof WorkbenchError && error.code === 'NOT_FOUND') return undefined;
            throw error;
          }
        };
        // The notes about it, as its dossier shows them: linked to it or naming it.
        const resolve = (text: string) => ctx.search.scope.resolveLink(text);
        const notes = tx.notes
          .filter((n) => noteLinksTo(n, { kind: 'entity', id }, resolve))
          .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
        return exportDossier(d, now, { links: tx.links, codebook: tx.codebook, quoteOf, notes });
      });
      return {
        fileName: `dossier-${slug(d.entity.name)}-${now.slice(0, 10)}.md`,
        mimeType: exportFormat('markdown').mediaType,
        content,
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

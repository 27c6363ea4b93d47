// documents.original, documents.originalPage and documents.media: what a document was
// imported from, read back from originals/ and media/ and checked against its SHA-256
// first, so a file changed on disk is reported as changed and never shown as the source.
import type { WorkbenchHandlers } from '../../shared/api';
import { WorkbenchError } from '../../shared/errors';
import type { Document } from '../../shared/model';
import type { CoreContext } from '../context';
import { MEDIA_FOLDER, ORIGINALS_FOLDER, readKept } from '../originals/kept-files';
import { imageTypeOf } from '../originals/media-type';

type Handlers = Pick<
  WorkbenchHandlers,
  'documents.original' | 'documents.originalPage' | 'documents.media'
>;

/** The document, read from disk if it is not in memory (tx.document names a missing one). */
async function documentOf(ctx: CoreContext, id: string): Promise<Document> {
  return (await ctx.store.read((tx) => tx.document(id))).document;
}

async function originalOf(ctx: CoreContext, id: string) {
  const document = await documentOf(ctx, id);
  if (!document.original)
    throw new WorkbenchError(
      'NOT_FOUND',
      `“${document.title}” was imported before the workbench kept original files; import the file again to keep it.`,
    );
  return document.original;
}

/** A Buffer's own bytes as a plain Uint8Array (a Buffer would travel as JSON numbers). */
const plainBytes = (b: Uint8Array): Uint8Array =>
  new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export function originalHandlers(ctx: CoreContext): Handlers {
  const { store } = ctx;
  const read = (folder: typeof ORIGINALS_FOLDER | typeof MEDIA_FOLDER, sha256: string) =>
    readKept(store.fileSystem, store.dir, folder, sha256);
  return {
    'documents.original': async ({ id }) => {
      const original = await originalOf(ctx, id);
      return { original, bytes: plainBytes(await read(ORIGINALS_FOLDER, original.sha256)) };
    },

    'documents.originalPage': async ({ id }) => {
      const original = await originalOf(ctx, id);
      if (original.mediaType !== 'text/html')
        throw new WorkbenchError('INVALID_INPUT', `${original.fileName} is not a web page.`);
      const bytes = await read(ORIGINALS_FOLDER, original.sha256);
      // Loaded on first use, like the importers: jsdom is large.
      const { renderWebPage } = await import('../originals/web-page');
      return renderWebPage(bytes, original.fileName);
    },

    'documents.media': async ({ id, sha256 }) => {
      const document = await documentOf(ctx, id);
      // Only an image this document shows: the call is no way to read other kept files.
      if (!document.blocks.some((b) => b.image?.sha256 === sha256))
        throw new WorkbenchError('NOT_FOUND', `“${document.title}” has no image ${sha256}.`);
      const bytes = await read(MEDIA_FOLDER, sha256);
      const type = imageTypeOf(bytes);
      if (!type) throw new WorkbenchError('CONFLICT', `media/${sha256} is not an image.`);
      return { dataUrl: `data:${type};base64,${Buffer.from(bytes).toString('base64')}` };
    },
  };
}

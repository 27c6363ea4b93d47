// Keeping what an import brought before the command that stores its document runs: the
// file itself in originals/ and its images in media/, each durable before any record
// names it. A workspace opened read-only keeps nothing (its command will be refused).
import { WorkbenchError } from '../../shared/errors';
import type { OriginalFile } from '../../shared/model';
import type { CoreContext } from '../context';
import type { ImportedContent } from '../importers/plain-text';
import { mediaTypeOf } from '../originals/media-type';
import { keepFile, MEDIA_FOLDER, ORIGINALS_FOLDER } from '../originals/kept-files';

export async function keepImport(
  ctx: CoreContext,
  bytes: Uint8Array,
  fileName: string,
  content: ImportedContent,
): Promise<ImportedContent> {
  const { store } = ctx;
  if (store.readOnly) return content;
  const fs = store.fileSystem;
  let sha256: string;
  try {
    for (const image of content.media ?? [])
      await keepFile(fs, store.dir, MEDIA_FOLDER, image.bytes);
    ({ sha256 } = await keepFile(fs, store.dir, ORIGINALS_FOLDER, bytes));
  } catch (error) {
    throw new WorkbenchError(
      'WRITE_FAILED',
      `Not saved: ${fileName} could not be kept in the workspace (${(error as Error).message}). No document was added.`,
    );
  }
  const original: OriginalFile = {
    sha256,
    fileName: fileName.slice(0, 500),
    mediaType: mediaTypeOf(bytes, fileName),
    size: bytes.byteLength,
  };
  // The images' bytes are on disk now: the command carries only their names.
  const { media: _kept, ...rest } = content;
  return { ...rest, original };
}

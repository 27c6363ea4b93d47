// What kind of file a kept file is, told by its first bytes where they say (PDF, Word's
// zip, the raster images shown in the reader) and by its name otherwise. An image's type
// comes from its bytes only: a file that calls itself a PNG and is not one is not shown.
import { importKindOf } from '../../shared/concepts/import-formats';
import type { ImageMediaType } from '../../shared/model';

const startsWith = (bytes: Uint8Array, ...sig: number[]): boolean =>
  sig.every((b, i) => bytes[i] === b);

/** The raster image type the bytes are, if they are one the reader shows. */
export function imageTypeOf(bytes: Uint8Array): ImageMediaType | undefined {
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (startsWith(bytes, 0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (
    startsWith(bytes, 0x52, 0x49, 0x46, 0x46) &&
    String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP'
  )
    return 'image/webp';
  return undefined;
}

const BY_KIND: Record<string, string> = {
  text: 'text/plain',
  markdown: 'text/markdown',
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  backup: 'application/json',
};

/** The media type of an imported file. */
export function mediaTypeOf(bytes: Uint8Array, fileName: string): string {
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  const kind = importKindOf(fileName);
  return (kind && BY_KIND[kind]) ?? 'application/octet-stream';
}

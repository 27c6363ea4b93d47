// Turning a file's bytes into text, or refusing with the reason a user can act on: too
// large, empty, binary, or not UTF-8 with no charset declared. Nothing is guessed.
// Declared legacy charsets go through iconv-lite's full tables: Node's TextDecoder reads
// windows-1252 as ISO-8859-1 (curly quotes and dashes become C1 control characters) and
// lacks windows-1256 and friends in builds with small ICU, such as Electron's.
import iconv from 'iconv-lite';
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from '../../shared/concepts/import-formats';
import { ImportError } from './import-error';

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control += 1;
  }
  return control / Math.max(1, sample.length) > 0.1;
}

/** The charset an HTML file declares in a <meta> tag, if any. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head)?.[1]?.toLowerCase();
}

export function decodeText(
  bytes: Uint8Array,
  fileName: string,
  allowDeclaredCharset: boolean,
): string {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new ImportError(
      fileName,
      `it is too large (${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${MAX_IMPORT_LABEL})`,
    );
  }
  if (bytes.length === 0) throw new ImportError(fileName, 'it is empty');
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (looksBinary(bytes))
    throw new ImportError(fileName, 'it is a binary file, not text, Markdown or HTML');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const charset = allowDeclaredCharset ? declaredCharset(bytes) : undefined;
    if (!charset)
      throw new ImportError(fileName, 'it is not UTF-8 and declares no other character set');
    if (!iconv.encodingExists(charset)) {
      throw new ImportError(
        fileName,
        `it declares the character set "${charset}", which is not supported`,
      );
    }
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
  }
}

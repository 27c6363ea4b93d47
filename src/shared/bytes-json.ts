// Bytes in a JSON answer: the browser host's API speaks JSON, and a few answers carry a
// file (an original, an evidence bundle). A Uint8Array travels as `{"$bytes": base64}`
// and is read back as a Uint8Array; under Electron, IPC carries the bytes as they are.
export const BYTES_KEY = '$bytes';

export const isBytesWrapper = (value: unknown): value is { [BYTES_KEY]: string } =>
  typeof value === 'object' &&
  value !== null &&
  Object.keys(value).length === 1 &&
  typeof (value as Record<string, unknown>)[BYTES_KEY] === 'string';
